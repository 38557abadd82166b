// A rule parameter's spec in GET /api/rules (type number | boolean | enum, default, min, minExclusive,
// max, unit, values) read as a form control and back. Pure (no DOM), so web/test/admin-parameters.test.js
// checks it. The service checks every value again (RuleBook.apply); this only keeps the form honest —
// a number typed as text stays as typed, and the service's refusal is shown at the field.

/** What control edits a parameter: {kind: 'number'|'checkbox'|'select', min, max, step, values}. */
export function controlFor(spec) {
  switch (spec.type) {
    case 'number':
      return { kind: 'number', min: spec.min ?? null, max: spec.max ?? null, step: 'any' };
    case 'boolean':
      return { kind: 'checkbox' };
    case 'enum':
      return { kind: 'select', values: [...(spec.values ?? [])] };
    default:
      throw new Error(`unknown parameter type ${spec.type}`);
  }
}

/**
 * The value to send for what the control holds: a number for number fields (what the planner typed,
 * as a JSON number when it is one, else the text itself, for the service to refuse in its words),
 * a boolean for checkboxes, the chosen text for a select.
 */
export function valueOf(spec, raw) {
  if (spec.type === 'boolean') return Boolean(raw);
  if (spec.type === 'number') {
    const text = String(raw).trim().replace(',', '.');
    const number = Number(text);
    return text !== '' && Number.isFinite(number) ? number : String(raw);
  }
  return String(raw);
}

/** The parameters whose value in `typed` differs from `current`: {name: value}, empty when none. */
export function changed(specs, current, typed) {
  const out = {};
  for (const name of Object.keys(specs)) {
    if (!(name in typed)) continue;
    const value = valueOf(specs[name], typed[name]);
    if (value !== current[name]) out[name] = value;
  }
  return out;
}

/**
 * The bounds of a number parameter as a planner reads them: "> 0 … ≤ 200", "0 … 500"; '' for none.
 */
export function boundsText(spec) {
  if (spec.type !== 'number') return spec.type === 'enum' ? (spec.values ?? []).join(' / ') : '';
  const low = spec.min === undefined ? '' : `${spec.minExclusive ? '>' : '≥'} ${spec.min}`;
  const high = spec.max === undefined ? '' : `≤ ${spec.max}`;
  return [low, high].filter(Boolean).join(', ');
}

/** The `rule.parameter` a refusal of PUT /api/rules names first ("heating-radius.radius_km must be …"), or null. */
export function refusedField(detail) {
  const match = /^([\w-]+\.[\w-]+) /.exec(detail ?? '');
  return match ? match[1] : null;
}
