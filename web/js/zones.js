// The planning overlays: drawn zones (ban zones, built-up areas, industrial parks, other control
// zones) and the layers the service derives from the rules (heating radii, border buffers, border
// lines). How each looks, which pane it sits in, and what a click on it says.
//
// Colours live in ZONE_STYLE so the legend (legend.js) shows exactly what the map draws. Hatching
// is an SVG <pattern> kept once in the document (installPatterns); a path uses it as its fill.

import * as L from 'leaflet';
import { contains } from './geometry.js';
import { escapeHtml, isTrue } from './text.js';
import { codeText, language, t } from './messages.js';
import { SNAP_TARGET } from './drawing.js';

/**
 * Ban-zone classes of 《高污染燃料目录》: the stricter the class, the darker the red. Fill colours
 * go III → II → I from dark red over orange to yellow, so the strictest zone reads first.
 */
export const BAN_CLASSES = {
  III: { color: '#67000d', fillColor: '#a50f15', fillOpacity: 0.55 },
  II: { color: '#a63603', fillColor: '#f16913', fillOpacity: 0.55 },
  I: { color: '#9a7400', fillColor: '#fdd835', fillOpacity: 0.6 },
};

export const CONTROL_TYPES = {
  // names: control.<type> and controlShort.<type> in the messages
  straw_burning_ban: { color: '#8c510a', dashArray: null },
  fireworks_ban: { color: '#c51b7d', dashArray: null },
  high_emission_vehicle_restricted: { color: '#1b7837', dashArray: null },
  nonroad_machinery_low_emission: { color: '#00798c', dashArray: '5 3' },
};

export const ZONE_STYLE = {
  builtUp: { color: '#56616b', weight: 1.2, opacity: 0.9, fillColor: 'url(#az-hatch-built-up)', fillOpacity: 1 },
  industrialPark: { color: '#6a3d9a', weight: 2.2, opacity: 0.95, fillColor: '#6a3d9a', fillOpacity: 0.08 },
  controlZone: { weight: 1.6, opacity: 0.95, fillOpacity: 0.05 },
  // translucent so the districts and ban zones underneath stay readable; the dashed rim marks the
  // exact radius
  heatingRadius: { color: '#c0392b', weight: 1.6, opacity: 0.9, dashArray: '6 4', fillColor: '#e31a1c', fillOpacity: 0.08 },
  borderBuffer: { color: '#2171b5', weight: 1, opacity: 0.7, dashArray: '5 3', fillColor: '#4292c6', fillOpacity: 0.2 },
  borderLine: { color: '#08519c', weight: 3.5, opacity: 0.9, lineCap: 'round', lineJoin: 'round' },
};

/** Fill of a ban zone; derived ones are hatched in their class colour with a dashed rim. */
export function banStyle(properties) {
  const cls = BAN_CLASSES[properties.class] ?? BAN_CLASSES.III;
  const derived = properties.source === 'derived';
  return {
    color: cls.color,
    weight: derived ? 2 : 1.5,
    opacity: 0.95,
    fillColor: derived ? `url(#az-hatch-ban-${classKey(properties.class)})` : cls.fillColor,
    fillOpacity: derived ? 1 : cls.fillOpacity,
    dashArray: derived ? '7 4' : null,
  };
}

export function controlStyle(properties) {
  const type = CONTROL_TYPES[properties.zone_type] ?? { color: '#555', dashArray: '2 3' };
  return { ...ZONE_STYLE.controlZone, color: type.color, fillColor: type.color, dashArray: type.dashArray };
}

function classKey(value) {
  return BAN_CLASSES[value] ? value : 'III';
}

/**
 * Panes, bottom to top: districts (Leaflet's overlay pane, 400), drawn context areas, ban zones,
 * border buffers, heating radii, province outlines (420, layers.js), border lines, heat-source
 * markers (450). Plants stay on top of everything they explain, so they stay clickable.
 */
export function createZonePanes(map) {
  map.createPane('context-zones').style.zIndex = 404;
  map.createPane('ban-zones').style.zIndex = 408;
  map.createPane('buffers').style.zIndex = 412;
  map.createPane('radii').style.zIndex = 416;
  map.createPane('lines').style.zIndex = 430;
}

