// A real OpenID Connect provider for the single sign-on tests: the npm package `oidc-provider`
// (an OpenID Certified implementation), started in this process on a free loopback port, with
// its own login and consent pages (its "dev interactions": any login name and password sign
// in). Nothing here imitates a provider: the tests drive the real one, through its pages.
import http from 'node:http';

import Provider from 'oidc-provider';

import { freePort } from '../js/server.mjs';

export const CLIENT_ID = 'mm-sessions';
export const CLIENT_SECRET = 'a client secret of at least thirty-two characters';
/** A client whose ID tokens are signed with HS256 (a key anyone with its secret holds). */
export const HS_CLIENT_ID = 'mm-sessions-hs256';
/** The client the GitLab settings use (plain OAuth 2.0, scope `read_user`). */
export const GITLAB_CLIENT_ID = 'mm-sessions-gitlab';

/**
 * Starts the provider for a server at `siteUrl`. `people` maps a login name to the claims the
 * provider gives that person (default: `<login>@example.com`, verified, `preferred_username`).
 */
export async function startProvider(siteUrls, people = {}) {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const sites = Array.isArray(siteUrls) ? siteUrls : [siteUrls];
  const redirects = (service) => sites.map((site) => `${site}/signup/${service}/complete`);
  const provider = new Provider(issuer, {
    clients: [
      { client_id: CLIENT_ID, client_secret: CLIENT_SECRET, redirect_uris: redirects('openid'),
        token_endpoint_auth_method: 'client_secret_post' },
      { client_id: HS_CLIENT_ID, client_secret: CLIENT_SECRET, redirect_uris: redirects('openid'),
        id_token_signed_response_alg: 'HS256' },
      { client_id: GITLAB_CLIENT_ID, client_secret: CLIENT_SECRET, redirect_uris: redirects('gitlab'),
        token_endpoint_auth_method: 'client_secret_post' },
    ],
    // GitLab's scope, for the OAuth 2.0 (not OpenID Connect) flow its settings make.
    scopes: ['openid', 'offline_access', 'read_user'],
    // PKCE is required of every client: the server must send it.
    pkce: { required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['preferred_username', 'name'] },
    findAccount: async (_ctx, id) => ({
      accountId: id,
      claims: async () => ({
        sub: `sub-${id}`,
        email: `${id}@example.com`,
        email_verified: true,
        preferred_username: id,
        ...(people[id] || {}),
      }),
    }),
    // HS256 is enabled only so that a test can show the server refusing it.
    enabledJWA: { idTokenSigningAlgValues: ['RS256', 'HS256'] },
    cookies: { keys: ['the provider cookie key, for tests only'] },
    // Introspection: how the GitLab stand-in below asks this provider whose token it was given.
    features: { devInteractions: { enabled: true }, introspection: { enabled: true } },
  });
  // Its warnings about the development settings above are expected here.
  provider.on('server_error', (_ctx, error) => console.error('oidc-provider:', error));
  const server = await new Promise((resolve) => {
    const s = provider.listen(port, '127.0.0.1', () => resolve(s));
  });
  return {
    issuer,
    discovery: `${issuer}/.well-known/openid-configuration`,
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}

/**
 * GitLab's user API alone (`GET /api/v4/user`, GitLab's documented shape: a numeric `id`,
 * `username`, `email`, `name`), behind the real provider above: it takes the access token the
 * provider issued, asks the provider's introspection endpoint whose it is, and answers for that
 * person. GitLab itself cannot run here (docs/testing.md).
 */
export async function startGitLabUserApi(provider, people = {}) {
  const port = await freePort();
  const ids = new Map();
  const server = http.createServer(async (req, res) => {
    const token = (req.headers.authorization || '').replace(/^Bearer /i, '');
    const introspection = await fetch(`${provider.issuer}/token/introspection`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token, client_id: GITLAB_CLIENT_ID, client_secret: CLIENT_SECRET }),
    }).then((r) => r.json());
    if (req.url !== '/api/v4/user' || !introspection.active) {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end('{"message":"401 Unauthorized"}');
      return;
    }
    const login = introspection.sub.replace(/^sub-/, '');
    if (!ids.has(login)) ids.set(login, 4200 + ids.size);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: ids.get(login), username: login, name: `${login} Example`,
      email: `${login}@example.com`, state: 'active', ...(people[login] || {}) }));
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}/api/v4/user`, stop: () => new Promise((r) => server.close(r)) };
}

/** The environment a server needs to offer this provider as `gitlab` (OAuth 2.0 and the user API). */
export function gitLabSettings(provider, userApi) {
  return {
    MM_GITLABSETTINGS_ENABLE: 'true',
    MM_GITLABSETTINGS_ID: GITLAB_CLIENT_ID,
    MM_GITLABSETTINGS_SECRET: CLIENT_SECRET,
    MM_GITLABSETTINGS_AUTHENDPOINT: `${provider.issuer}/auth`,
    MM_GITLABSETTINGS_TOKENENDPOINT: `${provider.issuer}/token`,
    MM_GITLABSETTINGS_USERAPIENDPOINT: userApi.url,
  };
}

/** The environment a server needs to offer this provider as `openid`. */
export function openIdSettings(provider, { clientId = CLIENT_ID } = {}) {
  return {
    MM_OPENIDSETTINGS_ENABLE: 'true',
    MM_OPENIDSETTINGS_ID: clientId,
    MM_OPENIDSETTINGS_SECRET: CLIENT_SECRET,
    MM_OPENIDSETTINGS_DISCOVERYENDPOINT: provider.discovery,
    MM_OPENIDSETTINGS_BUTTONTEXT: 'Sign in with the test provider',
  };
}

/** A browser without a browser: fetch with a cookie jar, following nothing by itself. */
export class Jar {
  constructor() {
    this.cookies = new Map();
  }

  header() {
    return [...this.cookies].filter(([, v]) => v !== '').map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async fetch(url, options = {}) {
    const headers = { ...(options.headers || {}) };
    const cookie = this.header();
    if (cookie) headers.cookie = cookie;
    const response = await fetch(url, { redirect: 'manual', ...options, headers });
    for (const set of response.headers.getSetCookie()) {
      const [pair] = set.split(';');
      const at = pair.indexOf('=');
      const expired = /max-age=0/i.test(set);
      if (expired) this.cookies.delete(pair.slice(0, at).trim());
      else this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
    return response;
  }
}

/**
 * Signs `login` in at the provider from `authUrl` (where the server sent the browser), through
 * its login and consent pages, in the provider's own jar; returns the URL the provider sends
 * the browser back to. With `deny`, the person cancels at the login page instead.
 */
export async function signInAtProvider(authUrl, login, { deny = false } = {}) {
  const jar = new Jar();
  let url = new URL(authUrl);
  const issuer = url.origin;
  for (let step = 0; step < 12; step += 1) {
    const interaction = url.pathname.match(/^\/interaction\/([^/]+)$/);
    let response;
    if (interaction) {
      const page = await (await jar.fetch(url)).text();
      const uid = interaction[1];
      if (deny) {
        response = await jar.fetch(`${issuer}/interaction/${uid}/abort`);
      } else if (page.includes('name="login"')) {
        response = await jar.fetch(`${issuer}/interaction/${uid}`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ prompt: 'login', login, password: 'any password' }),
        });
      } else {
        response = await jar.fetch(`${issuer}/interaction/${uid}`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ prompt: 'consent' }),
        });
      }
    } else {
      response = await jar.fetch(url);
    }
    const location = response.headers.get('location');
    if (!location) throw new Error(`the provider stopped at ${url} (${response.status}): ${await response.text()}`);
    url = new URL(location, url);
    if (url.origin !== issuer) return url.toString();
  }
  throw new Error('the provider never sent the browser back');
}
