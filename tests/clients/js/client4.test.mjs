// The official JS client, @mattermost/client's Client4 (pinned in package.json), used exactly
// as a Mattermost web or Node app would, against the real server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

import { startServer } from './server.mjs';

const require = createRequire(import.meta.url);
const { Client4 } = require('@mattermost/client');

const PASSWORD = 'correct horse battery';
let server;
let ids;

function client() {
  const c = new Client4();
  c.setUrl(server.url);
  return c;
}

async function loggedIn(loginId) {
  const c = client();
  const user = await c.login(loginId, PASSWORD);
  return { c, user };
}

async function rejectsWith(promise, status, id) {
  await assert.rejects(promise, (error) => {
    assert.equal(error.constructor.name, 'ClientError');
    assert.equal(error.status_code, status);
    assert.equal(error.server_error_id, id);
    assert.ok(error.message.length > 0);
    return true;
  });
}

before(async () => {
  server = await startServer();
  const create = (name, ...roles) => server.createUser(name, PASSWORD, ...roles);
  ids = { alice: create('alice'), bob: create('bob'), admin: create('admin', 'system_user', 'system_admin') };
});

after(async () => {
  await server?.stop();
});

test('login with a password, then getMe with the Token header as bearer', async () => {
  const { c, user } = await loggedIn('alice');
  assert.equal(user.id, ids.alice);
  assert.equal(user.username, 'alice');
  assert.equal(user.password, undefined);
  assert.ok(c.getToken().length > 0, 'Client4 took the Token header');
  const me = await c.getMe();
  assert.equal(me.id, ids.alice);
});

test('wrong password is a ClientError 401 with Mattermost\'s id', async () => {
  await rejectsWith(client().login('alice', 'wrong password'), 401, 'api.user.login.invalid_credentials_email_username');
});

test('getSessions lists sanitized sessions; revokeSession ends one, which then gets 401', async () => {
  const { c } = await loggedIn('alice');
  const before = new Set((await c.getSessions(ids.alice)).map((s) => s.id));
  const other = await loggedIn('alice');
  const sessions = await c.getSessions(ids.alice);
  assert.equal(sessions.length, before.size + 1);
  for (const s of sessions) {
    assert.equal(s.token, '');
    assert.equal(s.user_id, ids.alice);
  }
  const otherSession = sessions.find((s) => !before.has(s.id));
  assert.deepEqual(await c.revokeSession(ids.alice, otherSession.id), { status: 'OK' });
  await rejectsWith(other.c.getMe(), 401, 'api.context.session_expired.app_error');
  assert.equal((await c.getMe()).id, ids.alice, 'the revoking client is still logged in');
  await rejectsWith(c.revokeSession(ids.alice, otherSession.id), 400, 'app.session.get.app_error');
});

test('another user\'s sessions are a ClientError 403', async () => {
  const { c } = await loggedIn('alice');
  await rejectsWith(c.getSessions(ids.bob), 403, 'api.context.permissions.app_error');
  await rejectsWith(c.revokeAllSessionsForUser(ids.bob), 403, 'api.context.permissions.app_error');
});

test('an admin revokes another user\'s sessions', async () => {
  const bob = await loggedIn('bob');
  const { c } = await loggedIn('admin');
  const sessions = await c.getSessions(ids.bob);
  assert.ok(sessions.length >= 1);
  assert.deepEqual(await c.revokeAllSessionsForUser(ids.bob), { status: 'OK' });
  await rejectsWith(bob.c.getMe(), 401, 'api.context.session_expired.app_error');
  assert.deepEqual(await c.getSessions(ids.bob), []);
});

test('revokeAllSessionsForUser on oneself ends the calling session too', async () => {
  const { c } = await loggedIn('alice');
  const second = await loggedIn('alice');
  assert.deepEqual(await c.revokeAllSessionsForUser(ids.alice), { status: 'OK' });
  await rejectsWith(c.getMe(), 401, 'api.context.session_expired.app_error');
  await rejectsWith(second.c.getMe(), 401, 'api.context.session_expired.app_error');
});

