// The active-sessions page. Plain JavaScript over the public API of api/ only: login (with
// X-Requested-With, so the server sets the HttpOnly session cookie and the CSRF cookie), the
// caller's user, sessions, revoke, revoke-all, logout, user lookup for administrators, and
// two-factor authentication (the code at login; setting it up and turning it off).
// Every write carries X-Requested-With and X-CSRF-Token, as Mattermost's web app does.
'use strict';

const $ = (id) => document.getElementById(id);

class ApiError extends Error {
  constructor(message, status, id) {
    super(message);
    this.status = status;
    this.id = id;
  }
}

function cookie(name) {
  const found = document.cookie.split('; ').find((c) => c.startsWith(name + '='));
  return found ? decodeURIComponent(found.slice(name.length + 1)) : '';
}

async function api(method, path, body) {
  const headers = { 'X-Requested-With': 'XMLHttpRequest' };
  if (cookie('MMCSRF')) headers['X-CSRF-Token'] = cookie('MMCSRF');
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch('/api/v4' + path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError((data && data.message) || response.statusText, response.status, data && data.id);
  }
  return data;
}

function show(section, visible) {
  $(section).hidden = !visible;
}

function say(message) {
  $('notice').textContent = message;
  $('error').textContent = '';
}

function fail(error) {
  $('notice').textContent = '';
  $('error').textContent = error.message || String(error);
  if (error.status === 401 && error.id === 'api.context.session_expired.app_error') {
    signedOut();
  }
}

function when(ms) {
  return ms ? new Date(ms).toLocaleString() : 'Never';
}

// A session a personal access token opened (a script's or a bot's): ending it does not revoke
// the token, which opens a new session on its next use.
function isTokenSession(s) {
  return (s.props || {}).type === 'UserAccessToken';
}

function device(s) {
  const p = s.props || {};
  if (isTokenSession(s)) {
    return `Personal access token ${p.user_access_token_id || ''}`.trim();
  }
  const browser = p.browser && p.browser !== 'Unknown' ? p.browser : 'Unknown browser';
  const os = p.os && p.os !== 'Unknown' ? p.os : 'unknown system';
  const mobile = s.device_id ? ` (mobile device ${s.device_id})` : '';
  // Mattermost's mark of a session single sign-on opened.
  const sso = p.isOAuthUser === 'true' ? ' · single sign-on' : '';
  return `${browser} on ${os}${mobile}${sso}`;
}

function cell(row, label, text) {
  const td = document.createElement('td');
  td.dataset.label = label;
  td.textContent = text;
  row.appendChild(td);
  return td;
}

// A table of sessions; `current` is the id of this browser's session (if among them);
// `onRevoke(session)` is called by each row's button.
function sessionTable(sessions, current, onRevoke) {
  if (sessions.length === 0) {
    const p = document.createElement('p');
    p.className = 'empty';
    p.textContent = 'No sessions.';
    return p;
  }
  const table = document.createElement('table');
  table.innerHTML =
    '<thead><tr><th scope="col">Device</th><th scope="col">Signed in</th>' +
    '<th scope="col">Last activity</th><th scope="col">Expires</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>';
  const body = document.createElement('tbody');
  for (const s of sessions) {
    const row = document.createElement('tr');
    row.dataset.sessionId = s.id;
    const name = cell(row, 'Device', device(s));
    if (isTokenSession(s)) {
      row.classList.add('token');
      const note = document.createElement('span');
      note.className = 'note';
      note.textContent = 'Logging it out does not revoke the token: its next use signs in again.';
      name.appendChild(note);
    }
    if (s.id === current) {
      row.classList.add('current');
      const badge = document.createElement('span');
      badge.className = 'badge';
      badge.textContent = 'This session';
      name.appendChild(badge);
    }
    cell(row, 'Signed in', when(s.create_at));
    cell(row, 'Last activity', when(s.last_activity_at));
    cell(row, 'Expires', when(s.expires_at));
    const actions = cell(row, '', '');
    if (s.id !== current) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = 'Log out';
      button.setAttribute('aria-label', `Log out ${device(s)}, signed in ${when(s.create_at)}`);
      button.addEventListener('click', () => onRevoke(s).catch(fail));
      actions.appendChild(button);
    }
    body.appendChild(row);
  }
  table.appendChild(body);
  return table;
}

