// Chromium after `mm-sessions import mattermost` (issue #39): a browser that was signed in to
// Mattermost keeps its cookies (MMAUTHTOKEN, MMCSRF, MMUSERID, as Mattermost set them) and is
// still signed in on the same host: the page knows its session by the CSRF token, a write with
// the cookie passes the CSRF check with the session's own token, and fails with another.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { importedServer, importSkip } from '../js/imported.mjs';
import { SHOTS, launchChromium } from './chromium.mjs';

let imported;
let browser;

before(async () => {
  if (importSkip) return;
  imported = await importedServer();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await imported?.stop();
});

async function tokenWorks(token) {
  const response = await fetch(`${imported.server.url}/api/v4/users/me`, { headers: { Authorization: `Bearer ${token}` } });
  return response.status === 200;
}

test('a browser signed in to Mattermost stays signed in, and its cookie writes pass the CSRF check', { skip: importSkip }, async () => {
  const { users, sessions } = imported.source;
  const [web, phone] = sessions.alice;
  const context = await browser.newContext();
  const url = imported.server.url;
  await context.addCookies([
    { name: 'MMAUTHTOKEN', value: web.token, url, httpOnly: true },
    { name: 'MMCSRF', value: web.csrf, url },
    { name: 'MMUSERID', value: users.alice.id, url },
  ]);
  const page = await context.newPage();
  await page.goto(url + '/');
  await page.getByText('Signed in as alice').waitFor();
  await page.getByText('This session').waitFor();
  const rows = page.locator('#my-sessions tbody tr');
  assert.equal(await rows.count(), 2);
  assert.equal(await page.locator('#my-sessions tbody tr.current').getAttribute('data-session-id'), web.id);
  await page.screenshot({ path: join(SHOTS, '20-imported-session-signed-in.png'), fullPage: true });

  // A write by the cookie alone (no X-Requested-With), as a form or script would send it: the
  // CSRF check reads X-CSRF-Token against the imported session's own csrf prop.
  const write = (csrf) => page.evaluate(async ([base, csrf, id]) => {
    const headers = { 'Content-Type': 'application/json' };
    if (csrf) headers['X-CSRF-Token'] = csrf;
    const r = await fetch(`${base}/api/v4/users/me/sessions/revoke`, {
      method: 'POST', headers, credentials: 'same-origin', body: JSON.stringify({ session_id: id }),
    });
    return r.status;
  }, [url, csrf, phone.id]);
  assert.equal(await write(null), 401, 'without the CSRF token');
  assert.equal(await write('not-the-csrf-token'), 401, 'with another CSRF token');
  assert.equal(await tokenWorks(phone.token), true);
  assert.equal(await write(web.csrf), 200, "with the session's CSRF token from the MMCSRF cookie");
  assert.equal(await tokenWorks(phone.token), false, 'the phone session was revoked');
  assert.equal(await tokenWorks(web.token), true);

  await page.reload();
  await page.getByText('This session').waitFor();
  assert.equal(await rows.count(), 1);
  await page.screenshot({ path: join(SHOTS, '21-imported-session-after-revoke.png'), fullPage: true });
  await context.close();
});
