import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_LANGUAGE, LANGUAGES, chooseLanguage, codeText, format, t } from '../js/messages.js';

test('every language has the same keys, none of them empty', () => {
  const keys = Object.keys(LANGUAGES[DEFAULT_LANGUAGE]).sort();
  for (const [lang, messages] of Object.entries(LANGUAGES)) {
    assert.deepEqual(Object.keys(messages).sort(), keys, lang);
    for (const [key, text] of Object.entries(messages)) assert.ok(text.length > 0, `${lang} ${key}`);
  }
});

test('the placeholders of a text are the same in every language', () => {
  const placeholders = (text) => (text.match(/\{\w+\}/g) ?? []).sort();
  for (const key of Object.keys(LANGUAGES.zh)) {
    assert.deepEqual(placeholders(LANGUAGES.en[key]), placeholders(LANGUAGES.zh[key]), key);
  }
});

test('format fills placeholders and leaves unknown ones visible', () => {
  const messages = { greet: '{who} 你好，{who}', partial: '{a} {b}' };
  assert.equal(format(messages, 'greet', { who: '林' }), '林 你好，林');
  assert.equal(format(messages, 'partial', { a: 0 }), '0 {b}');
  assert.throws(() => format(messages, 'missing'), /no message "missing"/);
});

test('Chinese unless English was chosen', () => {
  assert.equal(DEFAULT_LANGUAGE, 'zh');
  assert.equal(chooseLanguage(null), 'zh');
  assert.equal(chooseLanguage('fr'), 'zh');
  assert.equal(chooseLanguage('toString'), 'zh');
  assert.equal(chooseLanguage('en'), 'en');
  assert.equal(t('session.signIn'), '登录');
});

test('codeText names known codes and shows unknown ones as they are', () => {
  assert.equal(codeText('role', 'planner'), '规划员');
  assert.equal(codeText('role', 'auditor'), 'auditor');
  assert.equal(codeText('chp', undefined), undefined);
});
