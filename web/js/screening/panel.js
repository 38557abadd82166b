// The desk's screening tab: one site, screened as a planner at the EIA desk would — choose the site
// (a click on the map, an outline drawn with the workbench's tools, or coordinates typed or pasted
// from a document: /api/coordinates reads degrees, DMS and Gauss-Krüger X/Y), describe the project,
// read the verdict and the findings with the clauses they rest on, print the report.
//
// For tests the tab says on <body>:
//   data-screening  idle | picking | drawing | busy | done | error
//   data-verdict    the last screening's verdict (absent until one is done)
//   data-screening-site  "lon,lat" of the point screened last (absent for an outline)

import { button, element as el } from '../dom.js';
import { getJson, post } from '../api.js';
import { language, t } from '../messages.js';
import { startDrawing, stopDrawing, takeClicks } from '../drawing.js';
import { projectForm } from './form.js';
import { showFindings } from './findings.js';
import { siteLayer } from './site-layer.js';
import { pointQuery, siteFeature } from './query.js';

export function mount(container, { map, state }) {
  const layer = siteLayer(map, state);
  let site = null; // a GeoJSON geometry: Point or Polygon
  let waiting = null; // the pick or the drawing in progress: { cancel() }
  let screenings = 0; // screenings begun: a result that comes back after a newer one began is not shown

  container.replaceChildren();
  const title = el('h2', null, t('screening.title'));

  // the site
  const siteBox = el('fieldset', 'scr-site-box');
  siteBox.append(el('legend', null, t('screening.siteTitle')));
  const pick = scrButton(t('screening.pick'), 'screening-pick', () => startPick());
  const draw = scrButton(t('screening.draw'), 'screening-draw', () => startDraw());
  const coordinates = el('input');
  coordinates.type = 'text';
  coordinates.id = 'scr-coordinates';
  coordinates.dataset.testid = 'screening-coordinates';
  coordinates.placeholder = t('screening.coordinatesHint');
  coordinates.autocomplete = 'off';
  coordinates.spellcheck = false;
  const coordinatesLabel = el('label', 'scr-coordinates-label', t('screening.coordinatesLabel'));
  coordinatesLabel.htmlFor = coordinates.id;
  const zone = el('input');
  zone.type = 'number';
  zone.min = 25;
  zone.max = 45;
  zone.step = 1;
  zone.id = 'scr-zone';
  zone.dataset.testid = 'screening-zone';
  zone.title = t('screening.zoneHint');
  const zoneLabel = el('label', 'scr-zone-label', t('screening.zone'));
  zoneLabel.htmlFor = zone.id;
  zoneLabel.title = t('screening.zoneHint');
  const read = scrButton(t('screening.read'), 'screening-read', () => readCoordinates());
  coordinates.addEventListener('keydown', (e) => { if (e.key === 'Enter') readCoordinates(); });
  const understood = el('p', 'scr-understood');
  understood.dataset.testid = 'screening-understood';
  understood.hidden = true;
  const where = el('p', 'scr-where', t('screening.noSite'));
  where.dataset.testid = 'screening-site';
  const typed = el('div', 'scr-typed');
  typed.append(coordinates, zoneLabel, zone, read);
  siteBox.append(row(pick, draw), coordinatesLabel, typed, understood, where);

  // the project
  const message = el('div', 'scr-message');
  message.setAttribute('role', 'status');
  message.dataset.testid = 'screening-message';
  message.hidden = true;
  const projectBox = el('fieldset', 'scr-project-box');
  projectBox.append(el('legend', null, t('screening.projectTitle')));
  const form = projectForm(projectBox, say);
  const screenButton = scrButton(t('screening.screen'), 'screening-screen', () => screen(), 'primary');
  const print = scrButton(t('screening.print'), 'screening-print', () => printReport());
  print.disabled = true;
  const results = el('div', 'scr-results');
  results.dataset.testid = 'screening-results';
  container.append(title, siteBox, projectBox, row(screenButton, print), message, results);

  setStatus('idle');
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape' && waiting) waiting.cancel(); });

  function startPick() {
    waiting?.cancel();
    stopDrawing(map);
    setStatus('picking');
    say(t('screening.picking'), 'hint');
    takeClicks(map, true);
    const picked = (e) => {
      finishWaiting();
      choose({ type: 'Point', coordinates: [round(e.latlng.lng), round(e.latlng.lat)] });
    };
    map.once('click', picked);
    waiting = { cancel: () => { map.off('click', picked); finishWaiting(); cancelled(); } };
  }

  function startDraw() {
    waiting?.cancel();
    setStatus('drawing');
    say(t('screening.drawing'), 'hint');
    let made = false;
    startDrawing(map, 'polygon', (drawn) => {
      made = true;
      map.removeLayer(drawn);
      finishWaiting();
      choose(drawn.toGeoJSON().geometry);
    });
    // Escape, or another tool of the workbench, ends the drawing without a shape
    map.once('pm:drawend', () => setTimeout(() => { if (!made && waiting) { finishWaiting(); cancelled(); } }));
    waiting = { cancel: () => stopDrawing(map) };
  }

  function finishWaiting() {
    waiting = null;
    takeClicks(map, false);
  }

  function cancelled() {
    setStatus(site ? 'done' : 'idle');
    say(t('screening.cancelled'), 'hint');
  }

  async function readCoordinates() {
    const text = coordinates.value.trim();
    if (!text) return say(t('screening.noCoordinates'), 'warning');
    const query = new URLSearchParams({ text });
    if (zone.value.trim()) query.set('zone', zone.value.trim());
    setStatus('busy');
    try {
      const answer = await getJson(`api/coordinates?${query}`);
      understood.textContent = t('screening.understood', { kind: t(`screening.kind.${answer.kind}`), read: answer.read });
      understood.dataset.kind = answer.kind;
      understood.dataset.crs = answer.crs;
      understood.hidden = false;
      await choose({ type: 'Point', coordinates: [answer.lon, answer.lat] });
    } catch (error) {
      understood.hidden = true;
      setStatus('error');
      say(t('screening.coordinatesFailed', { message: error.message }), 'error');
    }
  }

  async function choose(geometry) {
    site = geometry;
    where.textContent = geometry.type === 'Point'
      ? t('screening.sitePoint', { lon: geometry.coordinates[0].toFixed(6), lat: geometry.coordinates[1].toFixed(6) })
      : t('screening.sitePolygon', { corners: geometry.coordinates[0].length - 1 });
    await screen();
  }

  async function screen() {
    if (!site) return say(t('screening.chooseFirst'), 'warning');
    const mine = ++screenings;
    setStatus('busy');
    say(t('screening.busy'), 'hint');
    layer.showSite(site);
    print.disabled = true;
    const attributes = form.values();
    try {
      const result = site.type === 'Point'
        ? await getJson(`api/screen?${pointQuery(site.coordinates, attributes)}`)
        : (await post('api/screen', siteFeature(site, attributes))).body;
      if (mine !== screenings) return; // a newer screening has begun: its result is the one to show
      showFindings(results, result, state.rules);
      await layer.showResult(result);
      clearMessage();
      print.disabled = site.type !== 'Point';
      print.title = site.type === 'Point' ? '' : t('screening.printPointsOnly');
      if (site.type === 'Point') document.body.dataset.screeningSite = site.coordinates.join(',');
      else delete document.body.dataset.screeningSite;
      document.body.dataset.verdict = result.verdict;
      setStatus('done');
    } catch (error) {
      if (mine !== screenings) return;
      // the form, the typed coordinates and the last findings stay as they were
      setStatus('error');
      say(t('screening.failed', { message: error.message }), 'error');
    }
  }

  function printReport() {
    if (site?.type !== 'Point') return say(t('screening.printPointsOnly'), 'warning');
    window.open(`api/screen/report?${pointQuery(site.coordinates, form.values(), { lang: language() })}`, '_blank', 'noopener');
  }

  function say(text, kind) {
    message.textContent = text;
    message.dataset.kind = kind;
    message.hidden = false;
  }

  function clearMessage() {
    message.textContent = '';
    delete message.dataset.kind;
    message.hidden = true;
  }
}

function setStatus(status) {
  document.body.dataset.screening = status;
}

/** 8 decimals: a millimetre, finer than any click. */
function round(degrees) {
  return Math.round(degrees * 1e8) / 1e8;
}

function scrButton(text, testid, onClick, kind = '') {
  return button(text, testid, onClick, `scr-button${kind ? ` scr-${kind}` : ''}`);
}

function row(...children) {
  const div = el('div', 'scr-row');
  div.append(...children);
  return div;
}
