import test from 'node:test';
import assert from 'node:assert/strict';
import { changedProperties, sameGeometry } from '../js/workbench/conflict-diff.js';

test('names the properties whose values differ, page keys aside', () => {
  assert.deepEqual(changedProperties({ name: 'a', class: 'III', notes: 'mine', '@id': 1 }, { name: 'b', class: 'III', city: 'x' }),
    ['name', 'city', 'notes']);
});

test('absent and null are the same', () => {
  assert.deepEqual(changedProperties({ notes: null }, {}), []);
});

const square = (d) => ({ type: 'Polygon', coordinates: [[[119, 39], [119 + d, 39], [119 + d, 39 + d], [119, 39]]] });

test('geometries equal to a centimetre are the same; a moved vertex is not', () => {
  assert.equal(sameGeometry(square(0.1), square(0.1 + 1e-9)), true);
  assert.equal(sameGeometry(square(0.1), square(0.1001)), false);
  assert.equal(sameGeometry(square(0.1), { ...square(0.1), type: 'MultiPolygon' }), false);
});
