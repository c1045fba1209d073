// Helpers for the email and password flows: an environment whose background work (executionCtx.waitUntil)
// is recorded so tests can wait for it deterministically, a manual clock, and mailbox readers.

import { type EmailMessage, memoryMailbox } from '../../../src/platform/adapters/email.ts';
import type { DepsOverrides } from '../../../src/platform/deps.ts';
import { watchArgon2 } from './argon2.ts';
import { ManualClock } from './clock.ts';
import { type DatabaseRequest, interceptDatabase } from './database.ts';
import { buildRequest, type CallInit, envWith, handlerFor, PASSWORD, sessionCookie, uniqueEmail, withDeps } from './worker.ts';

export type Flow = ReturnType<typeof flowEnv>;

/**
 * The real app with the test bindings, its own dependencies (`deps`: e.g. a mailer or breached-password check
 * faking a third party at its fetch boundary) and a manual clock.
 */
export function flowEnv(overrides: Parameters<typeof envWith>[0] = {}, start = Date.now(), deps: DepsOverrides = {}) {
  const env = envWith(overrides);
  const clock = new ManualClock(start);
  const ownDeps = withDeps(env, { clock, ...deps });
  const pending: Promise<unknown>[] = [];
  const stats = { scheduled: 0 };

  /** A request to the Worker: `path` below BASE, or a full URL (to test what the Host is not trusted for). */
  async function call(path: string, init: CallInit = {}): Promise<Response> {
    const request = buildRequest(path, init);
    const ctx = {
      waitUntil(promise: Promise<unknown>) {
        stats.scheduled++;
        pending.push(promise);
      },
      passThroughOnException() {},
      props: {},
    } as unknown as ExecutionContext;
    return handlerFor(env).fetch(request as Request<unknown, IncomingRequestCfProperties>, env, ctx);
  }

  /** Waits for every background task scheduled so far (and any they schedule). */
  async function settle(): Promise<void> {
    while (pending.length) await Promise.all(pending.splice(0));
  }

  async function register(email = uniqueEmail(), password = PASSWORD) {
    const res = await call('/v1/auth/register', { method: 'POST', json: { email, password } });
    if (res.status !== 201) throw new Error(`register failed: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { user: { id: string; email: string } };
    await settle();
    return { email, password, user: body.user, cookie: sessionCookie(res) };
  }

  function login(email: string, password = PASSWORD) {
    return call('/v1/auth/login', { method: 'POST', json: { email, password } });
  }

  return { env, deps: ownDeps, clock, call, settle, register, login, stats };
}

/** Messages the in-memory mailer sent to an address, oldest first. */
export function mailsTo(address: string): EmailMessage[] {
  return memoryMailbox.messages.filter((m) => m.to === address);
}

/** The newest message the in-memory mailer sent to an address. */
export function lastMailTo(address: string): EmailMessage | undefined {
  return mailsTo(address).at(-1);
}

/** Messages of one kind sent to an address, oldest first. */
export function mails(to: string, tag: string): EmailMessage[] {
  return mailsTo(to).filter((m) => m.tag === tag);
}

/** The secret of the newest link of that kind sent to the address. */
export function tokenIn(to: string, tag: 'password_reset' | 'verify_email'): string {
  const message = mails(to, tag).at(-1);
  const token = message && /#token=([A-Za-z0-9_-]+)/.exec(message.text)?.[1];
  if (!token) throw new Error(`no ${tag} link sent to ${to}`);
  return token;
}

/** The newest sign-in code sent to the address. */
export function codeIn(to: string): string {
  const message = mails(to, 'email_otp').at(-1);
  const code = message && /^\s+(\d{6})$/m.exec(message.text)?.[1];
  if (!code) throw new Error(`no sign-in code sent to ${to}`);
  return code;
}

/** A fake provider at the fetch boundary: records requests and answers with `respond`. */
export function fakeFetch(respond: (request: Request) => Response | Promise<Response>) {
  const requests: { url: string; method: string; headers: Record<string, string>; body: unknown }[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const text = await request.clone().text();
    requests.push({
      url: request.url,
      method: request.method,
      headers: Object.fromEntries(request.headers),
      body: text ? JSON.parse(text) : null,
    });
    return respond(request);
  }) as typeof fetch;
  return { fetch: fetchImpl, requests };
}

/** A provider that never answers: the request ends only when the caller's AbortSignal fires. */
export function hangingFetch(): typeof fetch {
  return ((_input: RequestInfo | URL, init?: RequestInit) =>
    new Promise<Response>((_resolve, reject) => {
      const signal = init?.signal;
      signal?.addEventListener('abort', () => reject(signal.reason));
    })) as typeof fetch;
}

/**
 * One anonymous request as an enumeration probe: status, body and headers (minus Date) as the client sees
 * them, plus the work it caused (background tasks scheduled, argon2 hashes run). Send a fixed x-request-id so
 * bodies can be compared byte for byte.
 */
export async function probe(flow: Flow, path: string, json: unknown, requestId: string) {
  const scheduled = flow.stats.scheduled;
  const argon2 = watchArgon2();
  const res = await flow.call(path, { method: 'POST', json, headers: { 'x-request-id': requestId } });
  const headers = [...res.headers].filter(([name]) => name !== 'date').sort();
  return {
    status: res.status,
    body: await res.text(),
    headers,
    background: flow.stats.scheduled - scheduled,
    hashes: argon2.hashes(),
  };
}

type Trip = 'query' | 'batch';
const tripOf = (r: DatabaseRequest): Trip => (r.batch ? 'batch' : 'query');
/** The webhook producer's check for endpoints: after the answer, at most once a minute per isolate; never waited for. */
const webhookCheck = (r: DatabaseRequest) => r.statements.some((s) => s.includes('"webhook_endpoints"'));

/**
 * The database round trips of one request through `flow` (each a single statement, 'query', or an atomic
 * 'batch'): `trips` while it ran (what the user waits for), `background` those of its work after the
 * answer. Background work scheduled before it settles first; the webhook producer's check is left out.
 */
export async function roundTrips(flow: Flow, path: string, init: CallInit) {
  await flow.settle();
  const db = interceptDatabase();
  try {
    const res = await flow.call(path, init);
    const during = db.requests.length;
    await flow.settle();
    const counted = (requests: DatabaseRequest[]) => requests.filter((r) => !webhookCheck(r)).map(tripOf);
    return { res, trips: counted(db.requests.slice(0, during)), background: counted(db.requests.slice(during)) };
  } finally {
    db.restore();
  }
}