/** The hatch patterns and type colours, once per document: every pane's SVG can refer to the patterns by id. */
export function installPatterns(document) {
  if (document.getElementById('az-patterns')) return;
  const hatch = (id, color, background, backgroundOpacity, width, gap) => `
    <pattern id="${id}" patternUnits="userSpaceOnUse" width="${gap}" height="${gap}" patternTransform="rotate(45)">
      <rect width="${gap}" height="${gap}" fill="${background}" fill-opacity="${backgroundOpacity}"/>
      <line x1="1" y1="0" x2="1" y2="${gap}" stroke="${color}" stroke-width="${width}" stroke-opacity="0.75"/>
    </pattern>`;
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.id = 'az-patterns';
  svg.setAttribute('aria-hidden', 'true');
  // not display:none: Chromium does not paint patterns defined inside an undisplayed <svg>. Set
  // through the CSSOM: a style attribute is inline style, which the Content-Security-Policy refuses
  Object.assign(svg.style, { position: 'absolute', width: '0', height: '0', overflow: 'hidden' });
  svg.innerHTML = `<defs>
    ${Object.entries(BAN_CLASSES).map(([k, c]) => hatch(`az-hatch-ban-${k}`, c.fillColor, c.fillColor, 0.18, 2.5, 7)).join('')}
    ${hatch('az-hatch-built-up', '#6b7580', '#9aa3ad', 0.12, 1.2, 6)}
  </defs>`;
  document.body.prepend(svg);
  // the control-zone type colours as classes for the popups' tags, from the one table above; rules
  // added through the CSSOM are allowed where a style attribute in popup HTML would be refused
  const sheet = new CSSStyleSheet();
  for (const [type, t] of Object.entries(CONTROL_TYPES)) {
    sheet.insertRule(`.tag-control-${type} { border-color: ${t.color}; color: ${t.color}; }`);
  }
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

// ---- layers ----

/**
 * The overlays in switcher order. `group` starts a visual group in the layer switcher; `on` is
 * the default visibility (ban zones, radii and buffers; the rest would crowd the map). Names are
 * layer.<id> in the messages.
 */
export const OVERLAYS = [
  { id: 'ban-zones', on: true, group: true },
  { id: 'built-up-areas', on: false },
  { id: 'industrial-parks', on: false },
  { id: 'control-zones', on: false },
  { id: 'heating-radii', on: true, group: true },
  { id: 'border-buffers', on: true },
  { id: 'border-lines', on: false },
];

/**
 * Polygon overlays whose features a click reports together, in the order a planner needs them:
 * what prohibits first (ban zones), then what restricts, then what asks for action or
 * consultation, then context. Not the drawing order: a ban zone under a radius still comes first.
 */
const AREA_STACK = ['ban-zones', 'control-zones', 'heating-radii', 'border-buffers', 'industrial-parks', 'built-up-areas'];

/**
 * An empty layer for each overlay, filled with `addData` when its collection arrives. `context`
 * gives popups what they need beyond the feature: `rules()` (the rule book, or null while it
 * loads) and `districtAt(latlng)` (the district under a click, or null).
 */
export function zoneLayers(map, context) {
  const layers = {};
  const areaClick = (e) => {
    L.DomEvent.stopPropagation(e);
    const hits = featuresAt(layers, map, e.latlng);
    // the clicked path is a hit by definition; the point test can miss it on its very rim
    if (!hits.includes(e.target.feature)) hits.push(e.target.feature);
    const html = stackedPopup(hits, context, e.latlng);
    L.popup({ maxWidth: 360, maxHeight: 380, className: 'az-zone-popup' }).setLatLng(e.latlng).setContent(html).openOn(map);
  };
  const area = (id, pane, style, className) => L.geoJSON(null, {
    ...SNAP_TARGET, // a new zone can follow the edge of one already drawn
    pane,
    style: (f) => ({ ...style(f.properties), className: className(f.properties) }),
    onEachFeature: (feature, layer) => {
      feature.properties ??= {};
      feature.properties['@collection'] = id;
      feature.properties['@id'] = feature.id;
      // which feature a path draws, for tests and scripts (the element exists once on the map)
      layer.on('add', () => layer.getElement()?.setAttribute('data-feature-id', feature.id ?? ''));
      layer.on('click', areaClick);
      layer.on('mouseover', () => layer.setStyle({ weight: style(feature.properties).weight + 1.2 }));
      layer.on('mouseout', () => layer.setStyle({ weight: style(feature.properties).weight }));
    },
  });
  layers['ban-zones'] = area('ban-zones', 'ban-zones', banStyle, (p) =>
    `az-zone az-ban-zone az-ban-${classKey(p.class)}${p.source === 'derived' ? ' az-ban-derived' : ''}`);
  layers['built-up-areas'] = area('built-up-areas', 'context-zones', () => ZONE_STYLE.builtUp, () => 'az-zone az-built-up');
  layers['industrial-parks'] = area('industrial-parks', 'context-zones', () => ZONE_STYLE.industrialPark, () => 'az-zone az-industrial-park');
  layers['control-zones'] = area('control-zones', 'context-zones', controlStyle, (p) => `az-zone az-control-zone az-control-${p.zone_type}`);
  layers['heating-radii'] = area('heating-radii', 'radii', () => ZONE_STYLE.heatingRadius, () => 'az-zone az-heating-radius');
  layers['border-buffers'] = area('border-buffers', 'buffers', () => ZONE_STYLE.borderBuffer, () => 'az-zone az-border-buffer');
  layers['border-lines'] = L.geoJSON(null, {
    pane: 'lines',
    style: () => ({ ...ZONE_STYLE.borderLine, className: 'az-border-line' }),
    onEachFeature: (feature, layer) => {
      layer.bindPopup(() => borderLinePopup(feature, context), { maxWidth: 360 });
      layer.bindTooltip(escapeHtml(feature.properties?.name), { sticky: true });
    },
  });
  return layers;
}

/** Every area feature on the map that contains `latlng`, in AREA_STACK order. */
function featuresAt(layers, map, latlng) {
  const hits = [];
  for (const id of AREA_STACK) {
    const group = layers[id];
    if (!group || !map.hasLayer(group)) continue;
    group.eachLayer((layer) => {
      if (layer.getBounds().contains(latlng) && contains(layer.feature.geometry, [latlng.lng, latlng.lat])) {
        hits.push(layer.feature);
      }
    });
  }
  return hits;
}

// ---- popups ----

/** A tag of a popup: a class for its colour, a text, and optionally a longer title. */
function tag(className, text, title) {
  return `<span class="tag ${className}"${title ? ` title="${escapeHtml(title)}"` : ''}>${escapeHtml(text)}</span>`;
}

/**
 * One popup for everything under a click: a planner sees at once which zones overlap here, and in
 * which district (the zones cover the districts, so this is where the district's own data shows).
 * The first zone in full, the others without English name and note.
 */
function stackedPopup(features, context, latlng) {
  const district = context.districtAt?.(latlng);
  const here = { ...context, city: district?.city };
  const sections = features.map((f, i) => zonePopup(f, here, i > 0));
  const place = [district?.name, district?.city, district?.province].filter(Boolean).join(language() === 'zh' ? '，' : ', ')
      + (district?.adcode ? ` (${district.adcode})` : '');
  const where = district ? `<div class="popup-where">${escapeHtml(t('popup.where', { place }))}
      ${isTrue(district.is_key_area) ? ` ${tag('tag-key', t('tag.keyArea'))}` : ''}</div>` : '';
  const count = features.length > 1 ? `<div class="popup-count">${escapeHtml(t('popup.zonesHere', { count: features.length }))}</div>` : '';
  return `<div class="popup popup-stack">${count}${sections.join('<hr>')}${where}</div>`;
}

export function zonePopup(feature, context, brief = false) {
  const p = { ...(feature.properties ?? {}) };
  if (brief) {
    delete p.name_en;
    delete p.note_zh;
  }
  switch (p['@collection']) {
    case 'ban-zones': return banPopup(p, context);
    case 'heating-radii': return radiusPopup(p, context);
    case 'border-buffers': return bufferPopup(p, context);
    case 'control-zones': return section(p, context, 'popup-control', [
      typeTag(p.zone_type)], [[t('field.type'), codeText('control', p.zone_type)], [t('field.city'), p.city]]);
    case 'industrial-parks': return section(p, context, 'popup-park',
      [tag('tag-park', t('tag.industrialPark'))], [[t('field.city'), p.city]]);
    case 'built-up-areas': return section(p, context, 'popup-built-up',
      [tag('tag-built-up', t('tag.builtUp'))], [[t('field.city'), p.city], [t('field.level'), codeText('level', p.level)]]);
    default: return section(p, context, '', [], []);
  }
}

function banPopup(p, context) {
  const classTag = tag(`tag-ban-${classKey(p.class)}`, t('tag.banZone', { class: codeText('ban', p.class) ?? '—' }));
  const rows = [[t('field.city'), p.city]];
  if (Array.isArray(p.districts) && p.districts.length) rows.push([t('field.districts'), p.districts.join(language() === 'zh' ? '、' : ', ')]);
  else if (p.district) rows.push([t('field.district'), p.district]);
  if (p.effective_date) rows.push([t('field.effective'), p.effective_date]);
  return section(p, context, 'popup-ban', [classTag], rows);
}

function radiusPopup(p, context) {
  const params = p.parameters ?? {};
  const rows = [
    [t('field.radius'), km(p.radius_km ?? params.radius_km)],
    [t('field.largestUnit'), p.largest_unit_mw != null ? `${p.largest_unit_mw} MW` : null],
    [t('field.threshold'), params.min_unit_mw != null ? t('popup.unitThreshold', { mw: params.min_unit_mw }) : null],
  ];
  return section(p, context, 'popup-radius', [tag('tag-radius', t('tag.heatingRadius'))], rows);
}

function bufferPopup(p, context) {
  const rows = [
    [t('field.sideNeighbour'), `${p.side ?? '—'} / ${p.neighbour ?? '—'}`],
    [t('field.buffer'), km(p.buffer_km ?? p.parameters?.buffer_km)],
    [t('field.border'), p.border_id ? `${p.left ?? ''}—${p.right ?? ''}` : null],
  ];
  return section(p, context, 'popup-buffer', [tag('tag-buffer', t('tag.borderBuffer'))], rows);
}

function borderLinePopup(feature, context) {
  const p = { ...feature.properties, '@collection': 'border-lines' };
  const rows = [
    [t('field.sides'), `${p.left ?? '—'} / ${p.right ?? '—'}`],
    [t('field.length'), km(p.length_km)],
    [t('field.buffer'), km(p.parameters?.buffer_km)],
  ];
  return `<div class="popup">${section(p, context, 'popup-border-line', [tag('tag-buffer', t('tag.borderLine'))], rows)}</div>`;
}

/** Name, tags, attribute rows, the citation(s) and the illustrative note: every zone popup's shape. */
function section(p, context, className, tags, rows) {
  const allTags = [...tags];
  if (p.source === 'derived') allTags.push(tag('tag-derived', t('tag.derived'), t('tag.derivedTitle')));
  if (isTrue(p.illustrative)) allTags.push(tag('tag-illustrative', t('tag.illustrative'), t('tag.illustrativeTitle')));
  const rule = ruleOf(p, context);
  const body = rows.filter(([, v]) => v !== null && v !== undefined && v !== '')
      .map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`);
  if (rule) body.push(`<tr><th>${escapeHtml(t('field.rule'))}</th><td>${escapeHtml(rule[`title_${language()}`] ?? rule.title_zh)}</td></tr>`);
  // the feature's own citation shows; the rule's further ones fold away (they can be many)
  const [own, ...more] = citationsOf(p, rule, context);
  const cite = (c) => `<div class="citation" title="${escapeHtml(c.document)}">${escapeHtml(c.text)}</div>`;
  if (own) {
    body.push(`<tr><th>${escapeHtml(t('field.citation'))}</th><td class="citations">${cite(own)}${more.length
      ? `<details><summary>${escapeHtml(t('popup.moreCitations', { count: more.length }))}</summary>${more.map(cite).join('')}</details>` : ''}</td></tr>`);
  }
  const note = p.note_zh ? `<div class="popup-note">${escapeHtml(p.note_zh)}</div>` : '';
  const edit = context.canEdit?.(p) ? `<button type="button" class="popup-edit" data-testid="popup-edit"
      data-edit-collection="${escapeHtml(p['@collection'])}" data-edit-id="${escapeHtml(p['@id'])}">${escapeHtml(t('editor.edit'))}</button>` : '';
  return `<section class="popup-zone ${className}">
    <h3>${escapeHtml(p.name ?? '—')}</h3>
    ${p.name_en ? `<div class="name-en">${escapeHtml(p.name_en)}</div>` : ''}
    ${allTags.length ? `<div class="tags">${allTags.join(' ')}</div>` : ''}
    <table>${body.join('')}</table>
    ${note}
    ${edit}
  </section>`;
}

function ruleOf(p, context) {
  if (!p.rule) return null;
  return context.rules?.()?.rules?.find((r) => r.id === p.rule) ?? null;
}

/**
 * The feature's own citation first (a drawn zone's document + clause, a derived feature's
 * citation), then the rule's further citations from the rule book, each as 《title》clause; the
 * plan of the city where the click was (context.city) goes before all others.
 */
function citationsOf(p, rule, context) {
  const titles = context.rules?.()?.documents ?? {};
  const list = [];
  const add = (document, clause, title) => {
    if (!document && !clause) return;
    if (list.some((c) => c.document === document && c.clause === clause)) return;
    const name = title ?? titles[document] ?? document ?? '';
    list.push({ document, clause, text: `《${name}》${clause ? ` ${clause}` : ''}` });
  };
  if (p.citation) add(p.citation.document, p.citation.clause, p.citation.title);
  add(p.document, p.clause, null);
  for (const c of rule?.citations ?? []) add(c.document, c.clause, c.title);
  // a rule cited by several cities' plans: the plan of the city clicked in first (stable sort)
  const local = (c) => (context.city && c.text.startsWith(`《${context.city}`) ? 0 : 1);
  return list.sort((a, b) => local(a) - local(b));
}

function typeTag(zoneType) {
  const known = Object.hasOwn(CONTROL_TYPES, zoneType ?? '');
  return tag(`tag-control${known ? ` tag-control-${zoneType}` : ''}`, codeText('control', zoneType));
}

function km(value) {
  return value === null || value === undefined || value === '' ? null : `${value} km`;
}
