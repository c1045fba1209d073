// Requests to the real Worker (or an app built with the test's own dependencies), test environments, cookies,
// users, error shapes.
import { env, exports } from 'cloudflare:workers';
import { createApp } from '../../../src/app.ts';
import { verifySessionJwt } from '../../../src/crypto/jwt.ts';
import { sha256Hex } from '../../../src/crypto/tokens.ts';
import worker from '../../../src/index.ts';
import type { Env } from '../../../src/platform/config.ts';
import { buildDeps, type Deps, type DepsOverrides } from '../../../src/platform/deps.ts';
import { TEST_JWT_SECRET } from '../../test-secrets.ts';
import { ManualClock } from './clock.ts';

export const BASE = 'http://localhost:8787';
export const testEnv = env as unknown as Env & { DATABASE_URL: string; IDENTSPHERE_SCHEMA: string };

const self = (exports as unknown as { default: Fetcher }).default;

export interface CallInit extends Omit<RequestInit<RequestInitCfProperties>, 'body'> {
  json?: unknown;
  body?: BodyInit | null;
  cookie?: string;
  /** Client IP (cf-connecting-ip). Default: a fresh random one, so rate limits do not couple tests. */
  ip?: string | null;
  /** Run the Worker's handler with this environment (from envWith) instead of the deployed bindings. */
  env?: Env;
}

export function randomIp(): string {
  const b = crypto.getRandomValues(new Uint8Array(3));
  return `10.${b[0]}.${b[1]}.${b[2]}`;
}

/** A request to the Worker (the `main` entry with its wrangler.toml + test bindings, or `init.env`). */
export function call(path: string, init: CallInit = {}): Promise<Response> {
  const request = buildRequest(path, init);
  if (init.env) return callWithEnv(init.env, request);
  return self.fetch(request);
}

/** The Request `call` sends: `path` below BASE (or a full URL), JSON body, cookie and client IP applied. */
export function buildRequest(path: string, init: CallInit = {}): Request {
  const { json, cookie, ip, env: _env, ...rest } = init;
  const headers = new Headers(init.headers);
  let body = init.body;
  if (json !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(json);
  }
  if (cookie) headers.set('cookie', cookie);
  if (ip !== null && !headers.has('cf-connecting-ip')) headers.set('cf-connecting-ip', ip ?? randomIp());
  return new Request(/^https?:/.test(path) ? path : BASE + path, { ...rest, headers, body });
}

/** A modified environment (misconfiguration, outages). Reuse one object: like Workers, the app builds once per env. */
type StringVar = { [K in keyof Env]-?: Env[K] extends string | undefined ? K : never }[keyof Env];

export function envWith(overrides: Partial<Record<StringVar, string>>): Env {
  return { ...testEnv, ...overrides };
}

/** Runs the Worker's fetch handler with an environment from envWith. */
export async function callWithEnv(env: Env, pathOrRequest: string | Request, init: RequestInit = {}): Promise<Response> {
  const ctx = { waitUntil() {}, passThroughOnException() {}, props: {} } as unknown as ExecutionContext;
  const request = typeof pathOrRequest === 'string' ? new Request(BASE + pathOrRequest, init) : pathOrRequest;
  return handlerFor(env).fetch(request as Request<unknown, IncomingRequestCfProperties>, env, ctx);
}

// Apps built by withDeps for the test's own environments; any other environment gets the Worker's handler.
const ownApps = new WeakMap<Env, ReturnType<typeof createApp>>();

/**
 * Serves `env` with dependencies of the test's own: built from `env` like the Worker's, with `overrides` (a
 * manual clock, a fake provider fetch, a failing mailer) in place of the defaults. Requests with this env
 * (`call(path, { env })`, callWithEnv) go to an app created for them.
 */
export function withDeps(env: Env, overrides: DepsOverrides = {}): Deps {
  const built = buildDeps(env, overrides);
  if (!built.ok) throw new Error(`test env misconfigured: ${JSON.stringify(built.problems)}`);
  ownApps.set(env, createApp(built.deps));
  return built.deps;
}

