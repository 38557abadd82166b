import { test } from 'node:test';
import assert from 'node:assert/strict';
import { boundsText, changed, controlFor, refusedField, valueOf } from '../js/admin/parameters.js';

const radius = { type: 'number', default: 15, min: 0, minExclusive: true, max: 200, unit: 'km' };
const flag = { type: 'boolean', default: false };
const klass = { type: 'enum', default: 'III', values: ['I', 'II', 'III'] };

test('each spec type gets its control', () => {
  assert.deepEqual(controlFor(radius), { kind: 'number', min: 0, max: 200, step: 'any' });
  assert.deepEqual(controlFor(flag), { kind: 'checkbox' });
  assert.deepEqual(controlFor(klass), { kind: 'select', values: ['I', 'II', 'III'] });
  assert.throws(() => controlFor({ type: 'date' }), /unknown parameter type/);
});

test('typed numbers become JSON numbers; anything else stays as typed for the service to refuse', () => {
  assert.equal(valueOf(radius, ' 12.5 '), 12.5);
  assert.equal(valueOf(radius, '12,5'), 12.5);
  assert.equal(valueOf(radius, 'abc'), 'abc');
  assert.equal(valueOf(radius, ''), '');
  assert.equal(valueOf(flag, true), true);
  assert.equal(valueOf(klass, 'II'), 'II');
});

test('only what changed is sent', () => {
  const specs = { radius_km: radius, include_planned: flag };
  assert.deepEqual(changed(specs, { radius_km: 15, include_planned: false }, { radius_km: '15', include_planned: false }), {});
  assert.deepEqual(changed(specs, { radius_km: 15, include_planned: false }, { radius_km: '20', include_planned: true }),
    { radius_km: 20, include_planned: true });
});

test('bounds read as a planner reads them', () => {
  assert.equal(boundsText(radius), '> 0, ≤ 200');
  assert.equal(boundsText({ type: 'number', min: 0, max: 500 }), '≥ 0, ≤ 500');
  assert.equal(boundsText(flag), '');
  assert.equal(boundsText(klass), 'I / II / III');
});

test('the refused field is the rule.parameter the service names first', () => {
  assert.equal(refusedField('heating-radius.radius_km must be greater than 0, got -1'), 'heating-radius.radius_km');
  assert.equal(refusedField('body must be a JSON object'), null);
  assert.equal(refusedField(undefined), null);
});
