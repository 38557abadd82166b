/**
 * The printable screening report: one self-contained HTML page (inline CSS, an SVG map excerpt), in
 * Chinese or English, that a browser prints.
 *
 * <p>May depend on: text, geo, layer, rules, screen.
 */
package airzone.report;
