import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createState, districtAt } from '../js/state.js';

const square = (x, y) => ({ type: 'Polygon', coordinates: [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]] });

test('every state starts empty and is its own', () => {
  const a = createState();
  const b = createState();
  a.loaded.push('districts');
  a.counts['ban-zones'] = 3;
  assert.deepEqual(b.loaded, []);
  assert.deepEqual(b.counts, {});
  assert.equal(b.districts, null);
});

test('districtAt finds the district under a point, and nothing before the districts arrive', () => {
  const state = createState();
  assert.equal(districtAt(state, { lat: 42.5, lng: 118.5 }), null);
  state.districts = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { name: '红山区' }, geometry: square(118, 42) },
      { type: 'Feature', properties: { name: '无界' }, geometry: null },
      { type: 'Feature', properties: { name: '宁城县' }, geometry: square(119, 41) },
    ],
  };
  assert.equal(districtAt(state, { lat: 41.5, lng: 119.5 }).name, '宁城县');
  assert.equal(districtAt(state, { lat: 10, lng: 10 }), null);
});
