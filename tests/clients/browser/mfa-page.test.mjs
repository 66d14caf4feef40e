// Two-factor authentication on the sessions page, in Debian's chromium (playwright-core): a
// user sets it up from the QR code's key (the code computed here, as an authenticator app
// would), signs in again with a code, and turns it off with one; where the server enforces it,
// the page goes straight to setting it up. Codes: within one time step, the previous step's code
// turns it on, the current one signs in, the next one turns it off.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { startServer } from '../js/server.mjs';
import { codeAt, settledStep } from '../js/totp.mjs';
import { SHOTS, launchChromium } from './chromium.mjs';
const PASSWORD = 'correct horse battery';

let browser;

async function shot(page, name) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

async function signIn(page, server, loginId) {
  await page.goto(server.url + '/');
  await page.getByLabel('Username or email').fill(loginId);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByLabel('Password').press('Enter');
}

before(async () => {
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

test('set up two-factor authentication, sign in with a code, turn it off with one', async () => {
  const server = await startServer({ env: { MM_SERVICESETTINGS_ENABLEMULTIFACTORAUTHENTICATION: 'true' } });
  try {
    server.createUser('alice', PASSWORD);
    const page = await browser.newPage();
    await signIn(page, server, 'alice');
    await page.getByText('Two-factor authentication is off.').waitFor();
    await page.getByRole('button', { name: 'Set up two-factor authentication' }).click();
    const qr = page.getByRole('img', { name: 'QR code of your two-factor authentication key' });
    await qr.waitFor();
    assert.ok((await qr.getAttribute('src')).startsWith('data:image/png;base64,'));
    await page.waitForFunction(() => document.getElementById('mfa-qr').naturalWidth > 0);
    assert.ok(await qr.evaluate((img) => img.complete && img.naturalWidth > 200), 'the QR code is shown, not blocked');
    const secret = (await page.locator('#mfa-secret').textContent()).trim();
    assert.match(secret, /^[A-Z2-7]{32}$/);
    await shot(page, '20-mfa-setup');
    const step = await settledStep();
    await page.getByLabel('Code the app shows').fill('000000');
    await page.getByRole('button', { name: 'Turn on' }).click();
    await page.getByRole('alert').filter({ hasText: 'Invalid MFA token' }).waitFor();
    await page.getByLabel('Code the app shows').fill(codeAt(secret, step - 1));
    await page.getByRole('button', { name: 'Turn on' }).click();
    await page.getByRole('status').filter({ hasText: 'Two-factor authentication is on.' }).waitFor();
    await shot(page, '21-mfa-on');

    // Signing in again: the password, then the code the page asks for.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, server, 'alice');
    const code = page.getByLabel('Code from your authenticator app');
    await code.waitFor();
    await shot(page, '22-mfa-code-asked');
    await code.fill(codeAt(secret, step));
    await code.press('Enter');
    await page.getByText('Signed in as alice').waitFor();

    await page.getByRole('button', { name: 'Turn off two-factor authentication' }).click();
    await page.locator('#mfa-code').fill(codeAt(secret, step + 1));
    await page.getByRole('button', { name: 'Turn off' }).click();
    await page.getByRole('status').filter({ hasText: 'Two-factor authentication is off.' }).waitFor();
    await page.close();
  } finally {
    await server.stop();
  }
});

test('where the server requires two-factor authentication, the page goes to setting it up', async () => {
  const server = await startServer({
    env: {
      MM_SERVICESETTINGS_ENABLEMULTIFACTORAUTHENTICATION: 'true',
      MM_SERVICESETTINGS_ENFORCEMULTIFACTORAUTHENTICATION: 'true',
    },
  });
  try {
    server.createUser('bob', PASSWORD);
    const page = await browser.newPage();
    await signIn(page, server, 'bob');
    await page.getByRole('alert').filter({ hasText: 'requires two-factor authentication' }).waitFor();
    assert.equal(await page.locator('#mine').isVisible(), false, 'no sessions until it is set up');
    await page.getByRole('img', { name: 'QR code of your two-factor authentication key' }).waitFor();
    const secret = (await page.locator('#mfa-secret').textContent()).trim();
    await shot(page, '23-mfa-required');
    const step = await settledStep();
    await page.locator('#mfa-code').fill(codeAt(secret, step));
    await page.getByRole('button', { name: 'Turn on' }).click();
    await page.getByRole('status').filter({ hasText: 'Two-factor authentication is on.' }).waitFor();
    await page.locator('#my-sessions table').waitFor();
    await page.close();
  } finally {
    await server.stop();
  }
});
