import test from 'node:test';
import assert from 'node:assert/strict';
import { fieldsOf, inputText, missingRequired, propertiesFrom, storedProperties } from '../js/workbench/schema-form.js';

const BAN_ZONES = {
  type: 'object',
  required: ['name', 'class'],
  properties: {
    name: { type: 'string', minLength: 1 },
    class: { type: 'string', enum: ['I', 'II', 'III'] },
    effective_date: { type: 'string', format: 'date' },
    illustrative: { type: 'boolean' },
    notes: { type: 'string', minLength: 1 },
    largest_unit_mw: { type: 'number', minimum: 0, maximum: 5000 },
  },
};

test('one field per property, in the schema order, with its kind', () => {
  const fields = fieldsOf(BAN_ZONES);
  assert.deepEqual(fields.map((f) => [f.name, f.kind, f.required]), [
    ['name', 'text', true], ['class', 'select', true], ['effective_date', 'date', false],
    ['illustrative', 'checkbox', false], ['notes', 'textarea', false], ['largest_unit_mw', 'number', false]]);
  assert.deepEqual(fields[1].options, ['I', 'II', 'III']);
  assert.equal(fields[5].max, 5000);
});

test('empty optional fields are left out, numbers parse, unknown properties are kept', () => {
  const fields = fieldsOf(BAN_ZONES);
  const raw = { name: ' 海港区建成区 ', class: 'III', effective_date: '', illustrative: false, notes: '', largest_unit_mw: '350,5' };
  assert.deepEqual(propertiesFrom(fields, raw, { city: '秦皇岛市', notes: 'old' }),
    { city: '秦皇岛市', name: '海港区建成区', class: 'III', largest_unit_mw: 350.5 });
});

test('a number that does not parse stays text, for the service to refuse with its reason', () => {
  assert.equal(propertiesFrom(fieldsOf(BAN_ZONES), { largest_unit_mw: 'abc' }).largest_unit_mw, 'abc');
});

test('a checkbox the feature had set true and the planner cleared becomes false', () => {
  assert.equal(propertiesFrom(fieldsOf(BAN_ZONES), { illustrative: false }, { illustrative: true }).illustrative, false);
  assert.equal('illustrative' in propertiesFrom(fieldsOf(BAN_ZONES), { illustrative: false }, {}), false);
});

test('missing required fields are named', () => {
  assert.deepEqual(missingRequired(fieldsOf(BAN_ZONES), { name: 'x' }), ['class']);
});

test('controls show absent values as empty', () => {
  const [name, , , illustrative] = fieldsOf(BAN_ZONES);
  assert.equal(inputText(name, undefined), '');
  assert.equal(inputText(illustrative, null), false);
  assert.equal(inputText(name, 12), '12');
});

test('the keys the page adds for itself are not stored', () => {
  assert.deepEqual(storedProperties({ '@collection': 'ban-zones', '@id': 'a', name: 'n' }), { name: 'n' });
});
