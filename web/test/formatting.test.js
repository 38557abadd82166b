import test from 'node:test';
import assert from 'node:assert/strict';
import { formatLength, formatNumber, formatTime } from '../js/formatting.js';

test('times are shown in Beijing time, in the language\'s form', () => {
  assert.equal(formatTime('2026-12-01T00:05:00Z', 'zh'), '2026年12月1日 08:05');
  assert.equal(formatTime('2026-12-01T00:05:00Z', 'en'), '1 Dec 2026, 08:05');
  assert.equal(formatTime('not a time', 'en'), 'not a time');
});

test('numbers group by thousands; lengths switch to km at 1000 m', () => {
  assert.equal(formatNumber(12345.678, 'zh'), '12,345.68');
  assert.equal(formatLength(850, 'en'), '850 m');
  assert.equal(formatLength(15000, 'zh'), '15 km');
});
