// "Zone from districts": the planner picks districts — by clicking them on the map or by searching
// their names — and the service makes one shape of their union (POST /api/shapes/union), so that
// the zone shares the districts' borders exactly, as real notices are written ("all of 红山区").

import * as L from 'leaflet';
import { t } from '../messages.js';
import { unionOf } from '../shapes.js';
import { takeClicks } from '../drawing.js';
import { button, showMessage } from './ui.js';

const CHOSEN_STYLE = { color: '#ff6d00', weight: 3, fillColor: '#ffb74d', fillOpacity: 0.45, interactive: false, pmIgnore: true, snapIgnore: true };

/**
 * Opens the picker in `container`. `districtFeatureAt(latlng)` finds the district under a click;
 * `done(feature)` gets the union (a Feature with properties.names) once the planner makes it.
 */
export function pickDistricts({ map, state, container, districtFeatureAt, done, cancelled }) {
  const chosen = new Map(); // id → district feature
  const highlight = L.geoJSON(null, { style: () => CHOSEN_STYLE, pmIgnore: true, interactive: false }).addTo(map);
  const view = document.createElement('section');
  view.className = 'wb-districts';
  view.dataset.testid = 'district-picker';
  const heading = document.createElement('h2');
  heading.className = 'wb-title';
  heading.textContent = t('districts.title');
  const hint = document.createElement('p');
  hint.className = 'wb-hint';
  hint.textContent = t('districts.hint');
  const search = document.createElement('input');
  search.type = 'search';
  search.id = 'wb-district-search';
  search.dataset.testid = 'district-search';
  search.setAttribute('list', 'wb-district-names');
  const label = document.createElement('label');
  label.htmlFor = search.id;
  label.textContent = t('districts.search');
  const names = document.createElement('datalist');
  names.id = 'wb-district-names';
  for (const f of state.districts?.features ?? []) names.append(new Option(`${f.properties.name} · ${f.properties.city ?? ''}`, searchKey(f)));
  const list = document.createElement('ul');
  list.className = 'wb-chosen';
  list.dataset.testid = 'district-chosen';
  const message = document.createElement('div');
  message.className = 'wb-message';
  message.setAttribute('role', 'alert');
  message.hidden = true;
  const make = button(t('districts.make'), 'district-make', () => makeZone(), 'primary');
  const cancel = button(t('editor.cancel'), 'district-cancel', () => { finish(); cancelled?.(); });

  function toggle(feature) {
    if (chosen.has(feature.id)) chosen.delete(feature.id);
    else chosen.set(feature.id, feature);
    highlight.clearLayers();
    for (const f of chosen.values()) highlight.addData(f);
    list.replaceChildren(...[...chosen.values()].map((f) => {
      const li = document.createElement('li');
      li.textContent = `${f.properties.name} `;
      li.dataset.districtId = String(f.id);
      li.append(button('×', `district-remove-${f.id}`, () => toggle(f)));
      li.lastChild.setAttribute('aria-label', t('districts.remove', { name: f.properties.name }));
      return li;
    }));
    make.disabled = chosen.size === 0;
  }

  const onSearch = () => {
    const hit = (state.districts?.features ?? []).find((f) => searchKey(f) === search.value.trim()
        || f.properties.name === search.value.trim());
    if (!hit) return;
    if (!chosen.has(hit.id)) toggle(hit);
    search.value = '';
  };
  search.addEventListener('change', onSearch);
  search.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); onSearch(); } });

  const onClick = (e) => {
    const district = districtFeatureAt(e.latlng);
    if (district) toggle(district);
  };
  map.on('click', onClick);
  takeClicks(map, true);

  async function makeZone() {
    make.disabled = true;
    try {
      const union = await unionOf([...chosen.keys()]);
      finish();
      done(union);
    } catch (error) {
      showMessage(message, error.message, 'error');
      make.disabled = false;
    }
  }

  function finish() {
    map.off('click', onClick);
    takeClicks(map, false);
    highlight.remove();
    view.remove();
  }

  make.disabled = true;
  const actions = document.createElement('div');
  actions.className = 'wb-actions';
  actions.append(make, cancel);
  view.append(heading, hint, label, search, names, list, actions, message);
  container.replaceChildren(view);
  container.hidden = false;
  search.focus();
  return { finish };
}

function searchKey(f) {
  return `${f.properties.name}（${f.properties.city ?? ''}）`;
}