const state = { me: null, sessions: [] };

function currentSessionId() {
  // The MMCSRF cookie holds this browser's session's csrf prop: that tells it apart.
  const csrf = cookie('MMCSRF');
  const mine = state.sessions.find((s) => s.props && s.props.csrf && s.props.csrf === csrf);
  return mine ? mine.id : null;
}

async function loadMine() {
  state.sessions = await api('GET', '/users/me/sessions');
  const current = currentSessionId();
  $('my-sessions').replaceChildren(
    sessionTable(state.sessions, current, async (s) => {
      await api('POST', '/users/me/sessions/revoke', { session_id: s.id });
      say(`Logged out ${device(s)}.`);
      await loadMine();
    }),
  );
}

// The ids the server answers with when a code is needed at login, and when it requires two-factor
// authentication before anything else.
const CODE_NEEDED = 'mfa.validate_token.authenticate.app_error';
const MFA_REQUIRED = 'api.context.mfa_required.app_error';

// Two-factor authentication, as it stands for the signed-in user.
function showMfa() {
  const on = Boolean(state.me && state.me.mfa_active);
  forgetMfaKey();
  // A single sign-on user's second factor is their identity provider's (the server refuses it).
  if (state.me && state.me.auth_service) {
    show('mfa', false);
    return;
  }
  show('mfa', true);
  show('mfa-setup', false);
  show('mfa-form', false);
  show('mfa-start', true);
  $('mfa-status').textContent = on
    ? 'Two-factor authentication is on: signing in asks for a code from your authenticator app.'
    : 'Two-factor authentication is off.';
  $('mfa-start').textContent = on ? 'Turn off two-factor authentication' : 'Set up two-factor authentication';
}

// The key stays on the page only while it is being set up.
function forgetMfaKey() {
  $('mfa-qr').removeAttribute('src');
  $('mfa-secret').textContent = '';
  $('mfa-code').value = '';
}

// Step one: a new key (setting up), or a code to prove the current one (turning off).
async function startMfa() {
  if (state.me.mfa_active) {
    $('mfa-submit').textContent = 'Turn off';
  } else {
    let generated;
    try {
      generated = await api('POST', `/users/me/mfa/generate`);
    } catch (e) {
      if (e.status === 501) show('mfa', false);
      throw e;
    }
    $('mfa-qr').src = 'data:image/png;base64,' + generated.qr_code;
    $('mfa-secret').textContent = generated.secret;
    show('mfa-setup', true);
    $('mfa-submit').textContent = 'Turn on';
  }
  show('mfa-start', false);
  show('mfa-form', true);
  $('mfa-code').value = '';
  $('mfa-code').focus();
}

// Step two: the code, to turn it on or off.
async function finishMfa() {
  const activate = !state.me.mfa_active;
  await api('PUT', '/users/me/mfa', { activate, code: $('mfa-code').value.trim() });
  state.me = await api('GET', '/users/me');
  // Everything again: where it was required, the sessions show only now.
  await signedIn(state.me);
  say(activate ? 'Two-factor authentication is on.' : 'Two-factor authentication is off.');
}

