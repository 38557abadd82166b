// The attribute form of one feature, built from the fields schema-form.js reads off the
// collection's schema. Every control has a label; enumerations show their values in the page's
// language; the values typed stay in the controls whatever the save does, until the planner
// closes the editor.

import { codeText, hasMessage, t } from '../messages.js';
import { inputText } from './schema-form.js';

// coded values with names in the messages: which prefix names each property's values
const CODE_PREFIX = { class: 'ban', zone_type: 'control', level: 'level', chp: 'chp', status: 'plant' };

/** The label of a property: `field.<name>` when the messages have it, else the name itself. */
export function fieldLabel(name) {
  return hasMessage(`field.${name}`) ? t(`field.${name}`) : name;
}

/** A <form> with one control per field, filled from `properties`; `read()` gives back what it holds. */
export function attributeForm(fields, properties, idPrefix) {
  const form = document.createElement('form');
  form.className = 'wb-form';
  form.noValidate = true; // the service checks the values and says why; the page only marks what is required
  form.dataset.testid = 'attribute-form';
  const controls = {};
  for (const field of fields) {
    const id = `${idPrefix}-${field.name}`;
    const row = document.createElement('div');
    row.className = `wb-field wb-field-${field.kind}`;
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = fieldLabel(field.name) + (field.required ? ' *' : '');
    const control = makeControl(field);
    control.id = id;
    control.name = field.name;
    control.dataset.testid = `field-${field.name}`;
    if (field.required) control.setAttribute('aria-required', 'true');
    const value = inputText(field, properties[field.name]);
    if (field.kind === 'checkbox') control.checked = value;
    else control.value = value;
    controls[field.name] = control;
    if (field.kind === 'checkbox') row.append(control, label);
    else row.append(label, control);
    form.append(row);
  }
  const read = () => Object.fromEntries(Object.entries(controls).map(([name, c]) => [name, c.type === 'checkbox' ? c.checked : c.value]));
  const fill = (next) => {
    for (const field of fields) {
      const value = inputText(field, next[field.name]);
      if (field.kind === 'checkbox') controls[field.name].checked = value;
      else controls[field.name].value = value;
    }
  };
  const focus = (name) => controls[name]?.focus();
  return { form, read, fill, focus };
}

function makeControl(field) {
  switch (field.kind) {
    case 'select': {
      const select = document.createElement('select');
      const empty = new Option(field.required ? t('form.choose') : '—', '');
      select.add(empty);
      const prefix = CODE_PREFIX[field.name];
      for (const value of field.options) select.add(new Option(prefix ? codeText(prefix, value) : value, value));
      return select;
    }
    case 'textarea': {
      const area = document.createElement('textarea');
      area.rows = 2;
      return area;
    }
    case 'checkbox': return input('checkbox');
    case 'date': return input('date');
    case 'number': {
      const number = input('text');
      number.inputMode = 'decimal';
      if (field.min !== undefined && field.max !== undefined) number.placeholder = `${field.min} – ${field.max}`;
      return number;
    }
    default: return input('text');
  }
}

function input(type) {
  const element = document.createElement('input');
  element.type = type;
  return element;
}
