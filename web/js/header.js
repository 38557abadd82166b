// The header's static texts in the page's language, and the switch between the languages.

import { language, switchLanguage, t } from './messages.js';

/** Fills every [data-message] (text) and [data-message-aria-label] of the document, and the title. */
export function translatePage(document) {
  document.title = `airzone ${t('app.title')}`;
  for (const element of document.querySelectorAll('[data-message]')) element.textContent = t(element.dataset.message);
  for (const element of document.querySelectorAll('[data-message-aria-label]')) {
    element.setAttribute('aria-label', t(element.dataset.messageAriaLabel));
  }
}

/** One button that offers the other language, named in that language ("English" on the Chinese page). */
export function languageSwitch(container) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'language-switch';
  button.dataset.testid = 'language-switch';
  button.textContent = t('language.switch');
  button.title = t('language.switchTitle');
  button.lang = language() === 'zh' ? 'en' : 'zh-CN';
  button.addEventListener('click', () => switchLanguage(language() === 'zh' ? 'en' : 'zh'));
  container.replaceChildren(button);
}