// Where a protected app (through the forward-auth check) asked to be sent back to, if anywhere.
// The server decides whether it may go there (`/return`); this only refuses the obviously wrong.
function returnTo() {
  const target = new URLSearchParams(window.location.search).get('redirect_to');
  if (!target || !(target.startsWith('/') || /^https?:\/\//i.test(target))) return null;
  return '/return?redirect_to=' + encodeURIComponent(target);
}

async function signedIn(me) {
  state.me = me;
  $('whoami').textContent = `Signed in as ${me.username}`;
  show('whoami', true);
  show('login', false);
  show('mine', true);
  show('admin', (me.roles || '').split(' ').includes('system_admin'));
  showMfa();
  try {
    await loadMine();
    const back = returnTo();
    if (back) {
      say('Signed in: taking you back.');
      window.location.assign(back);
    }
  } catch (e) {
    if (e.id !== MFA_REQUIRED) throw e;
    // The server requires two-factor authentication first: straight to setting it up.
    show('mine', false);
    show('admin', false);
    $('error').textContent = 'This server requires two-factor authentication: set it up to continue.';
    await startMfa();
  }
}

// A "Sign in with …" link per single sign-on service the server offers; it carries the
// protected app's `redirect_to` (the server checks it on the way in and on the way out).
async function ssoButtons() {
  let services = [];
  try {
    const response = await fetch('/sign-in-services.json', { credentials: 'same-origin' });
    if (response.ok) services = await response.json();
  } catch {
    // No buttons: password sign-in still works.
  }
  const target = new URLSearchParams(window.location.search).get('redirect_to');
  const links = services.map((s) => {
    const a = document.createElement('a');
    a.className = 'sso-button';
    a.dataset.service = s.service;
    a.textContent = s.text;
    a.href = s.url + (target ? '?redirect_to=' + encodeURIComponent(target) : '');
    if (s.color) a.style.backgroundColor = s.color;
    return a;
  });
  $('sso-buttons').replaceChildren(...links);
}

function signedOut() {
  state.me = null;
  show('whoami', false);
  show('mine', false);
  show('admin', false);
  show('mfa', false);
  forgetMfaKey();
  show('login-code', false);
  $('login-code-input').value = '';
  show('login', true);
  $('user-sessions').replaceChildren();
  $('login-id').focus();
}

async function showUser(username) {
  const user = await api('GET', '/users/username/' + encodeURIComponent(username));
  const sessions = await api('GET', `/users/${user.id}/sessions`);
  const heading = document.createElement('h3');
  heading.textContent = `${user.username}: ${sessions.length} session${sessions.length === 1 ? '' : 's'}`;
  const table = sessionTable(sessions, currentSessionId(), async (s) => {
    await api('POST', `/users/${user.id}/sessions/revoke`, { session_id: s.id });
    say(`Logged out ${user.username} from ${device(s)}.`);
    await showUser(username);
  });
  const all = document.createElement('button');
  all.type = 'button';
  all.className = 'danger';
  all.textContent = `Log ${user.username} out everywhere`;
  all.addEventListener('click', async () => {
    try {
      await api('POST', `/users/${user.id}/sessions/revoke/all`);
      say(`Logged ${user.username} out everywhere.`);
      await showUser(username);
    } catch (e) {
      fail(e);
    }
  });
  const actions = document.createElement('div');
  actions.className = 'actions';
  actions.appendChild(all);
  $('user-sessions').replaceChildren(heading, table, actions);
}

function wire() {
  $('login-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const me = await api('POST', '/users/login', {
        login_id: $('login-id').value,
        password: $('password').value,
        token: $('login-code-input').value.trim(),
      });
      $('password').value = '';
      say('');
      await signedIn(me);
    } catch (e) {
      if (e.id === CODE_NEEDED && $('login-code').hidden) {
        // The password was right; the account has two-factor authentication.
        show('login-code', true);
        say('Enter the code from your authenticator app.');
        $('login-code-input').focus();
        return;
      }
      fail(e);
    }
  });
  $('mfa-start').addEventListener('click', () => startMfa().catch(fail));
  $('mfa-form').addEventListener('submit', (event) => {
    event.preventDefault();
    finishMfa().catch(fail);
  });
  $('logout-others').addEventListener('click', async () => {
    try {
      const current = currentSessionId();
      const others = state.sessions.filter((s) => s.id !== current);
      for (const s of others) {
        await api('POST', '/users/me/sessions/revoke', { session_id: s.id });
      }
      say(`Logged out ${others.length} other session${others.length === 1 ? '' : 's'}.`);
      await loadMine();
    } catch (e) {
      fail(e);
    }
  });
  $('logout-everywhere').addEventListener('click', async () => {
    try {
      await api('POST', '/users/me/sessions/revoke/all');
      say('Logged out everywhere.');
      signedOut();
    } catch (e) {
      fail(e);
    }
  });
  $('sign-out').addEventListener('click', async () => {
    try {
      await api('POST', '/users/logout');
      say('Signed out.');
      signedOut();
    } catch (e) {
      fail(e);
    }
  });
  $('lookup-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      say('');
      await showUser($('lookup-username').value.trim().toLowerCase());
    } catch (e) {
      fail(e);
    }
  });
}

async function start() {
  wire();
  ssoButtons();
  try {
    await signedIn(await api('GET', '/users/me'));
  } catch (e) {
    if (e.status !== 401) fail(e);
    signedOut();
  }
}

start();
