package airzone.auth;

import airzone.layer.AuditLine;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Managing users (each change audited) and checking passwords. HTTP Basic clients send the password
 * with every request and bcrypt is slow on purpose, so a successful check is remembered for a short
 * while, keyed by a hash of name and password; any change to the user forgets it.
 */
public final class Users {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,63}");
    /** The name history gives seeding; nobody may sign in as it. */
    private static final String RESERVED = "system";
    private static final Duration REMEMBER = Duration.ofSeconds(60);

    private final UserStore accounts;
    private final Clock clock;
    private final Map<String, Remembered> verified = new ConcurrentHashMap<>();

    private record Remembered(String name, User user, Instant until) {
    }

    public Users(UserStore accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    public List<Account> list() {
        return accounts.list();
    }

    public Optional<Account> find(String name) {
        return accounts.find(name);
    }

    public Account add(String name, String password, Role role, String actor) {
        if (name == null || !NAME.matcher(name).matches() || name.equalsIgnoreCase(RESERVED)) {
            throw new AccountProblem(AccountProblem.Kind.INVALID,
                    "a user name is 2–64 letters, digits, '.', '_' or '-', starting with a letter or digit, and not '" + RESERVED + "'");
        }
        Account account = new Account(name, hash(password), role, false, clock.instant());
        if (!accounts.add(account, audit(actor, "user-add", name, Map.of("role", role.id())))) {
            throw new AccountProblem(AccountProblem.Kind.EXISTS, "user '" + name + "' exists already");
        }
        return account;
    }

    public Account setPassword(String name, String password, String actor) {
        Account a = existing(name);
        return change(new Account(name, hash(password), a.role(), a.disabled(), a.createdAt()), actor, "user-password", Map.of());
    }

    public Account setRole(String name, Role role, String actor) {
        Account a = existing(name);
        if (role != Role.ADMIN) keepAnAdmin(a, "made " + role.id());
        return change(new Account(name, a.passwordHash(), role, a.disabled(), a.createdAt()), actor, "user-role", Map.of("role", role.id()));
    }

    public Account setDisabled(String name, boolean disabled, String actor) {
        Account a = existing(name);
        if (disabled) keepAnAdmin(a, "disabled");
        return change(new Account(name, a.passwordHash(), a.role(), disabled, a.createdAt()), actor,
                disabled ? "user-disable" : "user-enable", Map.of());
    }

    /** Lets {@code name} sign in again from wherever it was made to wait, and audits that. @return whether it was waiting anywhere */
    public boolean unlock(LoginThrottle throttle, String name, String actor) {
        existing(name);
        boolean lifted = throttle.liftName(name);
        accounts.audit(new AuditLine(actor, "user-unlock", JsonNodeFactory.instance.objectNode().put("user", name).put("lifted", lifted)));
        return lifted;
    }

    /** Lets {@code address} sign in again, for every name, and audits that. @return whether it was waiting */
    public boolean unlockAddress(LoginThrottle throttle, String address, String actor) {
        boolean lifted = throttle.liftAddress(address);
        accounts.audit(new AuditLine(actor, "address-unlock", JsonNodeFactory.instance.objectNode().put("address", address).put("lifted", lifted)));
        return lifted;
    }

    /**
     * Creates the admin named in {@code AIRZONE_BOOTSTRAP_ADMIN} ("name:password") unless a user of
     * that name exists; a later start never resets the password someone has since changed.
     * @return true when the admin was created
     */
    public boolean bootstrapAdmin(String spec) {
        int colon = spec.indexOf(':');
        if (colon < 1) throw new AccountProblem(AccountProblem.Kind.INVALID, "AIRZONE_BOOTSTRAP_ADMIN must be name:password");
        String name = spec.substring(0, colon);
        if (accounts.find(name).isPresent()) return false;
        add(name, spec.substring(colon + 1), Role.ADMIN, RESERVED);
        return true;
    }

    /** The user when the name and password match an enabled account. */
    public Optional<User> verify(String name, String password) {
        if (name == null || password == null) return Optional.empty();
        String key = Tokens.sha256(name + '\0' + password);
        Remembered r = verified.get(key);
        if (r != null && r.until().isAfter(clock.instant())) return Optional.of(r.user());
        Optional<Account> account = accounts.find(name).filter(a -> !a.disabled());
        if (account.isEmpty() || !Passwords.matches(password, account.get().passwordHash())) return Optional.empty();
        User user = account.get().user();
        verified.put(key, new Remembered(name, user, clock.instant().plus(REMEMBER)));
        return Optional.of(user);
    }

    /**
     * Refuses to take the last enabled admin away: nobody could then manage users or rules (short of
     * the users command on the server). Two admins demoting each other at the same instant could
     * still both pass; the command line puts that right.
     */
    private void keepAnAdmin(Account changing, String becoming) {
        if (changing.role() != Role.ADMIN || changing.disabled()) return;
        boolean another = accounts.list().stream()
                .anyMatch(a -> a.role() == Role.ADMIN && !a.disabled() && !a.name().equals(changing.name()));
        if (!another) {
            throw new AccountProblem(AccountProblem.Kind.LAST_ADMIN, "'" + changing.name() + "' is the last enabled admin and cannot be "
                    + becoming + "; make another user admin first");
        }
    }

    private Account existing(String name) {
        return accounts.find(name).orElseThrow(() -> new AccountProblem(AccountProblem.Kind.NOT_FOUND, "no user '" + name + "'"));
    }

    private Account change(Account changed, String actor, String action, Map<String, String> detail) {
        if (!accounts.update(changed, audit(actor, action, changed.name(), detail))) {
            throw new AccountProblem(AccountProblem.Kind.NOT_FOUND, "no user '" + changed.name() + "'");
        }
        verified.values().removeIf(r -> r.name().equals(changed.name()));
        return changed;
    }

    private static String hash(String password) {
        try {
            return Passwords.hash(password);
        } catch (IllegalArgumentException e) {
            throw new AccountProblem(AccountProblem.Kind.INVALID, e.getMessage());
        }
    }

    private static AuditLine audit(String actor, String action, String name, Map<String, String> detail) {
        ObjectNode d = JsonNodeFactory.instance.objectNode().put("user", name);
        detail.forEach(d::put);
        return new AuditLine(actor, action, d);
    }
}
