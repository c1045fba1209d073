// Webhook tests: an environment without the JOBS binding (jobs run in-process, through the same handlers as
// the queue consumer) whose outbound fetch reaches a fake receiver, API keys for the admin API, and waiting
// for deliveries that arrive in the background.
import { Webhook } from 'standardwebhooks';
import type { Env } from '../../../src/platform/config.ts';
import type { DepsOverrides } from '../../../src/platform/deps.ts';
import { call, envWith, withDeps } from './worker.ts';

export const RECEIVER = 'https://receiver.example.test';

export interface Received {
  url: string;
  headers: Record<string, string>;
  body: string;
  payload: { type: string; timestamp: string; data: Record<string, unknown> };
}

/** The receiver: records every request, answers with `respond` (default 204). */
export function fakeReceiver() {
  const received: Received[] = [];
  let respond: (r: Received) => Response = () => new Response(null, { status: 204 });
  return {
    received,
    answerWith(fn: (r: Received) => Response) {
      respond = fn;
    },
    async handle(request: Request): Promise<Response> {
      const body = await request.text();
      const r = { url: request.url, headers: Object.fromEntries(request.headers), body, payload: JSON.parse(body) };
      received.push(r);
      return respond(r);
    },
    /** What reached the receiver about this user (the database is shared with concurrent test files). */
    about(userId: string): Received[] {
      return received.filter((r) => r.payload.data.user_id === userId);
    },
  };
}

/**
 * The real app without the JOBS binding; its fetch sends receiver URLs to `receiver` and everything else to
 * `other` (fake OAuth providers), else refuses.
 */
export function webhookEnv(options: { other?: typeof fetch; overrides?: Parameters<typeof envWith>[0]; deps?: DepsOverrides } = {}) {
  const env = { ...envWith(options.overrides ?? {}), JOBS: undefined } as Env;
  const receiver = fakeReceiver();
  const outbound = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    if (request.url.startsWith(RECEIVER)) return receiver.handle(request);
    if (options.other) return options.other(request);
    return new Response('no such host in this test', { status: 502 });
  }) as typeof fetch;
  const deps = withDeps(env, { fetch: outbound, ...options.deps });
  return { env, deps, receiver };
}

export function adminCall(env: Env, key: string, path: string, init: { method?: string; json?: unknown } = {}) {
  return call(path, { env, method: init.method ?? 'GET', json: init.json, headers: { authorization: `Bearer ${key}` } });
}

/** Registers an endpoint at `path` below the receiver; returns its id and secret. */
export async function createWebhook(env: Env, key: string, json: Record<string, unknown> = {}) {
  const res = await adminCall(env, key, '/v1/admin/webhooks', { method: 'POST', json: { url: `${RECEIVER}/hook`, ...json } });
  if (res.status !== 201) throw new Error(`create webhook: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { webhook: { id: string }; secret: string };
  return { id: body.webhook.id, secret: body.secret };
}

/** Waits (polling) until `check` returns something truthy; background work has no promise to await here. */
export async function eventually<T>(check: () => T | Promise<T>, what: string, timeoutMs = 10_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Waits until at least `count` requests about the user (of `type`, if given) reached the receiver; returns them. */
export async function receivedAbout(
  receiver: ReturnType<typeof fakeReceiver>,
  userId: string,
  count = 1,
  type?: string,
): Promise<Received[]> {
  const matching = () => receiver.about(userId).filter((r) => !type || r.payload.type === type);
  await eventually(() => matching().length >= count, `${count} × ${type ?? 'any event'} about ${userId}`);
  return matching();
}

/** Verifies a received request with the reference library; returns the verified payload (throws if forged). */
export function verified(secret: string, r: Received): unknown {
  return new Webhook(secret).verify(r.body, r.headers);
}