/** The fetch handler serving `env`: the app withDeps built for it, or the Worker's. */
export function handlerFor(env: Env): { fetch: (...args: Parameters<typeof worker.fetch>) => Response | Promise<Response> } {
  return ownApps.get(env) ?? worker;
}

/**
 * An environment whose services run on a manual clock (the test moves time), and `deps` in place of the
 * defaults. Requests go through the real app with the real bindings.
 */
export function clockedEnv(start = Date.now(), deps: DepsOverrides = {}) {
  const env = envWith({});
  const clock = new ManualClock(start);
  return { env, clock, deps: withDeps(env, { clock, ...deps }) };
}

/** `name=value` of the session cookie a response set (for replay in later requests). */
export function sessionCookie(res: Response): string {
  const header = res.headers.getSetCookie().find((c) => /identsphere_session=/.test(c));
  if (!header) throw new Error('no session cookie set');
  return header.split(';')[0]!;
}

/** The KV key of a cookie session's cache entry. */
async function sessionCacheKey(cookie: string): Promise<string> {
  const secret = await verifySessionJwt(TEST_JWT_SECRET, cookie.slice(cookie.indexOf('=') + 1), new Date());
  if (!secret) throw new Error('not a valid session cookie');
  return `session:${await sha256Hex(secret)}`;
}

const sessionKv = () => (env as unknown as { SESSION_CACHE: KVNamespace }).SESSION_CACHE;

/** Drops a session's KV cache entry: its next check needs the database (a cold check). */
export async function evictSessionCache(cookie: string): Promise<void> {
  await sessionKv().delete(await sessionCacheKey(cookie));
}

/** Whether a cookie session has a KV cache entry (a check now would not reach the database). */
export async function isSessionCached(cookie: string): Promise<boolean> {
  return (await sessionKv().get(await sessionCacheKey(cookie))) !== null;
}

/** The session cookies a response set (a sign-in also sets the device cookie, left out here). */
export function sessionSetCookies(res: Response): string[] {
  return res.headers.getSetCookie().filter((c) => /identsphere_session=/.test(c));
}

export function uniqueEmail(tag = 'user'): string {
  return `${tag}-${crypto.randomUUID().slice(0, 8)}@example.com`;
}

export const PASSWORD = 'correct horse battery staple';

export async function registerUser(email = uniqueEmail(), password = PASSWORD, env?: Env) {
  const res = await call('/v1/auth/register', { method: 'POST', json: { email, password, organization_name: 'Acme' }, env });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { user: { id: string; email: string } };
  return { email, password, user: body.user, cookie: sessionCookie(res) };
}

export async function loginUser(email: string, password = PASSWORD, init: CallInit = {}) {
  return call('/v1/auth/login', { method: 'POST', json: { email, password }, ...init });
}

export interface ErrorShape {
  error: { code: string; message: string; request_id: string };
}

export async function expectError(res: Response, status: number, code: string): Promise<ErrorShape> {
  const text = await res.text();
  if (res.status !== status) throw new Error(`expected ${status} ${code}, got ${res.status}: ${text}`);
  const body = JSON.parse(text) as ErrorShape;
  if (body.error?.code !== code) throw new Error(`expected code ${code}, got ${text}`);
  if (typeof body.error.request_id !== 'string' || !body.error.message) throw new Error(`bad error shape: ${text}`);
  if (/\bat .*\.(ts|js):\d+/.test(text)) throw new Error(`stack trace leaked: ${text}`);
  return body;
}

/**
 * The rate-limit bindings count in fixed windows aligned to the clock (60 s here): a test that straddled a
 * window edge would see its count reset half-way. Call before a test that counts up to a limit: it starts
 * early in a window (such a test needs a few seconds at most).
 */
export async function startEarlyInRateLimitWindow(): Promise<void> {
  const period = 60_000;
  const intoWindow = Date.now() % period;
  if (intoWindow > period - 15_000) await new Promise((r) => setTimeout(r, period - intoWindow + 250));
}
