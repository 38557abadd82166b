// The desk's rules tab: the plans' rules as the service holds them (GET /api/rules) — title,
// description, jurisdictions, the documents and clauses they come from with the clause texts, and
// each parameter with its current value, default, unit and bounds. Everyone may read it; admins
// edit parameters in a form made from each parameter's spec and save a rule's parameters with
// PUT /api/rules. The service checks each value; a refusal is shown at its field and what was typed
// stays. Saving recomputes the derived layers on the service ("recomputing…"), whose change stream
// then makes the page reload them (live.js: a "rules" change); the rule says "redrawn" once that is done.
//
// For tests: each rule is [data-testid=rule-<id>], a parameter's input [data-testid=param-<rule>-<name>],
// its refusal [data-testid=param-error-<rule>-<name>], the rule's status line [data-testid=rule-status-<id>]
// with data-state "recomputing" | "redrawing" | "redrawn" | "refused".

import { ApiError, put } from '../api.js';
import { fetchRules } from '../ogc.js';
import { language, t } from '../messages.js';
import { currentUser, onUserChange, signInAgain } from '../session.js';
import { boundsText, changed, controlFor, refusedField } from './parameters.js';
import { message, quiet, say } from '../transfer/ui.js';
import { setLegendParameter } from '../legend.js';

export async function mount(container, { state }) {
  const title = document.createElement('h2');
  title.textContent = t('desk.rulesTitle');
  const list = document.createElement('div');
  list.className = 'ad-rules';
  const said = message('rules-message');
  container.append(title, said, list);

  let book;
  try {
    book = await fetchRules();
  } catch (error) {
    say(said, t('rules.loadFailed', { message: error.message }), 'error');
    return;
  }
  state.rules = book;
  const render = () => list.replaceChildren(...book.rules.map((rule) => ruleView(rule, book, state, (next) => {
    book = next;
    state.rules = next;
  })));
  render();
  // signing in or out as an admin shows or hides the editing controls
  onUserChange(() => render());
}

const isAdmin = () => Boolean(currentUser()?.may.includes('admin'));
const localized = (rule, field) => rule[`${field}_${language()}`] ?? rule[`${field}_zh`] ?? '';

function ruleView(rule, book, state, onSaved) {
  const article = document.createElement('article');
  article.className = 'ad-rule';
  article.dataset.testid = `rule-${rule.id}`;
  const h = document.createElement('h3');
  h.textContent = localized(rule, 'title');
  const description = document.createElement('p');
  description.textContent = localized(rule, 'description');
  article.append(h, description);

  if (rule.jurisdictions?.length) {
    const where = document.createElement('p');
    where.className = 'ad-where';
    where.textContent = t('rules.jurisdictions', { list: rule.jurisdictions.join('、') });
    article.append(where);
  }
  article.append(citations(rule, book));

  const specs = rule.parameters ?? {};
  const names = Object.keys(specs);
  if (names.length === 0) return article;
  const form = document.createElement('form');
  form.className = 'ad-parameters';
  const table = document.createElement('table');
  table.className = 'tr-table';
  const head = table.createTHead().insertRow();
  for (const k of ['parameter', 'value', 'default', 'unit', 'bounds']) {
    const th = document.createElement('th');
    th.textContent = t(`rules.column.${k}`);
    head.append(th);
  }
  const body = table.createTBody();
  const inputs = {};
  const errors = {};
  for (const name of names) {
    const spec = specs[name];
    const current = rule.values?.[name];
    const tr = body.insertRow();
    tr.dataset.parameter = name;
    const label = tr.insertCell();
    const code = document.createElement('code');
    code.textContent = name;
    const about = document.createElement('div');
    about.className = 'tr-hint';
    about.textContent = spec.description ?? '';
    label.append(code, about);
    const value = tr.insertCell();
    if (isAdmin()) {
      inputs[name] = control(rule.id, name, spec, current);
      const error = document.createElement('div');
      error.className = 'ad-error';
      error.dataset.testid = `param-error-${rule.id}-${name}`;
      error.setAttribute('role', 'alert');
      error.hidden = true;
      errors[name] = error;
      value.append(inputs[name], error);
    } else {
      value.textContent = shown(current);
      value.dataset.testid = `param-${rule.id}-${name}`;
    }
    tr.insertCell().textContent = shown(spec.default);
    tr.insertCell().textContent = spec.unit ?? '';
    tr.insertCell().textContent = boundsText(spec);
  }
  form.append(table);
  article.append(form);
  if (!isAdmin()) return article;

  const save = document.createElement('button');
  save.type = 'submit';
  save.className = 'tr-primary';
  save.dataset.testid = `rule-save-${rule.id}`;
  save.textContent = t('rules.save');
  const status = message(`rule-status-${rule.id}`);
  form.append(save, status);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    for (const e of Object.values(errors)) e.hidden = true;
    const typed = Object.fromEntries(names.map((n) => [n, inputs[n].type === 'checkbox' ? inputs[n].checked : inputs[n].value]));
    const changes = changed(specs, rule.values ?? {}, typed);
    if (Object.keys(changes).length === 0) {
      setStatus(status, 'unchanged', t('rules.unchanged'), 'hint');
      return;
    }
    save.disabled = true;
    setStatus(status, 'recomputing', t('rules.recomputing'), 'hint');
    const redrawn = nextRulesChange();
    try {
      const next = await saveParameters({ [rule.id]: changes });
      rule.values = next.rules.find((r) => r.id === rule.id)?.values ?? rule.values;
      onSaved(next);
      setStatus(status, 'redrawing', t('rules.redrawing'), 'hint');
      await redrawn;
      showInLegend(state, rule.id, rule.values);
      setStatus(status, 'redrawn', t('rules.redrawn', { changes: describe(changes) }), 'ok');
    } catch (error) {
      redrawn.cancel();
      const field = error instanceof ApiError ? refusedField(error.detail) : null;
      const name = field?.startsWith(`${rule.id}.`) ? field.slice(rule.id.length + 1) : null;
      if (name && errors[name]) {
        // in the page's words, from the spec the service checked against; the status line below has its own
        const bounds = [boundsText(specs[name]), specs[name].unit].filter(Boolean).join(' ');
        errors[name].textContent = boundsText(specs[name]) ? t('rules.outOfBounds', { bounds }) : t('rules.notAccepted');
        errors[name].hidden = false;
        inputs[name].focus();
      }
      setStatus(status, 'refused', t('rules.refused', { message: error.message }), 'error');
    } finally {
      save.disabled = false;
    }
  });
  quiet(status);
  return article;
}

