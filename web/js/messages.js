// The page's language and the lookup of its texts (messages/zh.js, messages/en.js). Chinese unless
// the planner chose English with the switch in the header; the choice is kept in localStorage.
// The page is built once in its language, so switching stores the choice and reloads.

import zh from './messages/zh.js';
import en from './messages/en.js';
import screening from './messages/screening.js';
import batch from './messages/batch.js';
import transfer from './messages/transfer.js';
import admin from './messages/admin.js';

// the desk's tabs keep their texts in files of their own ({zh, en} each)
const PARTS = [screening, batch, transfer, admin];

export const LANGUAGES = { zh: merged(zh, 'zh'), en: merged(en, 'en') };
export const DEFAULT_LANGUAGE = 'zh';
const STORAGE_KEY = 'airzone.language';
const HTML_LANG = { zh: 'zh-CN', en: 'en' };

let current = DEFAULT_LANGUAGE;

/** The base texts of `lang` with every part's; a key defined twice is a mistake, said at once. */
function merged(base, lang) {
  const all = { ...base };
  for (const part of PARTS) {
    for (const [key, text] of Object.entries(part[lang])) {
      if (Object.hasOwn(all, key)) throw new Error(`message "${key}" is defined twice (${lang})`);
      all[key] = text;
    }
  }
  return all;
}

/** The text for `key` in `messages`, with each "{name}" replaced by params.name. */
export function format(messages, key, params = {}) {
  const text = messages[key];
  if (text === undefined) throw new Error(`no message "${key}"`);
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** A stored choice if it names a language we have, else the default. */
export function chooseLanguage(stored) {
  return Object.hasOwn(LANGUAGES, stored ?? '') ? stored : DEFAULT_LANGUAGE;
}

/** The text for `key` in the page's language. */
export function t(key, params) {
  return format(LANGUAGES[current], key, params);
}

/**
 * A coded value (a role, a plant's status, a zone type) in the page's language: `prefix.value` when
 * there is such a message, else the code as the data has it (null and undefined stay as they are).
 */
export function codeText(prefix, value) {
  const key = `${prefix}.${value}`;
  return hasMessage(key) ? t(key) : value;
}

export function hasMessage(key) {
  return Object.hasOwn(LANGUAGES[current], key);
}

export function language() {
  return current;
}

/** Takes the language the planner chose last time (none stored, or storage blocked: Chinese). */
export function initLanguage() {
  current = chooseLanguage(readStoredLanguage());
  document.documentElement.lang = HTML_LANG[current];
}

/** Remembers `lang` and rebuilds the page in it. */
export function switchLanguage(lang) {
  try {
    localStorage.setItem(STORAGE_KEY, chooseLanguage(lang));
  } catch (error) {
    console.warn('airzone: cannot remember the language (storage blocked):', error);
  }
  window.location.reload();
}

function readStoredLanguage() {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}
