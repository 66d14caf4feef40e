// A Mattermost database imported into a fresh server, for the JS client and browser tests of
// issue #39: tests/clients/mattermost_source.py makes the source on MM_SESSIONS_TEST_POSTGRES
// (with the test suite's Python, MM_SESSIONS_PYTHON), the real binary's CLI imports it into a
// new SQLite file, and the server starts on that file. `importSkip` says why it cannot run.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { startServer } from './server.mjs';

const SOURCE = join(dirname(fileURLToPath(import.meta.url)), '..', 'mattermost_source.py');

export const importSkip = !process.env.MM_SESSIONS_TEST_POSTGRES
  ? 'the import tests did not run: set MM_SESSIONS_TEST_POSTGRES=postgres://user@host:port/db'
  : !process.env.MM_SESSIONS_PYTHON
    ? 'the import tests did not run: MM_SESSIONS_PYTHON (the suite\'s Python, set by scripts/test) is not set'
    : false;

export async function importedServer(env = {}) {
  const python = process.env.MM_SESSIONS_PYTHON;
  const source = JSON.parse(execFileSync(python, [SOURCE, 'create'], { encoding: 'utf8' }));
  const database = join(mkdtempSync(join(tmpdir(), 'mm-sessions-import-')), 'mm-sessions.db');
  const summary = execFileSync(process.env.MM_SESSIONS_BIN,
    ['--database', database, 'import', 'mattermost', '--from', source.url], { encoding: 'utf8' });
  const server = await startServer({ database, env });
  const stop = async () => {
    await server.stop();
    execFileSync(python, [SOURCE, 'drop', source.schema]);
  };
  return { server, source, summary, stop };
}