function citations(rule, book) {
  const list = document.createElement('ul');
  list.className = 'ad-citations';
  list.dataset.testid = `rule-citations-${rule.id}`;
  for (const c of rule.citations ?? []) {
    const li = document.createElement('li');
    const source = document.createElement('div');
    source.className = 'ad-source';
    source.textContent = t('rules.citation', { title: c.title || book.documents?.[c.document] || c.document, clause: c.clause });
    li.append(source);
    if (c.text_zh) {
      const quote = document.createElement('blockquote');
      quote.lang = 'zh-CN';
      quote.className = 'ad-clause';
      quote.dataset.testid = 'clause-text';
      quote.textContent = c.text_zh;
      li.append(quote);
    }
    if (c.summary_en && language() === 'en') {
      const summary = document.createElement('p');
      summary.lang = 'en';
      summary.className = 'ad-summary';
      summary.dataset.testid = 'clause-summary';
      summary.textContent = c.summary_en;
      li.append(summary);
    }
    list.append(li);
  }
  return list;
}

function control(ruleId, name, spec, current) {
  const c = controlFor(spec);
  let input;
  if (c.kind === 'select') {
    input = document.createElement('select');
    for (const v of c.values) {
      const option = document.createElement('option');
      option.value = v;
      option.textContent = v;
      input.append(option);
    }
    input.value = current ?? spec.default;
  } else {
    input = document.createElement('input');
    if (c.kind === 'checkbox') {
      input.type = 'checkbox';
      input.checked = Boolean(current);
    } else {
      // text, not type=number: the browser would drop a value it cannot parse, and the planner
      // should see the service's reason next to exactly what they typed
      input.type = 'text';
      input.inputMode = 'decimal';
      input.value = String(current ?? '');
      input.size = 8;
    }
  }
  input.dataset.testid = `param-${ruleId}-${name}`;
  input.name = name;
  return input;
}

/** PUT /api/rules; a session that expired on the way asks for the password and sends it again. */
async function saveParameters(changes) {
  try {
    return (await put('api/rules', changes)).body;
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401) throw error;
    await signInAgain();
    return (await put('api/rules', changes)).body;
  }
}

/**
 * Resolves once the page has applied the next rules change of the change stream (live.js reloads the
 * derived layers, then sets data-last-change to "rules//"); `cancel()` stops waiting.
 */
function nextRulesChange() {
  let observer;
  const promise = new Promise((resolve) => {
    observer = new MutationObserver((records) => {
      if (records.some((r) => r.attributeName === 'data-last-change') && (document.body.dataset.lastChange ?? '').startsWith('rules/')) {
        observer.disconnect();
        resolve();
      }
    });
    observer.observe(document.body, { attributes: true, attributeFilter: ['data-last-change'] });
  });
  promise.cancel = () => observer.disconnect();
  return promise;
}

/** The legend names the radius and the border distance the layers are drawn with (main.js fills it at first). */
function showInLegend(state, ruleId, values) {
  if (!state.legend || !values) return;
  if (ruleId === 'heating-radius') {
    setLegendParameter(state.legend, 'radius', t('legend.radiusParameter', { km: values.radius_km, mw: values.min_unit_mw }));
  }
  if (ruleId === 'border-consultation') setLegendParameter(state.legend, 'buffer', t('legend.bufferParameter', { km: values.buffer_km }));
}

function setStatus(element, value, text, kind) {
  say(element, text, kind);
  element.dataset.state = value;
}

function shown(value) {
  if (value === true) return t('rules.yes');
  if (value === false) return t('rules.no');
  return value === undefined || value === null ? '—' : String(value);
}

function describe(changes) {
  return Object.entries(changes).map(([k, v]) => `${k} = ${shown(v)}`).join(', ');
}
