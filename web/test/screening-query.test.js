import test from 'node:test';
import assert from 'node:assert/strict';
import { filled, groupBySeverity, pointQuery, siteFeature, zonesHit } from '../js/screening/query.js';

test('only the attributes filled in are sent, trimmed', () => {
  assert.deepEqual(filled({ name: ' 项目 ', fuel: 'coal', boiler_tph: '', industry: null, new: 'false', other: 'x' }),
      { name: '项目', fuel: 'coal', new: 'false' });
});

test('a point site is a query of lon, lat and the attributes', () => {
  const query = new URLSearchParams(pointQuery([119.6, 39.94], { fuel: 'coal', boiler_tph: '20', stack_height_m: ' ' }, { lang: 'en' }));
  assert.deepEqual(Object.fromEntries(query), { lon: '119.6', lat: '39.94', fuel: 'coal', boiler_tph: '20', lang: 'en' });
});

test('a polygon site is a Feature with the attributes as properties', () => {
  const geometry = { type: 'Polygon', coordinates: [[[119, 39], [120, 39], [120, 40], [119, 39]]] };
  assert.deepEqual(siteFeature(geometry, { key_gas_industry: 'true' }),
      { type: 'Feature', geometry, properties: { key_gas_industry: 'true' } });
});

test('findings are grouped most binding first, empty groups left out', () => {
  const findings = [
    { rule: 'a', severity: 'info' }, { rule: 'b', severity: 'prohibited' }, { rule: 'c', severity: 'info' }, { rule: 'd', severity: 'odd' },
  ];
  assert.deepEqual(groupBySeverity(findings).map((g) => [g.severity, g.findings.map((f) => f.rule)]),
      [['prohibited', ['b']], ['info', ['a', 'c']], ['other', ['d']]]);
  assert.deepEqual(groupBySeverity([]), []);
});

test('the zones hit are the areas at distance 0, once each', () => {
  const findings = [
    { layer: 'ban-zones', featureId: 'z1', distance_km: 0, severity: 'prohibited' },
    { layer: 'ban-zones', featureId: 'z1', distance_km: 0, severity: 'info' },
    { layer: 'heat-sources', featureId: 'p', distance_km: 0, severity: 'info' },
    { layer: 'control-zones', featureId: 'c', distance_km: 2.5, severity: 'info' },
    { layer: 'districts', featureId: null, distance_km: 0, severity: 'info' },
  ];
  assert.deepEqual(zonesHit(findings, ['ban-zones', 'control-zones', 'districts']),
      [{ layer: 'ban-zones', featureId: 'z1', severity: 'prohibited' }]);
});
