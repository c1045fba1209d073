// OAuth test helpers: Google and GitHub faked at the fetch boundary (deps.fetch), with real PKCE checks and
// id_tokens signed by a test key served as JWKS; an environment wired to them; flow helpers.

import { exportJWK, generateKeyPair, type JWK, type JWTPayload, SignJWT } from 'jose';
import { inject } from 'vitest';
import { base64Url } from '../../../src/lib/encoding.ts';
import type { Env } from '../../../src/platform/config.ts';
import type { DepsOverrides } from '../../../src/platform/deps.ts';
import { ManualClock } from './clock.ts';
import { BASE, type CallInit, call, envWith, withDeps } from './worker.ts';

export const APP = 'http://app.localhost:5173';
export const GOOGLE_CLIENT = { id: 'google-test-client.apps.googleusercontent.com', secret: 'google-test-secret' };
export const GITHUB_CLIENT = { id: 'github-test-client', secret: 'github-test-secret' };

/** A form body as the token endpoint reads it. */
async function form(req: Request): Promise<URLSearchParams> {
  return new URLSearchParams(new TextDecoder().decode(await req.arrayBuffer()));
}

async function s256(verifier: string): Promise<string> {
  return base64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function basicAuthOk(req: Request, client: { id: string; secret: string }): boolean {
  return req.headers.get('authorization') === `Basic ${btoa(`${client.id}:${client.secret}`)}`;
}

interface IssuedCode<P> {
  challenge: string;
  redirectUri: string;
  nonce: string | null;
  profile: P;
}

/** What every fake provider shares: the authorization step (as the browser would see it) and the PKCE check. */
abstract class FakeProvider<P> {
  readonly codes = new Map<string, IssuedCode<P>>();
  /** Every request that reached this provider's token endpoint. */
  tokenRequests = 0;

  protected readonly authorizeEndpoint: string;

  constructor(authorizeEndpoint: string) {
    this.authorizeEndpoint = authorizeEndpoint;
  }

  /** The user approves at the provider: returns the callback query the provider would redirect with. */
  authorize(location: string, profile: P): { code: string; state: string } {
    const url = new URL(location);
    if (`${url.origin}${url.pathname}` !== this.authorizeEndpoint) throw new Error(`not this provider: ${location}`);
    const p = url.searchParams;
    if (p.get('response_type') !== 'code' || p.get('code_challenge_method') !== 'S256' || !p.get('code_challenge')) {
      throw new Error(`authorization request without code flow + PKCE S256: ${location}`);
    }
    const code = `code-${crypto.randomUUID()}`;
    this.codes.set(code, { challenge: p.get('code_challenge')!, redirectUri: p.get('redirect_uri')!, nonce: p.get('nonce'), profile });
    return { code, state: p.get('state')! };
  }

  /** RFC 6749 §4.1.3 + RFC 7636 §4.6: single-use code, same redirect_uri, S256(verifier) == challenge. */
  protected async redeem(form: URLSearchParams): Promise<IssuedCode<P> | null> {
    this.tokenRequests++;
    const issued = this.codes.get(form.get('code') ?? '');
    if (!issued) return null;
    this.codes.delete(form.get('code')!);
    const verifier = form.get('code_verifier');
    if (form.get('grant_type') !== 'authorization_code' || form.get('redirect_uri') !== issued.redirectUri) return null;
    if (!verifier || (await s256(verifier)) !== issued.challenge) return null;
    return issued;
  }

  abstract fetch(req: Request): Promise<Response | null>;
}

export interface GoogleProfile {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
}

/** Google: token endpoint issuing RS256 id_tokens, and the JWKS endpoint serving the public key. */
export class FakeGoogle extends FakeProvider<GoogleProfile> {
  private keys?: Promise<{ privateKey: CryptoKey; jwk: JWK }>;
  /** Tamper with the id_token's claims (wrong aud, past exp, other nonce …). */
  idTokenClaims: (claims: JWTPayload) => JWTPayload = (c) => c;
  /** Sign with another key than the one served as JWKS. */
  signWith: CryptoKey | null = null;
  /** Replace the token endpoint's answer (outage, error …). */
  tokenResponse: (() => Response) | null = null;

  private readonly now: () => Date;

  constructor(now: () => Date) {
    super('https://accounts.google.com/o/oauth2/v2/auth');
    this.now = now;
  }

  private keyPair(): Promise<{ privateKey: CryptoKey; jwk: JWK }> {
    this.keys ??= (async () => {
      const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
      return { privateKey, jwk: { ...(await exportJWK(publicKey)), kid: 'google-test-key', alg: 'RS256', use: 'sig' } };
    })();
    return this.keys;
  }

  async fetch(req: Request): Promise<Response | null> {
    const url = req.url;
    if (url === 'https://www.googleapis.com/oauth2/v3/certs') return json({ keys: [(await this.keyPair()).jwk] });
    if (url !== 'https://oauth2.googleapis.com/token' || req.method !== 'POST') return null;
    if (this.tokenResponse) return this.tokenResponse();
    if (!basicAuthOk(req, GOOGLE_CLIENT)) return json({ error: 'invalid_client' }, 401);
    const issued = await this.redeem(await form(req));
    if (!issued) return json({ error: 'invalid_grant' }, 400);
    const iat = Math.floor(this.now().getTime() / 1000);
    const claims = this.idTokenClaims({
      iss: 'https://accounts.google.com',
      aud: GOOGLE_CLIENT.id,
      azp: GOOGLE_CLIENT.id,
      iat,
      exp: iat + 3600,
      ...(issued.nonce ? { nonce: issued.nonce } : {}),
      ...issued.profile,
    });
    const { privateKey } = await this.keyPair();
    const idToken = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'google-test-key', typ: 'JWT' })
      .sign(this.signWith ?? privateKey);
    return json({
      access_token: `ya29.${crypto.randomUUID()}`,
      expires_in: 3599,
      token_type: 'Bearer',
      scope: 'openid email profile',
      id_token: idToken,
    });
  }
}

