/**
 * The one write path for features: validation against the collections' property rules (and their
 * JSON Schema), strict JSON reading, and {@code Edits}, which writes through the store and then
 * brings the derived layers and the screening index up to date.
 *
 * <p>May depend on: text, geo, layer, auth, rules, screen.
 */
package airzone.edit;
