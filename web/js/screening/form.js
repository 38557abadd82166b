// The project form of the screening tab: the attributes /api/screen takes (SiteReader), with the
// industries and fuels from /api/industries. The form is built once and never reset, so what the
// planner typed stays across refused requests and across screenings.

import { getJson } from '../api.js';
import { language, t } from '../messages.js';

/** Builds the form into `container`; returns { values() } (the attributes as typed). */
export function projectForm(container, say) {
  const fields = {};
  const grid = document.createElement('div');
  grid.className = 'scr-form';

  const add = (name, control) => {
    control.id = `scr-field-${name}`;
    control.name = name;
    control.dataset.testid = `screening-field-${name}`;
    const label = document.createElement('label');
    label.htmlFor = control.id;
    label.textContent = t(`screening.field.${name}`);
    grid.append(label, control);
    fields[name] = control;
  };
  const text = (type, attributes = {}) => {
    const input = document.createElement('input');
    input.type = type;
    Object.assign(input, attributes);
    return input;
  };
  const select = (options) => {
    const element = document.createElement('select');
    for (const [value, label] of options) element.add(new Option(label, value));
    return element;
  };
  const checkbox = () => text('checkbox');

  add('name', text('text', { maxLength: 200, autocomplete: 'off' }));
  add('industry', select([['', t('screening.notGiven')]]));
  add('fuel', select([['', t('screening.notGiven')]]));
  add('boiler_tph', text('number', { min: 0, max: 10000, step: 'any', inputMode: 'decimal' }));
  add('boiler_use', select([['', t('screening.notGiven')], ['heating', t('screening.use.heating')], ['industrial', t('screening.use.industrial')]]));
  add('new', select([['true', t('screening.new.true')], ['false', t('screening.new.false')]]));
  add('key_gas_industry', checkbox());
  add('stack_height_m', text('number', { min: 0, max: 1000, step: 'any', inputMode: 'decimal' }));
  container.append(grid);

  getJson('api/industries').then((catalogue) => {
    fill(fields.industry, catalogue.industries ?? {});
    fill(fields.fuel, catalogue.fuels ?? {});
  }, (error) => say(t('screening.catalogueFailed', { message: error.message }), 'error'));

  return {
    values() {
      const out = {};
      for (const [name, control] of Object.entries(fields)) {
        out[name] = control.type === 'checkbox' ? (control.checked ? 'true' : '') : control.value;
      }
      return out;
    },
  };
}

/** The catalogue's entries as options, named in the page's language, after the "not given" one. */
function fill(selectElement, entries) {
  const lang = language();
  for (const [code, entry] of Object.entries(entries)) {
    selectElement.add(new Option(entry[`name_${lang}`] ?? entry.name_zh ?? code, code));
  }
}
