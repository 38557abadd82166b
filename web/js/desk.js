// The planner's desk: a side panel beside the map with one tab per task — screen a site, screen an
// inventory (batch), import and export layers, the rule book, and (for admins) the users. Like the
// panels of QGIS it folds to a strip of tabs, so the map keeps the room when nobody needs it.
//
// A tab's module is imported the first time the tab opens: the first view of the map loads none of
// them. Each module exports one function, `mount(container, context)`, that builds the tab into
// `container` once; context = { map, state, open(tabId), layerControl }.
//
// For tests the desk says on <body> which tab is open: data-desk="screen" (absent when folded).

import { t } from './messages.js';
import { currentUser, onUserChange } from './session.js';

/** The tabs in their order; `may`: the permission the signed-in user needs to see the tab (null: anyone who may read). */
export const TABS = [
  { id: 'screen', load: () => import('./screening/panel.js'), may: null },
  { id: 'batch', load: () => import('./batch/panel.js'), may: null },
  { id: 'transfer', load: () => import('./transfer/panel.js'), may: null },
  { id: 'rules', load: () => import('./admin/rules.js'), may: null },
  { id: 'users', load: () => import('./admin/users.js'), may: 'admin' },
];

/** Builds the desk into `element`; returns { open(tabId), close() }. */
export function desk(element, { map, state, layerControl }) {
  const strip = document.createElement('nav');
  strip.className = 'desk-tabs';
  strip.setAttribute('role', 'tablist');
  strip.setAttribute('aria-label', t('desk.title'));
  const body = document.createElement('div');
  body.className = 'desk-body';
  element.append(strip, body);

  const tabs = new Map();
  let openId = null;
  const context = { map, state, layerControl, open: (id) => open(id) };

  for (const tab of TABS) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'desk-tab';
    button.id = `desk-tab-${tab.id}`;
    button.dataset.testid = `desk-tab-${tab.id}`;
    button.setAttribute('role', 'tab');
    button.setAttribute('aria-selected', 'false');
    button.textContent = t(`desk.${tab.id}`);
    button.title = t(`desk.${tab.id}Title`);
    button.addEventListener('click', () => (openId === tab.id ? close() : open(tab.id)));
    const panel = document.createElement('section');
    panel.className = `desk-panel desk-${tab.id}`;
    panel.dataset.testid = `desk-${tab.id}`;
    panel.setAttribute('role', 'tabpanel');
    panel.setAttribute('aria-labelledby', button.id);
    panel.hidden = true;
    strip.append(button);
    body.append(panel);
    tabs.set(tab.id, { tab, button, panel, mounted: null });
  }

  async function open(id) {
    const entry = tabs.get(id);
    if (!entry || entry.button.hidden) return;
    for (const other of tabs.values()) {
      other.panel.hidden = other !== entry;
      other.button.setAttribute('aria-selected', String(other === entry));
    }
    openId = id;
    element.classList.add('open');
    document.body.dataset.desk = id;
    map.invalidateSize();
    entry.mounted ??= entry.tab.load().then((module) => module.mount(entry.panel, context)).catch((error) => {
      entry.mounted = null;
      entry.panel.textContent = t('desk.failed', { message: error.message });
      console.error(`airzone desk: the ${id} tab could not be built:`, error);
    });
    await entry.mounted;
  }

  function close() {
    for (const entry of tabs.values()) {
      entry.panel.hidden = true;
      entry.button.setAttribute('aria-selected', 'false');
    }
    openId = null;
    element.classList.remove('open');
    delete document.body.dataset.desk;
    map.invalidateSize();
  }

  const showFor = (user) => {
    for (const { tab, button } of tabs.values()) {
      button.hidden = Boolean(tab.may) && !user?.may.includes(tab.may);
      if (button.hidden && openId === tab.id) close();
    }
  };
  showFor(currentUser());
  onUserChange(showFor);
  return { open, close };
}
