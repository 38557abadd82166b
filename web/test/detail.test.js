import { test } from 'node:test';
import assert from 'node:assert/strict';
import { finer, simplifyLevel } from '../js/detail.js';

const LEVELS = [100, 200, 400, 800, 1600, 3200];

test('the first view (zoom 5 over northern China) asks for the 1600 m outlines', () => {
  // a pixel there is 4 km wide, half of it 2 km
  assert.equal(simplifyLevel(5, 34.2, 1, LEVELS), 1600);
});

test('each zoom step halves the level, down to the stored geometry at city zooms', () => {
  assert.equal(simplifyLevel(6, 34.2, 1, LEVELS), 800);
  assert.equal(simplifyLevel(7, 34.2, 1, LEVELS), 400);
  assert.equal(simplifyLevel(3, 34.2, 1, LEVELS), 3200);
  assert.equal(simplifyLevel(11, 39.9, 1, LEVELS), 0);
  assert.equal(simplifyLevel(16, 39.9, 1, LEVELS), 0);
});

test('a screen with twice the pixels asks for twice the detail', () => {
  assert.equal(simplifyLevel(5, 34.2, 2, LEVELS), 800);
});

test('farther north a pixel is narrower on the ground', () => {
  assert.equal(simplifyLevel(6.5, 22, 1, LEVELS), 800);
  assert.equal(simplifyLevel(6.5, 45, 1, LEVELS), 400);
});

test('without levels (an older service) the stored geometry', () => {
  assert.equal(simplifyLevel(5, 34.2, 1, []), 0);
});

test('0 is finer than any level, and nothing is finer than 0', () => {
  assert.equal(finer(0, 100), true);
  assert.equal(finer(800, 1600), true);
  assert.equal(finer(1600, 800), false);
  assert.equal(finer(800, 800), false);
  assert.equal(finer(100, 0), false);
  assert.equal(finer(0, 0), false);
});
