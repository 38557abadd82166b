// Signing in and out from the page, and who is signed in — for the layers (which may need a login)
// and for editing code. The session's CSRF token goes to api.js, which sends it with every write.
//
// The session lives in an HttpOnly cookie the page cannot read; GET /api/session says whose it is
// and gives its CSRF token, so a reload keeps the user signed in. The control sits at the right
// end of the header: "登录" (sign in) opens a small form under it; signed in, it shows
// "name (role)" and "退出" (sign out). When the service lets nobody read anonymously
// (AIRZONE_PUBLIC_READ=false), requireSignIn() shows the same form in the middle of the page instead.
//
// The form lives in <body>, not in the header: the header's stacking context ties with Leaflet's
// controls, which would be drawn over it.
//
// For tests and scripts the state is on <body>: data-session "signed-in" or "anonymous" (absent
// until the service has answered), data-user and data-role while signed in.

import { ApiError, getJson, post, setCsrfToken, waitText } from './api.js';
import { codeText, t } from './messages.js';
import { escapeHtml } from './text.js';

let user = null; // {name, role, may} while signed in
const listeners = new Set();
let waiting = []; // resolvers of requireSignIn()
let ui = null;

/** The signed-in user as {name, role, may: [roles the user's role covers]}, or null. */
export function currentUser() {
  return user;
}

/** Calls `listener(user or null)` whenever someone signs in or out; returns a function that stops it. */
export function onUserChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Builds the control in `container` and asks the service who is signed in. Resolves to
 * {publicRead, user}; never rejects (a service that cannot answer counts as public and anonymous,
 * and the layers' own requests then say what is wrong).
 */
export async function initSession(container) {
  ui = buildControl(container);
  let publicRead = true;
  try {
    const body = await getJson('api/session');
    publicRead = body.publicRead !== false;
    setUser(body.name ? body : null, body.csrf ?? null);
  } catch (error) {
    console.warn('no /api/session, showing the page as anonymous:', error);
    setUser(null, null);
  }
  return { publicRead, user };
}

/**
 * Shows the sign-in form in the middle of the page, for when nothing can be seen without a login.
 * Resolves with the user once someone has signed in.
 */
export function requireSignIn() {
  if (user) return Promise.resolve(user);
  openPanel(true);
  return new Promise((resolve) => waiting.push(resolve));
}

/**
 * The service no longer knows this session (it expired, or was closed elsewhere) while the page still
 * holds the planner's work: asks for the password again, with the name filled in, and resolves
 * once signed in. Nothing else on the page changes meanwhile.
 */
export function signInAgain() {
  if (user) ui.form.elements.name.value = user.name;
  openPanel(true, false);
  return new Promise((resolve) => waiting.push(resolve));
}

function setUser(next, nextCsrf) {
  const changed = (user?.name ?? null) !== (next?.name ?? null) || user?.role !== next?.role;
  user = next ? Object.freeze({ name: next.name, role: next.role, may: Object.freeze([...(next.may ?? [])]) }) : null;
  setCsrfToken(next ? nextCsrf : null);
  document.body.dataset.session = user ? 'signed-in' : 'anonymous';
  if (user) {
    document.body.dataset.user = user.name;
    document.body.dataset.role = user.role;
  } else {
    delete document.body.dataset.user;
    delete document.body.dataset.role;
  }
  render();
  if (user) {
    for (const resolve of waiting) resolve(user);
    waiting = [];
  }
  if (changed) {
    for (const listener of listeners) {
      try {
        listener(user);
      } catch (error) {
        console.error('airzone session listener:', error);
      }
    }
  }
}

async function signIn(name, password) {
  let body;
  try {
    ({ body } = await post('api/login', { name, password }));
  } catch (failure) {
    throw new Error(signInFailure(failure));
  }
  // the answer also holds the session token for API clients; the page leaves it to the cookie
  setUser(body, body.csrf);
}

/** What the form says when a sign-in is refused: the generic words of api.js except for these two. */
function signInFailure(failure) {
  if (!(failure instanceof ApiError)) return failure.message;
  if (failure.status === 401) return t('session.wrongPassword');
  if (failure.status === 429) return t('session.tooMany', { wait: waitText(failure.retryAfter) });
  return failure.status === 0 ? failure.message : t('session.failed', { message: failure.message });
}

async function signOut() {
  try {
    await post('api/logout');
    setUser(null, null);
  } catch (error) {
    console.error('airzone sign-out failed:', error);
    // show what the service thinks, not what we hoped
    try {
      const body = await getJson('api/session');
      setUser(body.name ? body : null, body.csrf ?? null);
    } catch {
      // the service is away; the control keeps showing the user
    }
  }
}

// ---- the control ----

function buildControl(container) {
  container.classList.add('session');
  container.dataset.testid ??= 'session';

  const panel = document.createElement('div');
  panel.className = 'session-panel';
  panel.hidden = true;
  panel.dataset.testid = 'session-panel';
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-labelledby', 'session-title');
  panel.innerHTML = `<form class="session-form" data-testid="session-form">
      <h2 class="session-title" id="session-title">${escapeHtml(t('session.signIn'))}</h2>
      <p class="session-note" hidden>${escapeHtml(t('session.note'))}</p>
      <label>${escapeHtml(t('session.name'))}<input name="name" autocomplete="username" autocapitalize="off" spellcheck="false" required></label>
      <label>${escapeHtml(t('session.password'))}<input name="password" type="password" autocomplete="current-password" required></label>
      <p class="session-error" role="alert" data-testid="session-error" hidden></p>
      <button type="submit" class="session-submit">${escapeHtml(t('session.signIn'))}</button>
    </form>`;
  document.body.append(panel);
  const form = panel.querySelector('form');
  const error = panel.querySelector('.session-error');
  const submit = form.querySelector('button[type=submit]');

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.hidden = true;
    submit.disabled = true;
    submit.textContent = t('session.signingIn');
    try {
      await signIn(form.elements.name.value.trim(), form.elements.password.value);
      form.reset();
      closePanel();
    } catch (failure) {
      error.textContent = failure.message;
      error.hidden = false;
      form.elements.password.value = '';
      form.elements.password.focus();
    } finally {
      submit.disabled = false;
      submit.textContent = t('session.signIn');
    }
  });
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !panel.classList.contains('session-panel-prominent')) closePanel(true);
  });
  // a click elsewhere folds the small form away (the prominent one stays until someone signs in)
  document.addEventListener('mousedown', (event) => {
    if (panel.hidden || panel.classList.contains('session-panel-prominent')) return;
    if (!panel.contains(event.target) && !container.contains(event.target)) closePanel();
  });
  window.addEventListener('resize', () => placePanel());
  return { container, panel, form, error };
}

