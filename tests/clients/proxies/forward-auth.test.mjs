// Forward-auth through real proxies: Debian's nginx (1.22) and Caddy (2.6) in front of a small
// upstream app, each with the configuration docs/operations.md shows (taken from that file;
// only host names and ports change), and mm-sessions behind both, in Chromium like the page's
// other tests. A proxy that is not installed is skipped, and said so.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { startServer, freePort } from '../js/server.mjs';
import { startProvider, openIdSettings } from '../sso/provider.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const PASSWORD = 'correct horse battery';
// Chromium resolves the test's host names to loopback; cookies see real-looking names.
const DOMAIN = 'example.test';
const WIKI = `wiki.${DOMAIN}`;

function which(name) {
  try {
    return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

/** The fenced block after `<!-- forward-auth: KIND` in docs/operations.md. */
function documented(kind) {
  const docs = readFileSync(join(ROOT, 'docs', 'operations.md'), 'utf8');
  const marker = docs.indexOf(`<!-- forward-auth: ${kind} `);
  assert.ok(marker >= 0, `docs/operations.md has no ${kind} configuration`);
  const open = docs.indexOf('```', marker);
  const start = docs.indexOf('\n', open) + 1;
  return docs.slice(start, docs.indexOf('\n```', start) + 1);
}

/** The documented names and ports replaced by the test's: nothing else changes. */
function localized(text, { proxyPort, sessionsPort, appPort }) {
  return text
    .replaceAll('127.0.0.1:8065', `127.0.0.1:${sessionsPort}`)
    .replaceAll('127.0.0.1:3000', `127.0.0.1:${appPort}`)
    .replaceAll('wiki.example.com', WIKI)
    .replaceAll('example.com', DOMAIN)
    .replaceAll('listen 80;', `listen 127.0.0.1:${proxyPort};`);
}

const PROXIES = {
  nginx: {
    binary: '/usr/sbin/nginx',
    install: 'apt-get install nginx-light',
    config(dir, ports) {
      const user = process.getuid?.() === 0 ? 'user root root;\n' : '';
      const conf = `${user}daemon off;\nworker_processes 1;\npid ${dir}/nginx.pid;\nerror_log ${dir}/error.log warn;\n`
        + `events { worker_connections 128; }\nhttp {\n  access_log off;\n  client_body_temp_path ${dir}/body;\n`
        + `  proxy_temp_path ${dir}/proxy;\n${localized(documented('nginx'), ports)}}\n`;
      writeFileSync(join(dir, 'nginx.conf'), conf);
      return [this.binary, ['-p', dir, '-e', `${dir}/error.log`, '-c', join(dir, 'nginx.conf')], {}];
    },
  },
  caddy: {
    binary: '/usr/bin/caddy',
    install: 'apt-get install caddy',
    config(dir, ports) {
      // Plain HTTP on the test's port; the site blocks are the documented ones.
      const sites = localized(documented('caddy'), ports)
        .replace(`${WIKI} {`, `http://${WIKI}:${ports.proxyPort} {`)
        .replace(new RegExp(`^${DOMAIN.replace('.', '\\.')} \\{`, 'm'), `http://${DOMAIN}:${ports.proxyPort} {`);
      writeFileSync(join(dir, 'Caddyfile'), `{\n\tadmin off\n\tauto_https off\n}\n${sites}`);
      return [this.binary, ['run', '--adapter', 'caddyfile', '--config', join(dir, 'Caddyfile')],
        { XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir, HOME: dir }];
    },
  },
};

/** A plain request through the proxy, as a browser on `host` would send it. */
function request(port, host, path, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, headers: { Host: `${host}:${port}`, ...headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => { body += chunk; });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The upstream app: answers every request with what it received, as JSON. */
async function startApp() {
  const seen = [];
  const server = http.createServer((req, res) => {
    seen.push({ method: req.method, url: req.url, headers: req.headers });
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ app: 'wiki', method: req.method, url: req.url, headers: req.headers }));
  });
  const port = await freePort();
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { port, seen, stop: () => new Promise((resolve) => server.close(resolve)) };
}

async function waitForPort(port, child, what) {
  const deadline = Date.now() + 20000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}`);
    try {
      await request(port, DOMAIN, '/api/v4/system/ping');
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`${what} did not come up on ${port}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

