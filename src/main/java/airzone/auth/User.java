package airzone.auth;

/** Someone signed in: the name that history and audit record, and the role that decides what they may do. */
public record User(String name, Role role) {
}