function render() {
  const { container } = ui;
  if (user) {
    const who = document.createElement('span');
    who.className = 'session-user';
    who.dataset.testid = 'session-user';
    const name = document.createElement('b');
    name.textContent = user.name;
    who.append(name, ` (${codeText('role', user.role)})`);
    container.replaceChildren(who, button(t('session.signOut'), 'session-out', () => signOut()));
  } else {
    const open = button(t('session.signIn'), 'session-open', () => {
      if (ui.panel.hidden) openPanel(false);
      else if (ui.panel.classList.contains('session-panel-prominent')) ui.form.elements.name.focus();
      else closePanel(true);
    });
    open.setAttribute('aria-haspopup', 'dialog');
    open.setAttribute('aria-expanded', String(!ui.panel.hidden));
    container.replaceChildren(open);
  }
}

function button(text, className, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = className;
  b.dataset.testid = className;
  b.textContent = text;
  b.addEventListener('click', onClick);
  return b;
}

function openPanel(prominent, note = prominent) {
  const { panel, form } = ui;
  panel.classList.toggle('session-panel-prominent', prominent);
  panel.querySelector('.session-note').hidden = !note;
  panel.hidden = false;
  placePanel();
  ui.container.querySelector('.session-open')?.setAttribute('aria-expanded', 'true');
  (form.elements.name.value ? form.elements.password : form.elements.name).focus();
}

function closePanel(refocus = false) {
  const { panel, error } = ui;
  panel.hidden = true;
  panel.classList.remove('session-panel-prominent');
  error.hidden = true;
  const open = ui.container.querySelector('.session-open');
  open?.setAttribute('aria-expanded', 'false');
  if (refocus) open?.focus();
}

/** The small form hangs under the header, right-aligned with the control but never off the screen. */
function placePanel() {
  const { panel, container } = ui;
  if (panel.hidden || panel.classList.contains('session-panel-prominent')) {
    panel.style.top = panel.style.left = '';
    return;
  }
  const header = container.closest('header') ?? container;
  const viewport = document.documentElement.clientWidth;
  const left = container.getBoundingClientRect().right - panel.offsetWidth;
  panel.style.top = `${header.getBoundingClientRect().bottom + 6}px`;
  panel.style.left = `${Math.max(8, Math.min(left, viewport - panel.offsetWidth - 8))}px`;
}
