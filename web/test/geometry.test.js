import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contains, interiorPoint } from '../js/geometry.js';

const square = { type: 'Polygon', coordinates: [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]] };
const withHole = {
  type: 'Polygon',
  coordinates: [square.coordinates[0], [[4, 4], [6, 4], [6, 6], [4, 6], [4, 4]]],
};
// a C open to the east: its centroid (and its extent's middle) lies in the gap
const cShape = {
  type: 'Polygon',
  coordinates: [[[0, 0], [10, 0], [10, 3], [3, 3], [3, 7], [10, 7], [10, 10], [0, 10], [0, 0]]],
};

test('contains: inside, outside, in a hole', () => {
  assert.equal(contains(square, [5, 5]), true);
  assert.equal(contains(square, [11, 5]), false);
  assert.equal(contains(withHole, [5, 5]), false);
  assert.equal(contains(withHole, [2, 2]), true);
});

test('contains: any part of a MultiPolygon; nothing for other geometries', () => {
  const multi = { type: 'MultiPolygon', coordinates: [square.coordinates, [[[20, 20], [21, 20], [21, 21], [20, 20]]]] };
  assert.equal(contains(multi, [20.8, 20.5]), true);
  assert.equal(contains({ type: 'Point', coordinates: [5, 5] }, [5, 5]), false);
  assert.equal(contains(null, [5, 5]), false);
});

test('interiorPoint lies inside a C-shaped polygon whose middle is outside it', () => {
  assert.equal(contains(cShape, [5, 5]), false);
  assert.equal(contains(cShape, interiorPoint(cShape)), true);
});

test('interiorPoint takes the largest part of a MultiPolygon', () => {
  const small = [[[20, 20], [21, 20], [21, 21], [20, 21], [20, 20]]];
  const point = interiorPoint({ type: 'MultiPolygon', coordinates: [small, square.coordinates] });
  assert.equal(contains(square, point), true);
});

test('interiorPoint of an empty geometry is null', () => {
  assert.equal(interiorPoint({ type: 'MultiPolygon', coordinates: [] }), null);
  assert.equal(interiorPoint(null), null);
});
