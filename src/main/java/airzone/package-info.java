/**
 * The entry point and the wiring: {@code App} opens the store, builds every service and hands them to
 * the HTTP server ({@code http.Services}); {@code UsersCli} and {@code BackupCli} are the commands
 * beside the service. No DI framework.
 *
 * <p>May depend on every package; none may depend on it (LayoutTest).
 */
package airzone;
