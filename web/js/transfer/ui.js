// Small building blocks of the transfer and admin tabs' forms.

/** A <select> of [value, text] pairs; `testid` names it for tests. */
export function choice(testid, options) {
  const select = document.createElement('select');
  select.dataset.testid = testid;
  select.name = testid;
  for (const [value, text] of options) {
    const option = document.createElement('option');
    option.value = value;
    option.textContent = text;
    select.append(option);
  }
  return select;
}

/** A labelled form field: the label's text, the control, and anything said under it. */
export function field(text, control, ...below) {
  const label = document.createElement('label');
  label.className = 'tr-field';
  const name = document.createElement('span');
  name.className = 'tr-label';
  name.textContent = text;
  label.append(name, control, ...below);
  return label;
}

/** A message line (role=status), hidden while it says nothing. */
export function message(testid) {
  const p = document.createElement('p');
  p.className = 'tr-message';
  p.dataset.testid = testid;
  p.setAttribute('role', 'status');
  p.hidden = true;
  return p;
}

/** Puts `text` into a message line; `kind` ok | hint | warning | error sets its colour. */
export function say(element, text, kind) {
  element.textContent = text;
  element.dataset.kind = kind;
  element.hidden = false;
}

export function quiet(element) {
  element.textContent = '';
  delete element.dataset.kind;
  element.hidden = true;
}

/** A table with a header row and body rows (arrays of cell texts or nodes). */
export function table(testid, headers, rows) {
  const element = document.createElement('table');
  element.className = 'tr-table';
  element.dataset.testid = testid;
  const head = element.createTHead().insertRow();
  for (const h of headers) {
    const th = document.createElement('th');
    th.textContent = h;
    head.append(th);
  }
  const body = element.createTBody();
  for (const cells of rows) {
    const tr = body.insertRow();
    for (const c of cells) {
      const td = tr.insertCell();
      if (c instanceof Node) td.append(c);
      else td.textContent = c ?? '';
    }
  }
  return element;
}
