/**
 * How values read as text in messages, labels and reports ({@code Numbers}): one formatter, so
 * "15 km" reads the same in a rule message, a derived layer's name and a printed report.
 *
 * <p>May depend on no other airzone package.
 */
package airzone.text;
