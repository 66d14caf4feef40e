// The sessions page in a real browser: Debian's chromium, driven headless by playwright-core
// (never a downloaded browser). A screenshot per step goes to reports/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { startServer } from '../js/server.mjs';
import { SHOTS, launchChromium } from './chromium.mjs';
const PASSWORD = 'correct horse battery';
const AGENTS = {
  firefox: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0',
  safari: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15',
};

let server;
let browser;

async function apiLogin(loginId, userAgent, extra = {}) {
  const response = await fetch(`${server.url}/api/v4/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'User-Agent': userAgent },
    body: JSON.stringify({ login_id: loginId, password: PASSWORD, ...extra }),
  });
  assert.equal(response.status, 200);
  return response.headers.get('token');
}

async function tokenWorks(token) {
  const response = await fetch(`${server.url}/api/v4/users/me`, { headers: { Authorization: `Bearer ${token}` } });
  return response.status === 200;
}

async function shot(page, name) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

async function signIn(page, loginId, password = PASSWORD) {
  await page.goto(server.url + '/');
  await page.getByLabel('Username or email').fill(loginId);
  await page.getByLabel('Password').fill(password);
  await page.getByLabel('Password').press('Enter'); // keyboard only
}

before(async () => {
  // Cookies marked Secure, as behind a TLS proxy: the page must work with them (Chromium keeps
  // Secure cookies for http://127.0.0.1, a potentially trustworthy origin).
  server = await startServer({
    env: { MM_SESSIONS_SECURE_COOKIES: 'always', MM_SERVICESETTINGS_ENABLEUSERACCESSTOKENS: 'true' },
  });
  const create = (name, ...roles) => server.createUser(name, PASSWORD, ...roles);
  create('alice');
  create('bob');
  create('admin', 'system_user', 'system_admin');
  create('carol', 'system_user', 'system_user_access_token');
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('a wrong password shows the server\'s error', async () => {
  const page = await browser.newPage();
  await signIn(page, 'alice', 'wrong password');
  await page.getByRole('alert').filter({ hasText: 'Enter a valid email or username' }).waitFor();
  await shot(page, '01-wrong-password');
  assert.equal(await page.locator('#mine').isVisible(), false);
  await page.close();
});

test('alice sees her sessions, logs one out, then all the others', async () => {
  const firefox = await apiLogin('alice', AGENTS.firefox);
  const phone = await apiLogin('alice', AGENTS.safari, { device_id: 'iphone-42' });
  const page = await browser.newPage();
  await signIn(page, 'alice');
  const rows = page.locator('#my-sessions tbody tr');
  await page.getByText('Signed in as alice').waitFor();
  await assert.doesNotReject(rows.first().waitFor());
  assert.equal(await rows.count(), 3);
  await page.getByText('This session').waitFor();
  await page.getByText('Firefox/121.0 on Windows').waitFor();
  await page.getByText('mobile device iphone-42').waitFor();
  await shot(page, '02-alice-three-sessions');

  // Log out the Firefox session from its row.
  await page.getByRole('button', { name: /Log out Firefox/ }).click();
  await page.getByRole('status').filter({ hasText: 'Logged out Firefox' }).waitFor();
  await page.waitForFunction(() => document.querySelectorAll('#my-sessions tbody tr').length === 2);
  assert.equal(await tokenWorks(firefox), false);
  assert.equal(await tokenWorks(phone), true);
  await shot(page, '03-alice-one-logged-out');

  // "Log out all other sessions" leaves only this one.
  await page.getByRole('button', { name: 'Log out all other sessions' }).click();
  await page.getByRole('status').filter({ hasText: 'Logged out 1 other session' }).waitFor();
  await page.waitForFunction(() => document.querySelectorAll('#my-sessions tbody tr').length === 1);
  assert.equal(await tokenWorks(phone), false);
  assert.equal(await page.locator('#my-sessions tbody tr.current').count(), 1);
  await shot(page, '04-alice-only-this-session');

  // Sign out: back to the form, and the page's session is gone.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.close();
});

test('an admin finds bob and revokes one of his sessions', async () => {
  const bobLaptop = await apiLogin('bob', AGENTS.firefox);
  const bobMac = await apiLogin('bob', AGENTS.safari);
  const page = await browser.newPage();
  await signIn(page, 'admin');
  await page.getByRole('heading', { name: "Another user's sessions" }).waitFor();
  await page.getByLabel('Username', { exact: true }).fill('bob');
  await page.getByRole('button', { name: 'Show sessions' }).click();
  await page.getByText('bob: 2 sessions').waitFor();
  await shot(page, '05-admin-bob-sessions');
  await page.locator('#user-sessions').getByRole('button', { name: /Log out Safari/ }).click();
  await page.getByText('bob: 1 session', { exact: true }).waitFor();
  assert.equal(await tokenWorks(bobMac), false);
  assert.equal(await tokenWorks(bobLaptop), true);
  await shot(page, '06-admin-revoked-one');
  // An unknown user: the AppError's message.
  await page.getByLabel('Username', { exact: true }).fill('nobody');
  await page.getByRole('button', { name: 'Show sessions' }).click();
  await page.getByRole('alert').filter({ hasText: 'Unable to find an existing account' }).waitFor();
  await page.close();
});

test('the page reads at phone width and "log out everywhere" ends every session', async () => {
  const other = await apiLogin('alice', AGENTS.firefox);
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await signIn(page, 'alice');
  await page.getByText('This session').waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no horizontal scrolling at phone width (overflow ${overflow}px)`);
  await shot(page, '07-phone-width');
  await page.getByRole('button', { name: 'Log out everywhere' }).click();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  assert.equal(await tokenWorks(other), false);
  await page.close();
});

test('a personal access token\'s session says what it is, and logging it out leaves the token', async () => {
  const session = await apiLogin('carol', AGENTS.firefox);
  const made = await fetch(`${server.url}/api/v4/users/me/tokens`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${session}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ description: 'nightly build' }),
  });
  assert.equal(made.status, 200);
  const { token, id } = await made.json();
  assert.equal(await tokenWorks(token), true, 'its first use opens its session');
  const page = await browser.newPage();
  await signIn(page, 'carol');
  await page.getByText(`Personal access token ${id}`).waitFor();
  await page.getByText('Logging it out does not revoke the token').waitFor();
  await shot(page, '08-token-session');
  await page.getByRole('button', { name: /Log out Personal access token/ }).click();
  await page.getByRole('status').filter({ hasText: 'Logged out Personal access token' }).waitFor();
  assert.equal(await tokenWorks(token), true, 'the token opens a new session on its next use');
  await page.close();
});
