// What the attribute form of a collection asks for, read from the JSON Schema the service serves
// for it (GET /ogc/collections/{id}/schema), which it makes from the same rules its writes check:
// the rules are written once, in Java, and the form follows them. Pure: no DOM here (form.js
// builds the controls), so node --test covers it.

const LONG_TEXT = new Set(['notes']);

/**
 * One field per schema property, in the schema's order:
 * {name, kind: text|textarea|select|date|number|checkbox, required, options?, min?, max?}.
 */
export function fieldsOf(schema) {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, p]) => {
    const field = { name, required: required.has(name) };
    if (Array.isArray(p.enum)) return { ...field, kind: 'select', options: p.enum };
    if (p.type === 'boolean') return { ...field, kind: 'checkbox' };
    if (p.type === 'number' || p.type === 'integer') return { ...field, kind: 'number', min: p.minimum, max: p.maximum };
    if (p.format === 'date') return { ...field, kind: 'date' };
    return { ...field, kind: LONG_TEXT.has(name) ? 'textarea' : 'text' };
  });
}

/** The text a control shows for a property value (absent → empty). */
export function inputText(field, value) {
  if (value === undefined || value === null) return field.kind === 'checkbox' ? false : '';
  if (field.kind === 'checkbox') return value === true;
  return String(value);
}

/**
 * The properties the form says: `raw` maps names to what the controls hold (strings; booleans for
 * checkboxes). Empty optional fields are left out; properties the form does not show are kept from
 * `kept` (official data carries fields the form does not model). Numbers that do not parse stay
 * text, so the service refuses them with its reason instead of the page guessing.
 */
export function propertiesFrom(fields, raw, kept = {}) {
  const out = { ...kept };
  for (const field of fields) {
    delete out[field.name];
    const value = raw[field.name];
    if (field.kind === 'checkbox') {
      if (value === true) out[field.name] = true;
      else if (field.name in kept) out[field.name] = false;
      continue;
    }
    const text = typeof value === 'string' ? value.trim() : '';
    if (text === '') continue;
    if (field.kind === 'number') {
      const n = Number(text.replace(',', '.'));
      out[field.name] = Number.isFinite(n) ? n : text;
    } else {
      out[field.name] = text;
    }
  }
  return out;
}

/** Names of the required fields `properties` leaves empty. */
export function missingRequired(fields, properties) {
  return fields.filter((f) => f.required && (properties[f.name] === undefined || properties[f.name] === '')).map((f) => f.name);
}

/** The properties as the store has them, without the keys the page adds for itself ("@collection"). */
export function storedProperties(properties = {}) {
  return Object.fromEntries(Object.entries(properties).filter(([k]) => !k.startsWith('@')));
}