export interface GitHubProfile {
  id: number;
  login: string;
  name?: string | null;
  emails: { email: string; primary: boolean; verified: boolean }[];
}

/** GitHub: token endpoint (errors as 200 + {error}, as GitHub does), /user and /user/emails. */
export class FakeGitHub extends FakeProvider<GitHubProfile> {
  private readonly accessTokens = new Map<string, GitHubProfile>();

  constructor() {
    super('https://github.com/login/oauth/authorize');
  }

  async fetch(req: Request): Promise<Response | null> {
    if (req.url === 'https://github.com/login/oauth/access_token' && req.method === 'POST') {
      if (!basicAuthOk(req, GITHUB_CLIENT)) return json({ error: 'incorrect_client_credentials' });
      const issued = await this.redeem(await form(req));
      if (!issued) return json({ error: 'bad_verification_code', error_description: 'The code passed is incorrect or expired.' });
      const token = `gho_${crypto.randomUUID().replaceAll('-', '')}`;
      this.accessTokens.set(token, issued.profile);
      return json({ access_token: token, token_type: 'bearer', scope: 'read:user,user:email' });
    }
    const profile = this.accessTokens.get(req.headers.get('authorization')?.replace(/^Bearer /, '') ?? '');
    if (req.url === 'https://api.github.com/user') {
      return profile
        ? json({ id: profile.id, login: profile.login, name: profile.name ?? null })
        : json({ message: 'Bad credentials' }, 401);
    }
    if (req.url === 'https://api.github.com/user/emails') return profile ? json(profile.emails) : json({ message: 'Bad credentials' }, 401);
    return null;
  }
}

/** The Worker's outbound fetch in these tests: the fakes, and nothing else (no real network). */
export function fakeProvidersFetch(...providers: FakeProvider<unknown>[]): typeof fetch {
  return async (input, init) => {
    const req = new Request(input, init);
    for (const p of providers) {
      const res = await p.fetch(req.clone() as Request);
      if (res) return res;
    }
    throw new TypeError(`network access refused in tests: ${req.method} ${req.url}`);
  };
}

/** An environment with Google and GitHub configured, the fakes as its fetch (or what `deps` makes of them), a manual clock. */
export function oauthEnv(overrides: Partial<Record<keyof Env, string>> = {}, deps: (fakes: typeof fetch) => DepsOverrides = () => ({})) {
  const env = envWith({
    IDENTSPHERE_APP_URL: APP,
    IDENTSPHERE_GOOGLE_CLIENT_ID: GOOGLE_CLIENT.id,
    IDENTSPHERE_GOOGLE_CLIENT_SECRET: GOOGLE_CLIENT.secret,
    IDENTSPHERE_GITHUB_CLIENT_ID: GITHUB_CLIENT.id,
    IDENTSPHERE_GITHUB_CLIENT_SECRET: GITHUB_CLIENT.secret,
    ...(overrides as Record<string, string>),
  });
  const clock = new ManualClock();
  const google = new FakeGoogle(() => clock.now());
  const github = new FakeGitHub();
  const fakes = fakeProvidersFetch(google, github);
  return { env, deps: withDeps(env, { clock, fetch: fakes, ...deps(fakes) }), clock, google, github };
}

