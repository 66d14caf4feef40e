// @mattermost/client's Client4 for multi-factor authentication, against the real server with
// EnableMultifactorAuthentication on: generateMfaSecret, updateUserMfa, and login with a code,
// as the web app runs them. Within one time step: the previous step's code activates, the
// current one logs in (once), the next one logs in again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

import { startServer } from './server.mjs';
import { codeAt, settledStep } from './totp.mjs';

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

async function rejectsWith(promise, status, id) {
  await assert.rejects(promise, (error) => {
    assert.equal(error.status_code, status);
    assert.equal(error.server_error_id, id);
    return true;
  });
}

before(async () => {
  server = await startServer({ env: { MM_SERVICESETTINGS_ENABLEMULTIFACTORAUTHENTICATION: 'true' } });
  ids = { alice: server.createUser('alice', PASSWORD), admin: server.createUser('admin', PASSWORD, 'system_user', 'system_admin') };
});

after(async () => {
  await server?.stop();
});

test('generateMfaSecret, updateUserMfa and login with a code, each code once', async () => {
  const alice = client();
  await alice.login('alice', PASSWORD);
  const { secret, qr_code: qr } = await alice.generateMfaSecret(ids.alice);
  assert.match(secret, /^[A-Z2-7]{32}$/);
  assert.ok(Buffer.from(qr, 'base64').subarray(1, 4).toString() === 'PNG', 'a PNG');
  const step = await settledStep();
  await rejectsWith(alice.updateUserMfa(ids.alice, true, '000000'), 401, 'mfa.activate.bad_token.app_error');
  assert.deepEqual(await alice.updateUserMfa(ids.alice, true, codeAt(secret, step - 1)), { status: 'OK' });
  assert.equal((await alice.getMe()).mfa_active, true);

  // The web app logs in without a code first; this id makes it show the code field.
  await rejectsWith(client().login('alice', PASSWORD), 401, 'mfa.validate_token.authenticate.app_error');
  await rejectsWith(client().login('alice', PASSWORD, '000000'), 401, 'api.user.check_user_mfa.bad_code.app_error');
  const withCode = client();
  const me = await withCode.login('alice', PASSWORD, codeAt(secret, step));
  assert.equal(me.id, ids.alice);
  assert.equal((await withCode.getMe()).id, ids.alice);
  await rejectsWith(client().login('alice', PASSWORD, codeAt(secret, step)), 401, 'api.user.check_user_mfa.bad_code.app_error');
  await client().login('alice', PASSWORD, codeAt(secret, step + 1));

  // Client4 sends no code when turning MFA off: refused for one's own (safer than Mattermost);
  // an administrator turns it off without one (the lost phone).
  await rejectsWith(alice.updateUserMfa(ids.alice, false), 400, 'api.context.invalid_body_param.app_error');
  const admin = client();
  await admin.login('admin', PASSWORD);
  assert.deepEqual(await admin.updateUserMfa(ids.alice, false), { status: 'OK' });
  await client().login('alice', PASSWORD);
});
