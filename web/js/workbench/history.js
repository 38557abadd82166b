// A feature's history (GET /api/history/{collection}/{id}): every version, newest first, with who
// saved it, when, what it changed; a click shows that version's shape on the map. An admin can
// restore a version (it becomes the current one as a new version; nothing is erased).

import * as L from 'leaflet';
import { getJson, post } from '../api.js';
import { currentUser } from '../session.js';
import { codeText, language, t } from '../messages.js';
import { formatTime } from '../formatting.js';
import { fieldLabel } from './form.js';
import { button, showMessage } from './ui.js';

const PREVIEW_STYLE = { color: '#525252', weight: 2.5, dashArray: '3 4', fill: false, interactive: false, pmIgnore: true, snapIgnore: true };

export async function showHistory({ map, session, ui, restored }) {
  const path = `api/history/${encodeURIComponent(session.collection)}/${encodeURIComponent(session.id)}`;
  let history;
  try {
    history = await getJson(path);
  } catch (error) {
    showMessage(ui.message, error.message, 'error');
    return;
  }
  let preview = null;
  const view = document.createElement('section');
  view.className = 'wb-history';
  view.dataset.testid = 'history';
  const heading = document.createElement('h3');
  heading.textContent = t('history.title');
  const list = document.createElement('ol');
  const admin = currentUser()?.may.includes('admin');
  for (const v of history.versions) {
    const item = document.createElement('li');
    item.dataset.version = String(v.version);
    const what = document.createElement('button');
    what.type = 'button';
    what.className = 'wb-history-version';
    what.textContent = t('history.line', {
      version: v.version, action: codeText('action', v.action), user: v.user, at: formatTime(v.at, language()),
    });
    what.addEventListener('click', () => {
      preview?.remove();
      preview = v.geometry ? L.geoJSON(v.geometry, { style: () => PREVIEW_STYLE, pmIgnore: true, interactive: false }).addTo(map) : null;
      list.querySelectorAll('li').forEach((li) => li.classList.toggle('selected', li === item));
    });
    const changed = document.createElement('div');
    changed.className = 'wb-history-change';
    changed.textContent = describeChange(v);
    item.append(what, changed);
    if (admin && v.version !== history.versions[0].version) {
      item.append(button(t('history.restore'), `restore-${v.version}`, async () => {
        try {
          const answer = await post(`${path}/restore`, { version: v.version });
          preview?.remove();
          restored(answer.body, answer.etag);
        } catch (error) {
          showMessage(ui.message, error.message, 'error');
        }
      }));
    }
    list.append(item);
  }
  const closeButton = button(t('history.close'), 'history-close', () => { preview?.remove(); view.remove(); });
  view.append(heading, list, closeButton);
  ui.side.replaceChildren(view);
}

function describeChange(v) {
  const c = v.change ?? {};
  if (c.first) return t('history.first');
  if (v.deleted) return t('history.deletedVersion');
  const parts = (c.properties ?? []).map(fieldLabel);
  if (c.geometry) parts.unshift(t('conflict.shape'));
  return parts.length ? t('history.changed', { what: parts.join(t('list.separator')) }) : t('history.nothing');
}
