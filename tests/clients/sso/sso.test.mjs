// Single sign-on through a real OpenID Connect provider (oidc-provider, ./provider.mjs) and the
// real binary: the flow as a browser makes it (a cookie jar, each redirect followed by hand, so
// that every cookie, state and answer can be looked at), every refusal path with its status and
// Mattermost's id, the rules for SSO users, an administrator's switch of sign-in method, and two
// nodes on PostgreSQL (a sign-in started on one, completed on the other). The same flow in
// Chromium is tests/clients/browser/sso-page.test.mjs.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

import { startServer, freePort } from '../js/server.mjs';
import {
  startProvider, openIdSettings, signInAtProvider, Jar, HS_CLIENT_ID, startGitLabUserApi, gitLabSettings,
} from './provider.mjs';

const require = createRequire(import.meta.url);
const { Client4 } = require('@mattermost/client');

const SSO_HOURS = 5;

/** A server offering the provider, and the provider, started together. */
async function startBoth({ env = {}, clientId, database, people } = {}) {
  const port = await freePort();
  const site = `http://127.0.0.1:${port}`;
  const provider = await startProvider(site, people);
  const server = await startServer({
    port,
    database,
    env: {
      MM_SERVICESETTINGS_SITEURL: site,
      MM_SERVICESETTINGS_SESSIONLENGTHSSOINHOURS: String(SSO_HOURS),
      MM_SERVICESETTINGS_ENABLEMULTIFACTORAUTHENTICATION: 'true',
      ...openIdSettings(provider, { clientId }),
      ...env,
    },
  });
  return { server, provider, stop: async () => { await server.stop(); await provider.stop(); } };
}

/** Starts a sign-in at `server` in `jar`; the provider's URL. */
async function start(server, jar, path = '/oauth/openid/login', query = '') {
  const response = await jar.fetch(`${server.url}${path}${query}`);
  assert.equal(response.status, 302, await response.text());
  assert.ok(jar.cookies.get('MMOAUTH'), 'the sign-in cookie is set');
  return response.headers.get('location');
}

/** The provider's return, as the browser in `jar` brings it back. */
async function complete(jar, callback) {
  return jar.fetch(callback);
}

/** A whole sign-in of `login`: the server's answer to the return. */
async function signIn(server, login, { jar = new Jar(), query = '', path = '/oauth/openid/login' } = {}) {
  const authUrl = await start(server, jar, path, query);
  const callback = await signInAtProvider(authUrl, login);
  return { response: await complete(jar, callback), jar, callback };
}

/** The error a refusal page names (status and Mattermost's id). */
async function refusal(response) {
  const page = await response.text();
  return { status: response.status, id: response.headers.get('x-mm-error-id'), page };
}

function client(server, token) {
  const c = new Client4();
  c.setUrl(server.url);
  c.setToken(token);
  return c;
}