for (const [name, proxy] of Object.entries(PROXIES)) {
  const missing = !existsSync(proxy.binary) && !which(name)
    ? `${name} is not installed (${proxy.install})` : !existsSync(CHROMIUM) ? `no Chromium at ${CHROMIUM}` : false;
  if (missing) console.log(`SKIPPED: forward-auth through ${name}: ${missing}`);

  describe(`forward-auth through ${name}`, { skip: missing }, () => {
    let sessions; let app; let child; let dir; let browser; let port; let ids; let provider;
    const wiki = (path) => `http://${WIKI}:${port}${path}`;
    const site = () => `http://${DOMAIN}:${port}`;

    before(async () => {
      port = await freePort();
      // The company sign-in: a real OpenID Connect provider, offered on the sign-in page.
      provider = await startProvider(`http://${DOMAIN}:${port}`);
      sessions = await startServer({
        env: {
          ...openIdSettings(provider),
          MM_SERVICESETTINGS_SITEURL: `http://${DOMAIN}:${port}`,
          MM_SERVICESETTINGS_ALLOWCOOKIESFORSUBDOMAINS: 'true',
          MM_SESSIONS_TRUSTED_PROXIES: '127.0.0.1/32',
          MM_SESSIONS_ALLOWED_REDIRECT_HOSTS: WIKI,
          MM_SERVICESETTINGS_ENABLEUSERACCESSTOKENS: 'true',
          // Off, so that the test may age a session in the file (the cache would not see it).
          MM_SESSIONS_SESSION_CACHE_SIZE: '0',
        },
      });
      ids = {
        alice: sessions.createUser('alice', PASSWORD),
        root: sessions.createUser('root', PASSWORD, 'system_user', 'system_admin'),
        bot: sessions.createUser('bot', PASSWORD, 'system_user', 'system_user_access_token'),
      };
      app = await startApp();
      dir = mkdtempSync(join(tmpdir(), `mm-sessions-${name}-`));
      const [binary, args, env] = proxy.config(dir, { proxyPort: port, sessionsPort: sessions.port, appPort: app.port });
      child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ...env } });
      await waitForPort(port, child, name);
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
          `--host-resolver-rules=MAP ${DOMAIN} 127.0.0.1, MAP *.${DOMAIN} 127.0.0.1`],
      });
    });

    after(async () => {
      await browser?.close();
      if (child && child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await app?.stop();
      await sessions?.stop();
      await provider?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    async function signIn(page, loginId) {
      await page.getByLabel('Username or email').fill(loginId);
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByLabel('Password').press('Enter');
    }

    /** A fresh browser that opened `path` on the wiki, signed in as `loginId` on the page it
     * was sent to, and is back on `path`. */
    async function signedInAt(path, loginId) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(wiki(path));
      assert.ok(page.url().startsWith(`${site()}/?redirect_to=`), page.url());
      await signIn(page, loginId);
      await page.waitForURL(wiki(path));
      return { context, page };
    }

    /** What the upstream app saw on the page the browser shows. */
    async function seenBy(page) {
      return JSON.parse(await page.locator('body').innerText());
    }

    test('no session: sent to the sign-in page, and nothing reaches the app', async () => {
      const before = app.seen.length;
      const reply = await request(port, WIKI, '/page?x=1', { 'X-Mattermost-User-Id': ids.root });
      assert.equal(reply.status, 302, reply.body);
      assert.equal(reply.headers.location, `${site()}/?redirect_to=${encodeURIComponent(wiki('/page?x=1'))}`);
      assert.equal(app.seen.length, before, 'the app saw no request');
    });

    test('sign in in Chromium, back on the page with the identity, without our credentials', async () => {
      const { context, page } = await signedInAt('/page?x=1', 'alice');
      const seen = await seenBy(page);
      assert.equal(seen.app, 'wiki');
      assert.equal(seen.headers['x-mattermost-user-id'], ids.alice);
      assert.equal(seen.headers['x-mattermost-username'], 'alice');
      assert.equal(seen.headers['x-mattermost-roles'], 'system_user');
      assert.match(seen.headers['x-mattermost-session-id'], /^[a-z0-9]{26}$/);
      assert.equal(seen.headers.authorization ?? '', '');
      assert.doesNotMatch(seen.headers.cookie ?? '', /MMAUTHTOKEN|MMCSRF/);

      // Administrators only: 403 for alice.
      const admin = await page.goto(wiki('/admin/'));
      assert.equal(admin.status(), 403);

      // A client's own identity headers never reach the app.
      const token = (await context.cookies()).find((c) => c.name === 'MMAUTHTOKEN').value;
      const spoofed = await request(port, WIKI, '/page', {
        Cookie: `theme=dark; MMAUTHTOKEN=${token}`,
        'X-Mattermost-User-Id': ids.root, 'X-Mattermost-Username': 'root', 'X-Mattermost-Roles': 'system_admin',
      });
      assert.equal(spoofed.status, 200, spoofed.body);
      const headers = JSON.parse(spoofed.body).headers;
      assert.equal(headers['x-mattermost-user-id'], ids.alice);
      assert.equal(headers['x-mattermost-username'], 'alice');
      assert.equal(headers['x-mattermost-roles'], 'system_user');
      const names = (headers.cookie ?? '').split(';').map((c) => c.trim().split('=')[0]).filter(Boolean);
      assert.deepEqual(names, ['theme']);
      const spoofedAdmin = await request(port, WIKI, '/admin/', { Cookie: `MMAUTHTOKEN=${token}`, 'X-Mattermost-Roles': 'system_admin' });
      assert.equal(spoofedAdmin.status, 403);
      // The route's requirement follows the proxy's own reading of the path.
      for (const path of ['/%61dmin/', '//admin/', '/./admin/', '/x/../admin/', '/admin/', '/ADMIN/', '/Admin',
        '/admin', '/admin;x/', '/admin/..%2f/admin/']) {
        const sneaky = await request(port, WIKI, path, { Cookie: `MMAUTHTOKEN=${token}` });
        assert.ok(sneaky.status === 403 || sneaky.status === 400, `${path}: ${sneaky.status} ${sneaky.body}`);
      }

      // Revoked through the API: the very next request goes to the sign-in page.
      const sessionId = seen.headers['x-mattermost-session-id'];
      const revoked = await fetch(`${sessions.url}/api/v4/users/${ids.alice}/sessions/revoke`, {
        method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ session_id: sessionId }),
      });
      assert.equal(revoked.status, 200);
      await page.goto(wiki('/page'));
      assert.ok(page.url().startsWith(`${site()}/?redirect_to=`), page.url());
      await context.close();
    });

    test('the company sign-in: through the provider from the sign-in page, back on the app', async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(wiki('/sso?x=1'));
      assert.ok(page.url().startsWith(`${site()}/?redirect_to=`), page.url());
      await page.getByRole('link', { name: 'Sign in with the test provider' }).click();
      await page.waitForURL(`${provider.issuer}/interaction/**`);
      await page.locator('input[name="login"]').fill('hedy');
      await page.locator('input[name="password"]').fill('anything');
      await page.locator('button[type="submit"]').click();
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.waitForURL(wiki('/sso?x=1'));
      const seen = await seenBy(page);
      assert.equal(seen.headers['x-mattermost-username'], 'hedy');
      assert.equal(seen.headers['x-mattermost-roles'], 'system_user');
      await context.close();
    });

    test('an administrator passes the admin route', async () => {
      const { context, page } = await signedInAt('/admin/reports', 'root');
      const seen = await seenBy(page);
      assert.equal(seen.url, '/admin/reports');
      assert.equal(seen.headers['x-mattermost-roles'], 'system_user system_admin');
      await context.close();
    });

    test('a personal access token in Authorization passes, and stays with us', async () => {
      const pat = execFileSync(process.env.MM_SESSIONS_BIN, ['--database', sessions.database, 'token', 'create', '--user', 'bot',
        '--description', `${name} job`], { encoding: 'utf8', env: { ...process.env, MM_SERVICESETTINGS_ENABLEUSERACCESSTOKENS: 'true' } }).trim();
      const reply = await request(port, WIKI, '/api/report', { Authorization: `Bearer ${pat}` });
      assert.equal(reply.status, 200, reply.body);
      const headers = JSON.parse(reply.body).headers;
      assert.equal(headers['x-mattermost-user-id'], ids.bot);
      assert.equal(headers.authorization ?? '', '');
      const wrong = await request(port, WIKI, '/api/report', { Authorization: 'Bearer xxxxxxxxxxxxxxxxxxxxxxxxxx' });
      assert.equal(wrong.status, 302);
    });

    test('a check that extends the session refreshes the browser\'s cookie', async () => {
      const { context, page } = await signedInAt('/page', 'alice');
      const cookie = (await context.cookies()).find((c) => c.name === 'MMAUTHTOKEN');
      // A browser whose cookie ends in an hour, and a session last extended eight hours ago
      // (a 30-day session is extended when its expiry was set more than 7.2 hours ago).
      const soon = Math.floor(Date.now() / 1000) + 3600;
      await context.addCookies([{ ...cookie, expires: soon }]);
      execFileSync('python3', ['-c', 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); '
        + 'c.execute("UPDATE sessions SET expires_at = expires_at - 28800000 WHERE user_id = ?", (sys.argv[2],)); c.commit()',
      sessions.database, ids.alice]);
      await page.goto(wiki('/page'));
      assert.equal((await seenBy(page)).headers['x-mattermost-user-id'], ids.alice);
      const refreshed = (await context.cookies()).find((c) => c.name === 'MMAUTHTOKEN');
      assert.equal(refreshed.value, cookie.value);
      assert.ok(refreshed.expires > soon + 29 * 86400, `refreshed to the session's new expiry: ${refreshed.expires}`);
      assert.equal(refreshed.domain.replace(/^\./, ''), DOMAIN);
      await context.close();
    });
  });
}
