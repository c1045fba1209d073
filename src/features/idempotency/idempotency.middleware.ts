import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { apiKeyHash, readApiKey } from '../../http/api-key-credential.ts';
import { backgroundOf } from '../../http/background.ts';
import { clientIp } from '../../http/rate-limit.ts';
import { readBodyLimited } from '../../http/request.ts';
import { readSessionCredential } from '../../http/session-credential.ts';
import type { MaybeSignedInEnv } from '../../http/types.ts';
import { ApiError } from '../../lib/errors.ts';
import { log } from '../../platform/log.ts';
import { MAX_AVATAR_BYTES } from '../accounts/avatars.ts';
import { validateSession } from '../sessions/sessions.ts';
import { claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey, type StoredResponse } from './idempotency.ts';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// Printable ASCII, 1–255 characters (what a UUID or any sane client token is).
const VALID_KEY = /^[\x20-\x7e]{1,255}$/;
/** Replayed with the answer: what a client needs to act on it (Set-Cookie: a retried sign-in gets its session). */
const KEPT_HEADERS = ['content-type', 'location', 'cache-control', 'content-disposition'];

/**
 * `Idempotency-Key` on a state-changing request: the first final answer is stored for 24 h and a retry with
 * the same key and body gets it again (`Idempotency-Replayed: true`) instead of running twice. The outcome of
 * a request whose connection dropped is unknown to the client; this makes "retry with the same key" safe.
 */
export const idempotency = createMiddleware<MaybeSignedInEnv>(async (c, next) => {
  if (!STATE_CHANGING.has(c.req.method)) return next();
  const key = c.req.header('idempotency-key');
  if (key === undefined) return next();
  if (!VALID_KEY.test(key) || key.trim() === '') {
    throw new ApiError('invalid_request', 'Idempotency-Key must be 1 to 255 printable ASCII characters.', {
      details: [{ field: 'Idempotency-Key', message: 'must be 1 to 255 printable ASCII characters' }],
    });
  }
  const { deps } = c.var;
  const url = new URL(c.req.url);
  const outcome = await claimIdempotencyKey(deps, {
    scope: await callerScope(c),
    key,
    method: c.req.method,
    target: url.pathname + url.search,
    body: await readBodyLimited(c.req.raw.clone(), MAX_AVATAR_BYTES),
  });
  if (outcome.kind === 'replay') return replay(outcome.response);

  await next();
  const { claim } = outcome;
  try {
    // 5xx: the outcome is unknown or nothing happened; 429 or a refused bot check: nothing happened (the
    // retry brings a freshly solved challenge). Either way a retry must run.
    if (c.res.status >= 500 || c.res.status === 429 || isCaptchaRefusal(c.error)) await releaseIdempotencyKey(deps, claim);
    else await completeIdempotencyKey(deps, claim, await snapshot(c.res));
  } catch (err) {
    // The answer stands; the key stays in flight until its lease ends (a retry meanwhile gets 409).
    log('error', 'idempotency: storing the answer failed', { request_id: c.var.requestId, error: String(err) });
  }
});

function isCaptchaRefusal(err: unknown): boolean {
  return err instanceof ApiError && (err.code === 'captcha_required' || err.code === 'captcha_invalid');
}

/**
 * Keys are scoped to the caller so nobody can read another caller's answer by guessing a key: the signed-in
 * user (or API key), otherwise the client IP. The session found here is reused by requireSession.
 */
async function callerScope(c: Context<MaybeSignedInEnv>): Promise<string> {
  // A server API key is its own caller (two keys behind one IP must not read each other's answers); it is
  // checked by the admin layer after this, so a replay only ever goes to the holder of the same key.
  const apiKey = readApiKey(c);
  if (apiKey) return `api_key:${await apiKeyHash(apiKey)}`;
  const jwt = readSessionCredential(c);
  if (jwt) {
    const session = await validateSession(c.var.deps, jwt, backgroundOf(c));
    if (session) {
      c.set('session', session);
      return `user:${session.record.user.id}`;
    }
  }
  return `ip:${clientIp(c)}`;
}

async function snapshot(res: Response): Promise<StoredResponse> {
  const headers: [string, string][] = [];
  for (const name of KEPT_HEADERS) {
    const value = res.headers.get(name);
    if (value !== null) headers.push([name, value]);
  }
  for (const cookie of res.headers.getSetCookie()) headers.push(['set-cookie', cookie]);
  return { status: res.status, headers, body: await res.clone().text() };
}

function replay(stored: StoredResponse): Response {
  const headers = new Headers();
  for (const [name, value] of stored.headers) headers.append(name, value);
  headers.set('Idempotency-Replayed', 'true');
  const empty = stored.status === 204 || stored.status === 205 || stored.status === 304;
  return new Response(empty ? null : stored.body, { status: stored.status, headers });
}