describe('single sign-on through a real OpenID Connect provider', () => {
  let both;
  before(async () => {
    both = await startBoth();
  });
  after(async () => both.stop());

  test('the flow: PKCE and nonce sent, a session with isOAuthUser and the SSO length, the cookies and Token header, redirect_to kept', async () => {
    const jar = new Jar();
    const authUrl = new URL(await start(both.server, jar, '/oauth/openid/login', '?redirect_to=%2Fafter%3Fx%3D1'));
    assert.equal(authUrl.searchParams.get('code_challenge_method'), 'S256');
    assert.ok(authUrl.searchParams.get('code_challenge'));
    assert.ok(authUrl.searchParams.get('nonce'));
    assert.equal(authUrl.searchParams.get('redirect_uri'), `${both.server.url}/signup/openid/complete`);
    const callback = await signInAtProvider(authUrl.toString(), 'ada');
    const response = await complete(jar, callback);
    assert.equal(response.status, 307, await response.text());
    assert.equal(response.headers.get('location'), '/after?x=1');
    const token = response.headers.get('token');
    assert.ok(token);
    assert.equal(jar.cookies.get('MMAUTHTOKEN'), token);
    assert.ok(jar.cookies.get('MMUSERID') && jar.cookies.get('MMCSRF'));
    assert.equal(jar.cookies.has('MMOAUTH'), false, 'the sign-in cookie is cleared');
    // Both real clients' way in: the token.
    const me = await client(both.server, token).getMe();
    assert.equal(me.username, 'ada');
    assert.equal(me.email, 'ada@example.com');
    assert.equal(me.auth_service, 'openid');
    const sessions = await client(both.server, token).getSessions('me');
    assert.equal(sessions.length, 1);
    assert.equal(sessions[0].props.isOAuthUser, 'true');
    const hours = (sessions[0].expires_at - sessions[0].create_at) / 3600000;
    assert.ok(Math.abs(hours - SSO_HOURS) < 0.01, `SessionLengthSSOInHours: ${hours}`);
    // The account was made once: a second sign-in finds it.
    const again = await signIn(both.server, 'ada');
    assert.equal(again.response.status, 307);
    const second = await client(both.server, again.response.headers.get('token')).getMe();
    assert.equal(second.id, me.id);
    assert.match(both.server.cli('user', 'list', '--auth-service', 'openid'), /\tada\t.*\tsso=openid/);
  });

  test('the mobile flow hands the app its session at mmauth://callback, as Mattermost does', async () => {
    const jar = new Jar();
    const authUrl = await start(both.server, jar, '/oauth/openid/mobile_login', '?redirect_to=mmauth%3A%2F%2Fcallback');
    const response = await complete(jar, await signInAtProvider(authUrl, 'mobileuser'));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const page = await response.text();
    const target = page.match(/url=([^"]+)"/)[1].replaceAll('&amp;', '&');
    const handed = new URL(target);
    assert.equal(`${handed.protocol}//${handed.host}`, 'mmauth://callback');
    assert.equal(handed.searchParams.get('srv'), both.server.url);
    const token = handed.searchParams.get('MMAUTHTOKEN');
    const me = await client(both.server, token).getMe();
    assert.equal(me.username, 'mobileuser');
    const [session] = await client(both.server, token).getSessions('me');
    assert.equal(session.props.csrf, handed.searchParams.get('MMCSRF'));
  });

  test('the older mobile app, without redirect_to, gets its session in the cookies', async () => {
    const jar = new Jar();
    const authUrl = await start(both.server, jar, '/oauth/openid/mobile_login');
    const response = await complete(jar, await signInAtProvider(authUrl, 'oldmobile'));
    assert.equal(response.status, 200);
    const me = await client(both.server, jar.cookies.get('MMAUTHTOKEN')).getMe();
    assert.equal(me.username, 'oldmobile');
  });

  test('the Python driver uses an SSO session', async (t) => {
    const python = process.env.MM_SESSIONS_PYTHON;
    if (!python) {
      t.skip('MM_SESSIONS_PYTHON is not set (scripts/test sets it): the Python driver did not run');
      return;
    }
    const { response } = await signIn(both.server, 'pythonist');
    const token = response.headers.get('token');
    both.server.createUser('pyadmin', 'the py admin password', 'system_user', 'system_admin');
    const port = new URL(both.server.url).port;
    // The SSO session reads itself; an admin's driver switches its sign-in method (the driver's
    // own call for PUT /users/{user_id}/auth), and the SSO session is refused at once.
    const script = 'import sys\nfrom mattermostdriver import Driver\n'
      + 'def driver(**extra):\n'
      + '    return Driver({"url": "127.0.0.1", "port": int(sys.argv[1]), "scheme": "http", "basepath": "/api/v4", **extra})\n'
      + 'd = driver(token=sys.argv[2])\nd.login()\nme = d.users.get_user("me")\nprint(me["username"], me["auth_service"])\n'
      + 'a = driver(login_id="pyadmin", password="the py admin password")\na.login()\n'
      + 'print(a.users.update_user_authentication_method(me["id"], options={"auth_service": "gitlab", "auth_data": "77"}))\n'
      + 'try:\n    d.users.get_user("me")\n    print("still signed in")\n'
      + 'except Exception as e:\n    print("refused", type(e).__name__)\n';
    const out = execFileSync(python, ['-c', script, port, token], { encoding: 'utf8' }).trim().split('\n');
    assert.deepEqual(out, ['pythonist openid', "{'auth_data': '77', 'auth_service': 'gitlab'}", 'refused NoAccessTokenProvided']);
  });

  test('a replayed return, another browser, no cookie, a forged state: invalid state, nothing signed in', async () => {
    const { response, jar, callback } = await signIn(both.server, 'replayer');
    assert.equal(response.status, 307);
    // The same return again, from the same browser (single use).
    const replayed = await refusal(await jar.fetch(callback));
    assert.deepEqual([replayed.status, replayed.id], [400, 'api.user.authorize_oauth_user.invalid_state.app_error']);

    // Started in one browser, brought back by another (the state bound to its cookie).
    const victim = new Jar();
    const authUrl = await start(both.server, victim);
    const attacker = new Jar();
    attacker.cookies.set('MMOAUTH', 'A'.repeat(43));
    const stolen = await signInAtProvider(authUrl, 'attacker');
    const other = await refusal(await attacker.fetch(stolen));
    assert.deepEqual([other.status, other.id], [400, 'api.user.authorize_oauth_user.invalid_state.app_error']);
    // Taken by that attempt: the real browser cannot use it either (one use, whoever tries).
    const late = await refusal(await victim.fetch(stolen));
    assert.equal(late.status, 400);

    // No cookie at all.
    const bare = new Jar();
    const authUrl2 = await start(both.server, new Jar());
    const noCookie = await refusal(await bare.fetch(await signInAtProvider(authUrl2, 'nocookie')));
    assert.deepEqual([noCookie.status, noCookie.id], [400, 'api.user.authorize_oauth_user.invalid_state.app_error']);

    // A state that is not one of ours, or none.
    for (const state of ['', 'abc', 'e30', '%00'.repeat(43), 'A'.repeat(44)]) {
      const forged = await refusal(await new Jar().fetch(`${both.server.url}/signup/openid/complete?code=x&state=${state}`));
      assert.deepEqual([forged.status, forged.id], [400, 'api.user.authorize_oauth_user.invalid_state.app_error'], state);
    }
  });

  test('the provider says no: access_denied, another error, no code', async () => {
    const jar = new Jar();
    const authUrl = await start(both.server, jar);
    const callback = await signInAtProvider(authUrl, 'someone', { deny: true });
    assert.match(callback, /error=access_denied/);
    const denied = await refusal(await jar.fetch(callback));
    assert.deepEqual([denied.status, denied.id], [403, 'oauth_access_denied']);
    const error = await refusal(await jar.fetch(`${both.server.url}/signup/openid/complete?error=server_error&state=x`));
    assert.deepEqual([error.status, error.id], [400, 'api.user.authorize_oauth_user.response.app_error']);
    const odd = await refusal(await jar.fetch(`${both.server.url}/login/openid/complete?error=%3Cscript%3E`));
    assert.equal(odd.status, 400);
    assert.ok(!odd.page.includes('<script>'), 'nothing of the request is echoed unescaped');
    const missing = await refusal(await jar.fetch(`${both.server.url}/oauth/openid/complete?state=x`));
    assert.deepEqual([missing.status, missing.id], [400, 'oauth_missing_code']);
  });

  test('redirect_to outside the allow-list, unknown or disabled services are refused before the provider', async () => {
    for (const target of ['https://evil.example/', '//evil.example', '/\\evil.example', 'javascript:alert(1)']) {
      const answer = await refusal(await new Jar().fetch(`${both.server.url}/oauth/openid/login?redirect_to=${encodeURIComponent(target)}`));
      assert.deepEqual([answer.status, answer.id], [400, 'api.invalid_redirect_url'], target);
    }
    for (const service of ['gitlab', 'saml', 'OPENID']) {
      const answer = await refusal(await new Jar().fetch(`${both.server.url}/oauth/${service}/login`));
      assert.deepEqual([answer.status, answer.id], [400, 'api.user.authorize_oauth_user.unsupported.app_error'], service);
    }
    const mobile = await refusal(await new Jar().fetch(`${both.server.url}/oauth/openid/mobile_login?redirect_to=https%3A%2F%2Fevil.example%2F`));
    assert.deepEqual([mobile.status, mobile.id], [400, 'api.invalid_custom_url_scheme']);
  });

  test('an account with the email is never taken over; a deactivated SSO user stays deactivated', async () => {
    both.server.createUser('grace', 'a password of hers', 'system_user');
    const taken = await refusal((await signIn(both.server, 'grace')).response);
    assert.deepEqual([taken.status, taken.id], [400, 'api.user.create_oauth_user.already_attached.app_error']);

    const first = await signIn(both.server, 'leaver');
    assert.equal(first.response.status, 307);
    both.server.cli('user', 'deactivate', '--user', 'leaver');
    const again = await refusal((await signIn(both.server, 'leaver')).response);
    assert.deepEqual([again.status, again.id], [401, 'api.user.login.inactive.app_error']);
  });

  test('an SSO user cannot log in with a password, set one, or turn MFA on', async () => {
    const { response } = await signIn(both.server, 'ssouser');
    const token = response.headers.get('token');
    const me = await client(both.server, token).getMe();
    const login = await fetch(`${both.server.url}/api/v4/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login_id: 'ssouser', password: 'any password at all' }),
    });
    assert.equal(login.status, 401);
    assert.equal((await login.json()).id, 'api.user.login.invalid_credentials_sso');
    // With single sign-on on, a wrong password and an unknown name answer the same: the answer
    // never tells which accounts sign in through the provider.
    both.server.createUser('passworduser', 'the right password', 'system_user');
    for (const [loginId, password] of [['passworduser', 'a wrong password'], ['nobody-at-all', 'any password']]) {
      const refused = await fetch(`${both.server.url}/api/v4/users/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login_id: loginId, password }),
      });
      assert.equal(refused.status, 401);
      assert.equal((await refused.json()).id, 'api.user.login.invalid_credentials_sso', loginId);
    }
    await assert.rejects(
      client(both.server, token).updateUserPassword(me.id, 'whatever it was', 'a new password'),
      (e) => e.status_code === 400 && e.server_error_id === 'api.user.update_password.oauth.app_error',
    );
    await assert.rejects(
      client(both.server, token).generateMfaSecret(me.id),
      (e) => e.status_code === 400 && e.server_error_id === 'api.user.activate_mfa.email_and_ldap_only.app_error',
    );
    assert.throws(
      () => execFileSync(process.env.MM_SESSIONS_BIN, ['--database', both.server.database, 'user', 'set-password',
        '--user', 'ssouser', '--password-stdin'], { input: 'a new password\n', stdio: ['pipe', 'pipe', 'pipe'] }),
      /single sign-on/,
    );
  });

  test("an administrator's switch of sign-in method ends the user's sessions at once", async () => {
    both.server.createUser('root', 'the admin password', 'system_user', 'system_admin');
    const admin = new Client4();
    admin.setUrl(both.server.url);
    await admin.login('root', 'the admin password');
    const { response } = await signIn(both.server, 'mover');
    const token = response.headers.get('token');
    const me = await client(both.server, token).getMe();
    // Not an admin: refused.
    const self = await fetch(`${both.server.url}/api/v4/users/${me.id}/auth`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ auth_service: 'openid', auth_data: 'sub-root' }),
    });
    assert.equal(self.status, 403);
    const put = (body) => fetch(`${both.server.url}/api/v4/users/${me.id}/auth`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${admin.getToken()}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    for (const bad of [{}, { auth_service: 'openid' }, { auth_data: 'x' }, { auth_service: 'saml', auth_data: 'x' }]) {
      const answer = await put(bad);
      assert.equal(answer.status, 400, JSON.stringify(bad));
      assert.equal((await answer.json()).id, 'api.user.update_user_auth.invalid_request');
    }
    // The official client's own call for it.
    const switched = await admin.updateUserAuth(me.id, { auth_service: 'openid', auth_data: 'sub-elsewhere' });
    assert.deepEqual(switched, { auth_service: 'openid', auth_data: 'sub-elsewhere' });
    await assert.rejects(client(both.server, token).getMe(), (e) => e.status_code === 401);
    // The old identity no longer names them: signing in as before makes no session of theirs.
    const old = await refusal((await signIn(both.server, 'mover')).response);
    assert.deepEqual([old.status, old.id], [400, 'api.user.create_oauth_user.already_attached.app_error']);
  });
});

