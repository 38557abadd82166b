// Small builders of page elements that the desk's tabs share.

/** A `tag` element with a CSS class and a text (either may be left out). */
export function element(tag, className, text) {
  const made = document.createElement(tag);
  if (className) made.className = className;
  if (text !== undefined) made.textContent = text;
  return made;
}

/** A button (never a form's submit); `testid` names it for tests; `onClick` may be added later instead. */
export function button(text, testid, onClick, className = '') {
  const made = element('button', className, text);
  made.type = 'button';
  made.dataset.testid = testid;
  if (onClick) made.addEventListener('click', onClick);
  return made;
}
