// Small building blocks of the workbench panel: buttons with a test id, and the message line.

/** A button; `testid` names it for tests (data-testid) and its CSS class. */
export function button(text, testid, onClick, kind = '') {
  const element = document.createElement('button');
  element.type = 'button';
  element.textContent = text;
  element.dataset.testid = testid;
  element.className = `wb-button ${kind ? `wb-${kind}` : ''}`.trim();
  element.addEventListener('click', onClick);
  return element;
}

/** Shows `text` in a message line; `kind` error | warning | hint | ok sets its colour. */
export function showMessage(element, text, kind) {
  element.textContent = text;
  element.dataset.kind = kind;
  element.hidden = false;
  element.scrollIntoView({ block: 'nearest' });
}

export function clearMessage(element) {
  element.textContent = '';
  delete element.dataset.kind;
  element.hidden = true;
}

/** A two-column table row: header cell and value cell(s). */
export function row(cells, header = false) {
  const tr = document.createElement('tr');
  cells.forEach((text, i) => {
    const cell = document.createElement(header || i === 0 ? 'th' : 'td');
    cell.textContent = text;
    tr.append(cell);
  });
  return tr;
}
