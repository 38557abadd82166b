// Text helpers: feature properties come from data files and planners' input, so anything put into
// HTML is escaped first.

const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value) {
  if (value === null || value === undefined) return '';
  return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** Flags may arrive as JSON booleans or, from CSV and shapefile imports, as text. */
export function isTrue(value) {
  return value === true || value === 1 || (typeof value === 'string' && /^(true|yes|1|是)$/i.test(value.trim()));
}
