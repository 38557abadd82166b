// How detailed the district and province outlines need to be for a view. The service offers them
// simplified for drawing at a few tolerances in metres (…/items?simplify=, listed in /api/config as
// simplifyLevels): the first view, where a pixel is 4 km wide, needs 60 KB of districts, not the
// 1 MB of the stored outlines. The page asks for the coarsest level within half a screen pixel, and
// for the stored, full-precision geometry once a pixel is smaller than twice the finest level.

/** The Earth's circumference at the equator, in metres: what one 256-pixel tile spans at zoom 0. */
const EQUATOR_M = 40075016.686;

/**
 * The tolerance (metres) to ask for at this view: the coarsest of `levels` no larger than half a
 * device pixel at `latitude` (the map's centre); 0, the stored geometry, when even the finest is.
 */
export function simplifyLevel(zoom, latitude, pixelRatio, levels) {
  const pixel = (EQUATOR_M * Math.cos((latitude * Math.PI) / 180)) / 2 ** (zoom + 8) / pixelRatio;
  return Math.max(0, ...levels.filter((metres) => metres <= pixel / 2));
}

/** Is level `a` more detailed than `b`? 0, the stored geometry, is more detailed than any. */
export function finer(a, b) {
  return b !== 0 && (a === 0 || a < b);
}
