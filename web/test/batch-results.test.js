import { test } from 'node:test';
import assert from 'node:assert/strict';
import { districtLabel, facets, filterRows, pointOf, rowsOf, sortRows, summaryByDistrict, verdictCounts } from '../js/batch/results.js';
import { templateCsv, COLUMNS } from '../js/batch/columns.js';

// three sites and a refused row, as GeoJsonBatchOutput writes them
const district = (name, city) => ({ id: name, name, city, province: '河北省' });
const finding = (rule, severity) => ({ rule, severity, message_zh: rule, message_en: rule, citation: { document: 'd', title: 'T', clause: '一' } });
const RESULT = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', geometry: { type: 'Point', coordinates: [119.6, 39.9] },
      properties: { row: 1, name: '乙锅炉', verdict: 'prohibited', district: district('海港区', '秦皇岛市'), findings: [finding('boiler-size', 'prohibited'), finding('heating-radius', 'info')] } },
    { type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[118, 39], [118.2, 39], [118.2, 39.2], [118, 39.2], [118, 39]]] },
      properties: { row: 2, name: '甲工厂 Alpha', verdict: 'action_required', district: district('路南区', '唐山市'), findings: [finding('heating-radius', 'action_required')] } },
    { type: 'Feature', geometry: null, properties: { row: 3, name: 'bad', error: "lon is not a number: 'x'" } },
    { type: 'Feature', geometry: { type: 'Point', coordinates: [119.61, 39.91] },
      properties: { row: 4, name: '丙站', verdict: 'info', district: district('海港区', '秦皇岛市'), findings: [] } },
    { type: 'Feature', geometry: { type: 'Point', coordinates: [100, 30] },
      properties: { row: 5, name: '远处', verdict: 'info', district: {}, findings: [] } },
  ],
};

test('rows carry the verdict, the district, the rules found and a place; a refused row its reason and none', () => {
  const rows = rowsOf(RESULT);
  assert.equal(rows.length, 5);
  assert.deepEqual(rows[0].rules, ['boiler-size', 'heating-radius']);
  assert.equal(districtLabel(rows[0]), '海港区（秦皇岛市）');
  assert.deepEqual([rows[1].lon, rows[1].lat].map((v) => v.toFixed(3)), ['118.100', '39.100'], 'the mean of the ring without its closing vertex');
  assert.equal(rows[2].verdict, 'refused');
  assert.equal(rows[2].error, "lon is not a number: 'x'");
  assert.equal(rows[2].lat, null);
  assert.equal(districtLabel(rows[4]), '');
  assert.equal(pointOf(null), null);
});

test('filters combine, and the name filter ignores case', () => {
  const rows = rowsOf(RESULT);
  assert.deepEqual(filterRows(rows, { verdict: 'info' }).map((r) => r.row), [4, 5]);
  assert.deepEqual(filterRows(rows, { rule: 'heating-radius' }).map((r) => r.row), [1, 2]);
  assert.deepEqual(filterRows(rows, { rule: 'heating-radius', district: '海港区（秦皇岛市）' }).map((r) => r.row), [1]);
  assert.deepEqual(filterRows(rows, { text: ' alpha' }).map((r) => r.row), [2]);
  assert.equal(filterRows(rows, {}).length, 5);
});

test('sorting by verdict puts the worst first, ties in row order, and descending turns it round', () => {
  const rows = rowsOf(RESULT);
  assert.deepEqual(sortRows(rows, 'verdict').map((r) => r.row), [1, 2, 4, 5, 3]);
  assert.deepEqual(sortRows(rows, 'findings', true).map((r) => r.row), [1, 2, 3, 4, 5]);
  assert.deepEqual(sortRows(rows, 'row', true).map((r) => r.row), [5, 4, 3, 2, 1]);
  assert.deepEqual(rows.map((r) => r.row), [1, 2, 3, 4, 5], 'the input stays as it was');
});

test('the summary counts sites per district and verdict, worst districts first, refused rows apart', () => {
  const { districts, refused } = summaryByDistrict(rowsOf(RESULT));
  assert.equal(refused, 1);
  assert.deepEqual(districts.map((d) => d.district), ['海港区（秦皇岛市）', '路南区（唐山市）', '']);
  assert.deepEqual(districts[0], { district: '海港区（秦皇岛市）', total: 2, prohibited: 1, action_required: 0, info: 1 });
  assert.deepEqual(verdictCounts(rowsOf(RESULT)), { prohibited: 1, action_required: 1, info: 2, refused: 1 });
  assert.deepEqual(facets(rowsOf(RESULT)).rules, ['boiler-size', 'heating-radius']);
});

test('the template has the columns in order, a byte-order mark, and rows as long as the header', () => {
  const lines = templateCsv().slice(1).trim().split('\r\n');
  assert.ok(templateCsv().startsWith('\uFEFF'));
  assert.equal(lines[0], COLUMNS.map((c) => c.name).join(','));
  for (const line of lines) assert.equal(line.split(',').length, COLUMNS.length);
});
