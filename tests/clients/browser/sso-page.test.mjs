// Single sign-on in a real browser: Debian's chromium (playwright-core) on the sessions page,
// the "Sign in with …" button, the real OpenID Connect provider's own login and consent pages
// (oidc-provider, ../sso/provider.mjs), back on the page with the session marked as single
// sign-on; then the official JS client uses that session's token. Screenshots go to
// reports/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import { startServer, freePort } from '../js/server.mjs';
import { startProvider, openIdSettings } from '../sso/provider.mjs';
import { SHOTS, launchChromium } from './chromium.mjs';

const require = createRequire(import.meta.url);
const { Client4 } = require('@mattermost/client');


let server;
let provider;
let browser;

before(async () => {
  const port = await freePort();
  const site = `http://127.0.0.1:${port}`;
  provider = await startProvider(site);
  server = await startServer({ port, env: { MM_SERVICESETTINGS_SITEURL: site, ...openIdSettings(provider),
    MM_OPENIDSETTINGS_BUTTONCOLOR: '#0a7c3e' } });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await provider?.stop();
});

test('a person signs in through the provider on the sessions page and sees their SSO session', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url + '/');
  const button = page.getByRole('link', { name: 'Sign in with the test provider' });
  await button.waitFor();
  assert.equal(await button.evaluate((a) => getComputedStyle(a).backgroundColor), 'rgb(10, 124, 62)');
  await page.screenshot({ path: join(SHOTS, 'sso-1-sign-in-page.png'), fullPage: true });
  await button.click();
  // The provider's own login page, then its consent page.
  await page.waitForURL(`${provider.issuer}/interaction/**`);
  await page.locator('input[name="login"]').fill('hedy');
  await page.locator('input[name="password"]').fill('anything');
  await page.screenshot({ path: join(SHOTS, 'sso-2-provider-login.png'), fullPage: true });
  await page.locator('button[type="submit"]').click();
  await page.getByRole('button', { name: 'Continue' }).click();
  // Back on the sessions page, signed in.
  await page.waitForURL(server.url + '/');
  await page.getByText('Signed in as hedy').waitFor();
  const row = page.locator('#my-sessions tr', { hasText: 'single sign-on' });
  await row.first().waitFor();
  await page.screenshot({ path: join(SHOTS, 'sso-3-sessions.png'), fullPage: true });
  // The official JS client with the browser's session.
  const cookies = await context.cookies(server.url);
  const token = cookies.find((c) => c.name === 'MMAUTHTOKEN')?.value;
  assert.ok(token, 'the session cookie is set');
  assert.equal(cookies.some((c) => c.name === 'MMOAUTH' && c.value), false, 'the sign-in cookie is gone');
  const client = new Client4();
  client.setUrl(server.url);
  client.setToken(token);
  const me = await client.getMe();
  assert.deepEqual([me.username, me.auth_service], ['hedy', 'openid']);
  await context.close();
});
