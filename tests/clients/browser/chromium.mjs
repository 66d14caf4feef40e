// Debian's Chromium for the browser tests, driven by playwright-core (never a downloaded
// browser): where it is (CHROMIUM, default /usr/bin/chromium), where screenshots go
// (reports/screenshots/), and the one way the tests start it, headless and quiet.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const SHOTS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'reports', 'screenshots');

// Starts Chromium (an error naming the path when it is missing) with `extraArgs` after the
// usual ones; the screenshot folder is made first.
export async function launchChromium(extraArgs = []) {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}`);
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', ...extraArgs],
  });
}
