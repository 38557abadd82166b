/**
 * Users, roles, passwords (bcrypt), sessions and login throttling. {@code UserStore} is its own
 * storage seam, implemented by the store package beside {@code FeatureStore}.
 *
 * <p>May depend on: layer (for audit lines).
 */
package airzone.auth;
