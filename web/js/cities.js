// Header buttons that fly to each planning city: the opening view has to span from Guangxi to
// Inner Mongolia, so a planner's first click is usually "my city".

import * as L from 'leaflet';
import { isTrue } from './text.js';
import { t } from './messages.js';

/**
 * Fills `nav` with one button per planning city found in the districts (in data order) plus one for
 * the overview. After each flight `document.body.dataset.view` names the city, which is what a
 * test (or anyone scripting the page) can wait for.
 */
export function cityNavigation(nav, map, districts, overviewBounds) {
  const cities = new Map();
  for (const f of districts.features) {
    if (!isTrue(f.properties?.seed_city) || !f.geometry) continue;
    const bounds = cities.get(f.properties.city) ?? L.latLngBounds([]);
    bounds.extend(L.geoJSON(f).getBounds());
    cities.set(f.properties.city, bounds);
  }
  const buttons = [[t('city.overview'), overviewBounds, 'overview'], ...[...cities].map(([name, b]) => [shortName(name), b, name])];
  nav.replaceChildren(...buttons.map(([text, bounds, view]) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = text;
    button.title = view === 'overview' ? t('city.overviewTitle') : view;
    button.dataset.city = view;
    button.addEventListener('click', () => {
      document.body.dataset.view = 'moving';
      for (const b of nav.children) b.classList.toggle('active', b === button);
      // the label layer listens to moveend too and was registered first, so labels are placed
      // by the time the view is announced
      map.once('moveend', () => { document.body.dataset.view = view; });
      map.flyToBounds(bounds, { padding: [24, 24], duration: 0.8 });
    });
    return button;
  }));
  nav.firstElementChild?.classList.add('active');
  document.body.dataset.view = 'overview';
}

/** 秦皇岛市 → 秦皇岛: the header has little room; the title attribute keeps the full name. */
function shortName(city) {
  return city.length > 2 ? city.replace(/市$/, '') : city;
}
