import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml, isTrue } from '../js/text.js';

test('escapeHtml escapes markup and quotes, and shows nothing for null', () => {
  assert.equal(escapeHtml('<a href="x">O\'Neil & co</a>'), '&lt;a href=&quot;x&quot;&gt;O&#39;Neil &amp; co&lt;/a&gt;');
  assert.equal(escapeHtml(null), '');
  assert.equal(escapeHtml(undefined), '');
  assert.equal(escapeHtml(42), '42');
});

test('isTrue reads JSON flags and the texts imports bring', () => {
  for (const yes of [true, 1, 'true', 'YES', ' 1 ', '是']) assert.equal(isTrue(yes), true, String(yes));
  for (const no of [false, 0, 'false', 'no', '否', '', null, undefined]) assert.equal(isTrue(no), false, String(no));
});