test('the forward-auth check through Client4\'s own fetch: identity headers, a role, revocation', async () => {
  // Not a Mattermost endpoint: Client4 has no method for it, so its generic doFetchWithResponse.
  const { c } = await loggedIn('alice');
  const url = `${c.getBaseRoute()}/auth/check`;
  const { data, headers } = await c.doFetchWithResponse(url, { method: 'get' });
  assert.deepEqual(data, { status: 'OK' });
  // Client4 hands headers back in a Map, their names capitalised.
  assert.equal(headers.get('X-Mattermost-User-Id'), ids.alice);
  assert.equal(headers.get('X-Mattermost-Username'), 'alice');
  await rejectsWith(c.doFetch(`${url}?role=system_admin`, { method: 'get' }), 403, 'api.context.permissions.app_error');
  await c.logout();
  await rejectsWith(c.doFetch(url, { method: 'get' }), 401, 'api.context.session_expired.app_error');
});

test('logout revokes the token', async () => {
  const { c } = await loggedIn('alice');
  const token = c.getToken();
  await c.logout();
  const stale = client();
  stale.setToken(token);
  await rejectsWith(stale.getMe(), 401, 'api.context.session_expired.app_error');
});

test('updateUserPassword: the old password stops working and the other sessions end', async () => {
  server.createUser('carol', PASSWORD);
  const first = client();
  await first.login('carol', PASSWORD);
  const { c, user } = await loggedIn('carol');
  await rejectsWith(c.updateUserPassword(user.id, 'not my password', 'brand new password'), 400,
    'api.user.update_password.incorrect.app_error');
  assert.deepEqual(await c.updateUserPassword(user.id, PASSWORD, 'brand new password'), { status: 'OK' });
  assert.equal((await c.getMe()).id, user.id, 'the caller\'s session stays');
  await rejectsWith(first.getMe(), 401, 'api.context.session_expired.app_error');
  await rejectsWith(client().login('carol', PASSWORD), 401, 'api.user.login.invalid_credentials_email_username');
  await client().login('carol', 'brand new password');
});

test('the mobile app attaches its device id with a plain fetch, as it does after login', async () => {
  const { c, user } = await loggedIn('bob');
  // @mattermost/client has no method for it; the mobile app sends these headers itself.
  const response = await fetch(`${server.url}/api/v4/users/sessions/device`, {
    method: 'PUT',
    headers: {
      Authorization: `BEARER ${c.getToken()}`,
      'X-Requested-With': 'XMLHttpRequest',
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({ device_id: 'android_rn-v2:abcdef' }),
  });
  assert.equal(response.status, 200);
  assert.deepEqual(await response.json(), { status: 'OK' });
  const sessions = await c.getSessions(user.id);
  assert.ok(sessions.some((s) => s.device_id === 'android_rn-v2:abcdef'), JSON.stringify(sessions));
});

test('revokeSessionsForAllUsers: 403 for a user, and an admin signs everyone out', async () => {
  const { c } = await loggedIn('alice');
  await rejectsWith(c.revokeSessionsForAllUsers(), 403, 'api.context.permissions.app_error');
  const admin = await loggedIn('admin');
  assert.deepEqual(await admin.c.revokeSessionsForAllUsers(), { status: 'OK' });
  await rejectsWith(c.getMe(), 401, 'api.context.session_expired.app_error');
  await rejectsWith(admin.c.getMe(), 401, 'api.context.session_expired.app_error');
});

test('updateUserActive: an admin deactivates a user, whose logins then fail, and reactivates them', async () => {
  const daveId = server.createUser('dave', PASSWORD);
  const dave = await loggedIn('dave');
  await rejectsWith(dave.c.updateUserActive(daveId, false), 401, 'api.user.update_active.not_enable.app_error');
  const admin = await loggedIn('admin');
  assert.deepEqual(await admin.c.updateUserActive(daveId, false), { status: 'OK' });
  await rejectsWith(dave.c.getMe(), 401, 'api.context.session_expired.app_error');
  await rejectsWith(client().login('dave', PASSWORD), 401, 'api.user.login.inactive.app_error');
  assert.deepEqual(await admin.c.updateUserActive(daveId, true), { status: 'OK' });
  await client().login('dave', PASSWORD);
});

test('getUserAudits: the access history, newest first, and 403 for someone else\'s', async () => {
  const { c, user } = await loggedIn('alice');
  const audits = await c.getUserAudits(user.id, 0, 5);
  assert.ok(audits.length > 0 && audits.length <= 5, JSON.stringify(audits));
  assert.equal(audits[0].action, '/api/v4/users/login');
  assert.equal(audits[0].extra_info, 'success');
  assert.equal(audits[0].user_id, user.id);
  assert.ok(audits.every((a, i) => i === 0 || audits[i - 1].create_at >= a.create_at), 'newest first');
  await rejectsWith(c.getUserAudits(ids.bob), 403, 'api.context.permissions.app_error');
});
