// @mattermost/client's Client4 for roles and personal access tokens, against the real server
// with EnableUserAccessTokens on, as a Mattermost admin or an integration would use them.
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
  await c.login(loginId, PASSWORD);
  return c;
}

async function rejectsWith(promise, status, id) {
  await assert.rejects(promise, (error) => {
    assert.equal(error.status_code, status);
    assert.equal(error.server_error_id, id);
    return true;
  });
}

before(async () => {
  server = await startServer({ env: { MM_SERVICESETTINGS_ENABLEUSERACCESSTOKENS: 'true' } });
  const create = (name, ...roles) => server.createUser(name, PASSWORD, ...roles);
  ids = {
    bot: create('ci-bot', 'system_user', 'system_user_access_token'),
    bob: create('bob'),
    admin: create('admin', 'system_user', 'system_admin'),
  };
});

after(async () => {
  await server?.stop();
});

test('updateUserRoles: 403 without manage_roles; an admin sets them and they reach open sessions', async () => {
  const bob = await loggedIn('bob');
  await rejectsWith(bob.updateUserRoles(ids.bob, 'system_user system_admin'), 403, 'api.context.permissions.app_error');
  const admin = await loggedIn('admin');
  await rejectsWith(admin.updateUserRoles(ids.bob, 'system_user superuser'), 400, 'app.role.check_roles_exist.role_not_found');
  await rejectsWith(admin.updateUserRoles(ids.admin, 'system_user'), 400, 'app.user.update.lastAdmin.app_error');
  assert.deepEqual(await admin.updateUserRoles(ids.bob, 'system_user system_user_access_token'), { status: 'OK' });
  const sessions = await bob.getSessions(ids.bob);
  assert.ok(sessions.every((s) => s.roles === 'system_user system_user_access_token'), JSON.stringify(sessions));
  assert.equal((await bob.getMe()).roles, 'system_user system_user_access_token');
  assert.deepEqual(await admin.updateUserRoles(ids.bob, 'system_user'), { status: 'OK' });
});

test('a personal access token: made once, listed sanitized, used as a Client4 token', async () => {
  const c = await loggedIn('ci-bot');
  const made = await c.createUserAccessToken(ids.bot, 'nightly build');
  assert.equal(made.user_id, ids.bot);
  assert.equal(made.description, 'nightly build');
  assert.equal(made.is_active, true);
  assert.equal(made.token.length, 26);
  // The Client4 of a script whose token is the personal access token.
  const script = client();
  script.setToken(made.token);
  assert.equal((await script.getMe()).id, ids.bot);

  const mine = await c.getUserAccessTokensForUser(ids.bot);
  assert.ok(mine.some((t) => t.id === made.id), JSON.stringify(mine));
  assert.ok(mine.every((t) => t.token === undefined), 'sanitized');
  const one = await c.getUserAccessToken(made.id);
  assert.equal(one.id, made.id);
  assert.equal(one.token, undefined);
  const admin = await loggedIn('admin');
  const all = await admin.getUserAccessTokens(0, 200);
  assert.ok(all.some((t) => t.id === made.id));
  await rejectsWith(c.getUserAccessTokens(), 403, 'api.context.permissions.app_error');

  // Disabled: refused at once; enabled: works again; revoked: gone.
  assert.deepEqual(await c.disableUserAccessToken(made.id), { status: 'OK' });
  await rejectsWith(script.getMe(), 401, 'api.context.session_expired.app_error');
  assert.deepEqual(await c.enableUserAccessToken(made.id), { status: 'OK' });
  assert.equal((await script.getMe()).id, ids.bot);
  assert.deepEqual(await c.revokeUserAccessToken(made.id), { status: 'OK' });
  await rejectsWith(script.getMe(), 401, 'api.context.session_expired.app_error');
  await rejectsWith(c.getUserAccessToken(made.id), 404, 'app.user_access_token.get_by_user.app_error');
});

test('createUserAccessToken: 403 for a user without the role, and for someone else\'s account', async () => {
  const bob = await loggedIn('bob');
  await rejectsWith(bob.createUserAccessToken(ids.bob, 'mine'), 403, 'api.context.permissions.app_error');
  const bot = await loggedIn('ci-bot');
  await rejectsWith(bot.createUserAccessToken(ids.bob, 'his'), 403, 'api.context.permissions.app_error');
  await rejectsWith(bot.createUserAccessToken(ids.bot, ''), 400, 'api.context.invalid_body_param.app_error');
});
