/**
 * The plans' rules: the rule book ({@code rules.json}) with parameters and citations, and the derived
 * layers computed from them (heating radii, border buffers, clean-heating ban zones).
 *
 * <p>May depend on: text, geo, layer.
 */
package airzone.rules;
