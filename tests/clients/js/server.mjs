// Starts the real mm-sessions binary on a free loopback port over a fresh SQLite file, and runs
// its admin CLI on the same file. The binary comes from MM_SESSIONS_BIN (scripts/test sets it).
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = process.env.MM_SESSIONS_BIN;
if (!BIN) {
  throw new Error('MM_SESSIONS_BIN is not set: run these tests through scripts/test');
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// `env` adds server settings, e.g. { MM_SESSIONS_SECURE_COOKIES: 'always' }; `port` is the port
// to listen on (default: a free one); `database` another store than a fresh SQLite file (a
// PostgreSQL URL, for several nodes on one database).
export async function startServer({ env = {}, port: chosen, database: given } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'mm-sessions-js-'));
  const database = given || join(dir, 'mm-sessions.db');
  const port = chosen || await freePort();
  const child = spawn(BIN, ['--listen', `127.0.0.1:${port}`, '--database', database], {
    stdio: ['ignore', 'ignore', 'inherit'],
    // Tests log in far faster than people do: lift the login rate limits.
    env: {
      ...process.env,
      RUST_LOG: 'warn,mm_sessions_api=error',
      MM_SESSIONS_LOGIN_RATE_IP: '1000000',
      MM_SESSIONS_LOGIN_RATE_ACCOUNT: '1000000',
      ...env,
    },
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20000;
  for (;;) {
    try {
      const response = await fetch(`${url}/api/v4/system/ping`);
      if (response.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('mm-sessions did not come up');
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const cli = (...args) => execFileSync(BIN, ['--database', database, ...args], { encoding: 'utf8' }).trim();
  // A user who can log in; the password goes in on stdin, as the README recommends.
  const createUser = (name, password, ...roles) =>
    execFileSync(BIN, ['--database', database, 'user', 'create', '--username', name, '--email', `${name}@example.com`,
      '--password-stdin', ...roles.flatMap((r) => ['--role', r])], { encoding: 'utf8', input: `${password}\n`,
      stdio: ['pipe', 'pipe', 'ignore'] }).trim();
  const stop = async () => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  return { url, port, database, cli, createUser, stop };
}
