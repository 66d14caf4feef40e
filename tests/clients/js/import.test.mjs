// @mattermost/client's Client4 after `mm-sessions import mattermost` (issue #39): the old
// session token and personal access token, the old bcrypt password, the old PBKDF2 password with
// a code of the old MFA secret, as a Mattermost web or Node app would use them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

import { importedServer, importSkip } from './imported.mjs';
import { codeAt, settledStep } from './totp.mjs';

const require = createRequire(import.meta.url);
const { Client4 } = require('@mattermost/client');

let imported;

function client() {
  const c = new Client4();
  c.setUrl(imported.server.url);
  return c;
}

before(async () => {
  if (importSkip) return;
  imported = await importedServer({
    MM_SERVICESETTINGS_ENABLEUSERACCESSTOKENS: 'true',
    MM_SERVICESETTINGS_ENABLEMULTIFACTORAUTHENTICATION: 'true',
  });
  assert.match(imported.summary, /user: 2 read, 2 new/);
});

after(async () => {
  await imported?.stop();
});

test('the old session token and access token authenticate', { skip: importSkip }, async () => {
  const { users, sessions, access_token: pat } = imported.source;
  const c = client();
  c.setToken(sessions.alice[0].token);
  const me = await c.getMe();
  assert.equal(me.id, users.alice.id);
  assert.equal(me.locale, 'de');
  assert.equal(me.roles, 'system_user system_admin');
  const listed = (await c.getSessions(users.alice.id)).map((s) => s.id);
  for (const s of sessions.alice) assert.ok(listed.includes(s.id), `session ${s.id} listed`);
  const script = client();
  script.setToken(pat.token);
  assert.equal((await script.getMe()).id, users.alice.id);
});

test('the old bcrypt password and the old PBKDF2 password with an old-secret code log in', { skip: importSkip }, async () => {
  const { users } = imported.source;
  const alice = await client().login('alice', users.alice.password);
  assert.equal(alice.id, users.alice.id);
  const step = await settledStep();
  const bob = await client().login('bob', users.bob.password, codeAt(users.bob.mfa_secret, step));
  assert.equal(bob.id, users.bob.id);
  await assert.rejects(client().login('alice', 'not the old password'), (e) => e.status_code === 401);
});
