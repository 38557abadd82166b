// The desk's users tab (admins): every account with its role, whether it is disabled and whether
// failed sign-ins hold it back (locked), and the changes the admin API makes — add a user, change a
// role, disable or enable, lift the waits (unlock). What the service refuses (a weak password, a
// name that is taken, taking away the last admin) is said next to the form, and the form keeps
// what was typed. See README "Users".
//
// For tests: the list is [data-testid=users-list], one row per user tr[data-user=<name>]; the add
// form [data-testid=user-add]; the message line [data-testid=users-message].

import { button } from '../dom.js';
import { ApiError, getJson, post, request } from '../api.js';
import { codeText, t } from '../messages.js';
import { signInAgain } from '../session.js';
import { choice, field, message, say } from '../transfer/ui.js';

const ROLES = ['viewer', 'planner', 'admin'];
const patch = (path, body) => request('PATCH', path, { body });

export async function mount(container) {
  const title = document.createElement('h2');
  title.textContent = t('desk.usersTitle');
  const said = message('users-message');
  const list = document.createElement('table');
  list.className = 'tr-table ad-users';
  list.dataset.testid = 'users-list';
  container.append(title, addForm(said, () => refresh()), said, list);

  async function refresh() {
    try {
      const { users } = await call(() => getJson('api/users'));
      list.replaceChildren(header(), ...users.map((u) => userRow(u, said, refresh)));
    } catch (error) {
      say(said, t('users.loadFailed', { message: error.message }), 'error');
    }
  }
  await refresh();
}

function header() {
  const head = document.createElement('thead');
  const tr = head.insertRow();
  for (const k of ['name', 'role', 'disabled', 'locked', 'actions']) {
    const th = document.createElement('th');
    th.textContent = t(`users.column.${k}`);
    tr.append(th);
  }
  return head;
}

function userRow(user, said, refresh) {
  const tr = document.createElement('tr');
  tr.dataset.user = user.name;
  tr.dataset.role = user.role;
  tr.dataset.disabled = String(user.disabled);
  tr.dataset.locked = String(user.locked);
  tr.insertCell().textContent = user.name;

  const role = roleChoice('user-role');
  role.value = user.role;
  role.addEventListener('change', () => act(said, refresh, t('users.roleChanged', { name: user.name, role: codeText('role', role.value) }),
    () => patch(`api/users/${encodeURIComponent(user.name)}`, { role: role.value }), () => { role.value = user.role; }));
  tr.insertCell().append(role);

  tr.insertCell().textContent = user.disabled ? t('users.disabled') : '—';
  tr.insertCell().textContent = user.locked ? t('users.locked') : '—';

  const actions = tr.insertCell();
  const toggle = button(user.disabled ? t('users.enable') : t('users.disable'), 'user-toggle', () => act(said, refresh,
    t(user.disabled ? 'users.enabled' : 'users.disabledNow', { name: user.name }),
    () => patch(`api/users/${encodeURIComponent(user.name)}`, { disabled: !user.disabled })));
  const unlock = button(t('users.unlock'), 'user-unlock', () => act(said, refresh, null,
    () => post(`api/users/${encodeURIComponent(user.name)}/unlock`), null,
    (answer) => t(answer?.body?.lifted ? 'users.unlocked' : 'users.notLocked', { name: user.name })));
  actions.append(toggle, unlock);
  return tr;
}

/** The roles in the planner's words, to choose from. */
function roleChoice(testid) {
  return choice(testid, ROLES.map((r) => [r, codeText('role', r)]));
}

function addForm(said, refresh) {
  const form = document.createElement('form');
  form.className = 'tr-form ad-add';
  form.dataset.testid = 'user-add';
  const h = document.createElement('h3');
  h.textContent = t('users.add');
  const name = input('user-name', 'text', 'username');
  const password = input('user-password', 'password', 'new-password');
  const role = roleChoice('user-new-role');
  role.value = 'planner';
  const submit = document.createElement('button');
  submit.type = 'submit';
  submit.className = 'tr-primary';
  submit.dataset.testid = 'user-add-submit';
  submit.textContent = t('users.addSubmit');
  form.append(h, field(t('users.name'), name), field(t('users.password'), password, hint(t('users.passwordRule'))),
    field(t('users.role'), role), submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    const added = await act(said, refresh, t('users.added', { name: name.value.trim(), role: codeText('role', role.value) }),
      () => post('api/users', { name: name.value.trim(), password: password.value, role: role.value }));
    submit.disabled = false;
    // a refusal keeps everything typed, so the admin corrects only what was wrong
    if (added) {
      name.value = '';
      password.value = '';
    }
  });
  return form;
}

/**
 * Runs one change; says `done` (or `doneOf(answer)`) or the refusal, then lists the users again.
 * `undo` puts a control back when the service refused. Resolves to true when it went through.
 */
async function act(said, refresh, done, change, undo, doneOf) {
  try {
    const answer = await call(change);
    say(said, doneOf ? doneOf(answer) : done, 'ok');
    delete said.dataset.reason;
    await refresh();
    return true;
  } catch (error) {
    undo?.();
    const reason = refusal(error);
    say(said, reason ? t(`users.refusal.${reason}`) : t('users.refused', { message: error.message }), 'error');
    if (reason) said.dataset.reason = reason;
    return false;
  }
}

/**
 * The refusals an admin meets in everyday work, told apart so that the panel says them in the page's
 * language (the service's detail is English); anything else is said with api.js's words and the detail.
 */
function refusal(error) {
  if (!(error instanceof ApiError)) return null;
  const detail = error.detail ?? '';
  if (error.status === 409 && detail.includes('last enabled admin')) return 'lastAdmin';
  if (error.status === 409 && detail.includes('exists already')) return 'taken';
  if (error.status === 400 && detail.startsWith('a password')) return 'password';
  if (error.status === 400 && detail.startsWith('a user name')) return 'name';
  return null;
}

/** A request; a session that expired asks for the password and sends it again. */
async function call(request) {
  try {
    return await request();
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401) throw error;
    await signInAgain();
    return request();
  }
}

function input(testid, type, autocomplete) {
  const element = document.createElement('input');
  element.type = type;
  element.dataset.testid = testid;
  element.autocomplete = autocomplete;
  element.required = true;
  return element;
}


function hint(text) {
  const p = document.createElement('p');
  p.className = 'tr-hint';
  p.textContent = text;
  return p;
}
