// Shared helpers for workerd integration tests: requests to the real Worker, cookies, direct SQL through the
// same Neon HTTP driver the Worker uses (never a mock of our database layer).
import { neon, neonConfig } from '@neondatabase/serverless';
import { env, exports } from 'cloudflare:workers';
import type { Env } from '../../src/config.ts';
import worker from '../../src/index.ts';

export const BASE = 'http://localhost:8787';
export const testEnv = env as unknown as Env & { DATABASE_URL: string; IDENTSPHERE_SCHEMA: string };

const self = (exports as unknown as { default: Fetcher }).default;

export interface CallInit extends Omit<RequestInit<RequestInitCfProperties>, 'body'> {
  json?: unknown;
  body?: BodyInit | null;
  cookie?: string;
}

/** A request to the Worker as deployed (the `main` entry, its bindings from wrangler.toml + test config). */
export function call(path: string, init: CallInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  let body = init.body;
  if (init.json !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(init.json);
  }
  if (init.cookie) headers.set('cookie', init.cookie);
  return self.fetch(new Request(BASE + path, { ...init, headers, body }));
}

/** A modified environment (misconfiguration, outages). Reuse one object: like Workers, the app builds once per env. */
export function envWith(overrides: Partial<Record<Exclude<keyof Env, 'SESSION_CACHE'>, string>>): Env {
  return { ...testEnv, ...overrides };
}

/** Runs the Worker's fetch handler with an environment from envWith. */
export function callWithEnv(env: Env, path: string, init: RequestInit = {}) {
  const ctx = { waitUntil() {}, passThroughOnException() {}, props: {} } as unknown as ExecutionContext;
  return worker.fetch(new Request(BASE + path, init) as Request<unknown, IncomingRequestCfProperties>, env, ctx);
}

/** `name=value` of the session cookie a response set (for replay in later requests). */
export function sessionCookie(res: Response): string {
  const header = res.headers.getSetCookie().find((c) => /identsphere_session=/.test(c));
  if (!header) throw new Error('no session cookie set');
  return header.split(';')[0]!;
}

export function uniqueEmail(tag = 'user'): string {
  return `${tag}-${crypto.randomUUID().slice(0, 8)}@example.com`;
}

export const PASSWORD = 'correct horse battery staple';

export async function registerUser(email = uniqueEmail(), password = PASSWORD) {
  const res = await call('/v1/auth/register', { method: 'POST', json: { email, password, organization_name: 'Acme' } });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { user: { id: string; email: string } };
  return { email, password, user: body.user, cookie: sessionCookie(res) };
}

neonConfig.fetchEndpoint = (host, port) => `http://${host}:${port}/sql`;
const rawSql = neon(testEnv.DATABASE_URL);

/** Direct SQL for assertions. `$schema` in the text is replaced by the quoted test schema. */
export async function sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  return (await rawSql.query(text.replaceAll('$schema', `"${testEnv.IDENTSPHERE_SCHEMA}"`), params)) as T[];
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