describe('single sign-on refusals that need their own settings', () => {
  test('sign-up disabled, a domain not allowed', async () => {
    const closed = await startBoth({ env: { MM_TEAMSETTINGS_ENABLEUSERCREATION: 'false' } });
    try {
      const answer = await refusal((await signIn(closed.server, 'newcomer')).response);
      assert.deepEqual([answer.status, answer.id], [403, 'api.user.create_user.disabled.app_error']);
      const signup = await refusal(await new Jar().fetch(`${closed.server.url}/oauth/openid/signup`));
      assert.deepEqual([signup.status, signup.id], [403, 'api.user.create_user.disabled.app_error']);
    } finally {
      await closed.stop();
    }
    const corp = await startBoth({ env: { MM_TEAMSETTINGS_RESTRICTCREATIONTODOMAINS: 'corp.example' },
      people: { insider: { email: 'insider@corp.example' } } });
    try {
      const outside = await refusal((await signIn(corp.server, 'outsider')).response);
      assert.deepEqual([outside.status, outside.id], [400, 'api.user.create_user.accepted_domain.app_error']);
      assert.equal((await signIn(corp.server, 'insider')).response.status, 307);
    } finally {
      await corp.stop();
    }
  });

  test('over TLS the browser binding is a __Host- cookie: one planted from a sibling subdomain does not count', async () => {
    const tls = await startBoth({ env: { MM_SESSIONS_SECURE_COOKIES: 'always' } });
    try {
      const jar = new Jar();
      const response = await jar.fetch(`${tls.server.url}/oauth/openid/login`);
      assert.equal(response.status, 302);
      const set = response.headers.getSetCookie().join('\n');
      assert.match(set, /^__Host-MMOAUTH=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Lax; Secure; Path=\/; Max-Age=600/m);
      const callback = await signInAtProvider(response.headers.get('location'), 'tlsuser');
      // The attacker's browser holds the victim's cookie value, but under the plain name.
      const planted = new Jar();
      planted.cookies.set('MMOAUTH', jar.cookies.get('__Host-MMOAUTH'));
      const refused = await refusal(await planted.fetch(callback));
      assert.deepEqual([refused.status, refused.id], [400, 'api.user.authorize_oauth_user.invalid_state.app_error']);
    } finally {
      await tls.stop();
    }
  });

  test('a provider that refuses this server (a wrong client secret) is a 502 for the operator', async () => {
    const wrong = await startBoth({ env: { MM_OPENIDSETTINGS_SECRET: 'not the secret the provider knows at all' } });
    try {
      const answer = await refusal((await signIn(wrong.server, 'someone')).response);
      assert.deepEqual([answer.status, answer.id], [502, 'api.user.authorize_oauth_user.service.app_error']);
    } finally {
      await wrong.stop();
    }
  });

  test("GitLab's OAuth flow and user API, as Mattermost reads them (a stand-in for the user API, behind the real provider)", async () => {
    const port = await freePort();
    const site = `http://127.0.0.1:${port}`;
    const provider = await startProvider(site);
    const userApi = await startGitLabUserApi(provider);
    const server = await startServer({ port, env: { MM_SERVICESETTINGS_SITEURL: site, ...gitLabSettings(provider, userApi) } });
    try {
      const jar = new Jar();
      const authUrl = new URL(await start(server, jar, '/oauth/gitlab/login'));
      assert.equal(authUrl.searchParams.get('scope'), 'read_user');
      assert.equal(authUrl.searchParams.get('nonce'), null, 'no nonce outside OpenID Connect');
      assert.equal(authUrl.searchParams.get('code_challenge_method'), 'S256');
      const response = await complete(jar, await signInAtProvider(authUrl.toString(), 'Linus'));
      assert.equal(response.status, 307, await response.text());
      const me = await client(server, response.headers.get('token')).getMe();
      assert.deepEqual([me.username, me.email, me.auth_service], ['linus', 'linus@example.com', 'gitlab']);
      assert.match(server.cli('user', 'list', '--auth-service', 'gitlab'), /\tlinus\t.*\tsso=gitlab/);
      // The same person again: the same account (found by GitLab's numeric id).
      const second = await signIn(server, 'Linus', { path: '/oauth/gitlab/login' });
      assert.equal((await client(server, second.response.headers.get('token')).getMe()).id, me.id);
    } finally {
      await server.stop();
      await userApi.stop();
      await provider.stop();
    }
  });

  test('an ID token signed with a shared secret (HS256) is refused', async () => {
    const hs = await startBoth({ clientId: HS_CLIENT_ID });
    try {
      const answer = await refusal((await signIn(hs.server, 'hs')).response);
      assert.deepEqual([answer.status, answer.id], [400, 'api.user.authorize_oauth_user.invalid_id_token.app_error']);
    } finally {
      await hs.stop();
    }
  });

  test('two nodes on PostgreSQL: started on one, completed on the other, replayed on neither', async (t) => {
    const base = process.env.MM_SESSIONS_TEST_POSTGRES;
    if (!base) {
      t.skip('MM_SESSIONS_TEST_POSTGRES is not set: the two-node sign-in did not run');
      return;
    }
    const schema = `sso_${Date.now()}_${process.pid}`;
    execFileSync('psql', [base, '-qc', `CREATE SCHEMA ${schema}`]);
    const database = `${base}${base.includes('?') ? '&' : '?'}options=-c%20search_path%3D${schema}`;
    const [portA, portB] = [await freePort(), await freePort()];
    // One site URL for both nodes, as behind a load balancer: node A's.
    const site = `http://127.0.0.1:${portA}`;
    const provider = await startProvider(site);
    const env = { MM_SERVICESETTINGS_SITEURL: site, ...openIdSettings(provider) };
    const a = await startServer({ port: portA, database, env });
    const b = await startServer({ port: portB, database, env });
    try {
      const jar = new Jar();
      const authUrl = await start(a, jar);
      const callback = new URL(await signInAtProvider(authUrl, 'roamer'));
      const onB = `${b.url}${callback.pathname}${callback.search}`;
      const response = await jar.fetch(onB);
      assert.equal(response.status, 307, await response.text());
      const me = await client(a, response.headers.get('token')).getMe();
      assert.equal(me.username, 'roamer');
      const replayed = await refusal(await jar.fetch(`${a.url}${callback.pathname}${callback.search}`));
      assert.equal(replayed.status, 400);
      // An administrator's switch of sign-in method on B ends the session on A at once.
      b.createUser('boss', 'the boss password', 'system_user', 'system_admin');
      const admin = new Client4();
      admin.setUrl(b.url);
      await admin.login('boss', 'the boss password');
      const switched = await fetch(`${b.url}/api/v4/users/${me.id}/auth`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${admin.getToken()}`, 'content-type': 'application/json' },
        body: JSON.stringify({ auth_service: 'openid', auth_data: 'sub-moved' }),
      });
      assert.equal(switched.status, 200);
      await assert.rejects(client(a, response.headers.get('token')).getMe(), (e) => e.status_code === 401);
    } finally {
      await a.stop();
      await b.stop();
      await provider.stop();
      execFileSync('psql', [base, '-qc', `DROP SCHEMA ${schema} CASCADE`]);
    }
  });
});