/**
 * The real OpenID provider started by test/global-setup.ts (test/oidc-provider-server.ts), configured as the
 * generic provider `local-oidc` (or, `encoded`, its second client `local-oidc-encoded`, whose secret contains
 * `+`, `/` and `=`); the Worker reaches it with the real fetch.
 */
export function localOidcEnv(client: 'plain' | 'encoded' = 'plain') {
  const [id, clientId, clientSecret] =
    client === 'plain'
      ? ['local-oidc', inject('oidcClientId'), inject('oidcClientSecret')]
      : ['local-oidc-encoded', inject('oidcEncodedClientId'), inject('oidcEncodedClientSecret')];
  return envWith({
    IDENTSPHERE_APP_URL: APP,
    IDENTSPHERE_OIDC_PROVIDERS: JSON.stringify([
      { id, name: 'Local OIDC', issuer: inject('oidcIssuer'), client_id: clientId, client_secret: clientSecret },
    ]),
  });
}

/**
 * Plays the browser at the provider: follows redirects with the provider's cookies, fills in the login form
 * (any login; see test/oidc-provider-server.ts) and the consent form, and returns the query of the redirect
 * back to our callback.
 */
export async function signInAtProvider(authorizeUrl: string, login: string): Promise<Record<string, string>> {
  const jar = new Map<string, string>();
  const send = async (url: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const setCookie of res.headers.getSetCookie()) {
      const pair = setCookie.split(';')[0]!;
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      if (!value || /expires=Thu, 01 Jan 1970/i.test(setCookie)) jar.delete(name);
      else jar.set(name, value);
    }
    return res;
  };
  let url = authorizeUrl;
  let res = await send(url);
  for (let step = 0; step < 12; step++) {
    if (res.status >= 300 && res.status < 400) {
      url = new URL(res.headers.get('location')!, url).href;
      if (url.startsWith(`${BASE}/v1/auth/oauth/`)) return Object.fromEntries(new URL(url).searchParams);
      res = await send(url);
      continue;
    }
    const html = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    if (res.status !== 200 || !action || !prompt) throw new Error(`unexpected provider page ${res.status}: ${html.slice(0, 500)}`);
    const form: Record<string, string> = prompt === 'login' ? { prompt, login, password: 'not checked by dev interactions' } : { prompt };
    res = await send(new URL(action.replaceAll('&amp;', '&'), url).href, {
      method: 'POST',
      body: new URLSearchParams(form),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }
  throw new Error('the provider never redirected back');
}

/** The `name=value` of a cookie a response set, or null. */
export function cookieFrom(res: Response, name: RegExp): string | null {
  const header = res.headers.getSetCookie().find((c) => name.test(c.split('=')[0]!));
  return header ? header.split(';')[0]! : null;
}

export const FLOW_COOKIE = /identsphere_oauth$/;
export const SESSION_COOKIE = /identsphere_session$/;

/** GET …/start: the provider's authorization URL and the flow cookie. */
export async function startFlow(provider: string, init: CallInit & { redirectTo?: string } = {}) {
  const { redirectTo = `${APP}/welcome`, ...rest } = init;
  const res = await call(`/v1/auth/oauth/${provider}/start?redirect_to=${encodeURIComponent(redirectTo)}`, { redirect: 'manual', ...rest });
  if (res.status !== 302) throw new Error(`start failed: ${res.status} ${await res.text()}`);
  const flowCookie = cookieFrom(res, FLOW_COOKIE);
  if (!flowCookie) throw new Error('start set no flow cookie');
  return { res, location: res.headers.get('location')!, flowCookie };
}

/** GET …/callback with the provider's query, as the browser would follow the provider's redirect. */
export function callback(provider: string, query: Record<string, string>, init: CallInit = {}) {
  return call(`/v1/auth/oauth/${provider}/callback?${new URLSearchParams(query)}`, { redirect: 'manual', ...init });
}

/** Joins cookies into one Cookie header value. */
export function cookies(...values: (string | null | undefined)[]): string {
  return values.filter(Boolean).join('; ');
}

/** The redirect target of a callback, split for assertions. */
export function landing(res: Response) {
  if (res.status !== 302) throw new Error(`expected a redirect, got ${res.status}`);
  const url = new URL(res.headers.get('location')!);
  return { url, error: url.searchParams.get('error'), session: cookieFrom(res, SESSION_COOKIE) };
}

export { BASE };
