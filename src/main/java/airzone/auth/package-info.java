/**
 * Users, roles, passwords (bcrypt), sessions and login throttling. {@code UserStore} and
 * {@code LoginFailures} (the throttle's counts) are its storage seams, implemented by the store package
 * beside {@code FeatureStore}, so that every instance sharing a database shares them.
 *
 * <p>May depend on: layer (for audit lines).
 */
package airzone.auth;
