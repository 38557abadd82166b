/**
 * The settings: environment variables and flags, read and checked once at start ({@code Config});
 * a bad value is {@code Config.Invalid}, one line on stderr and exit code 2.
 *
 * <p>May depend on: disk.
 */
package airzone.config;
