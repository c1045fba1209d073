// Bearer sessions (native apps): sign-ins sent with `IdentSphere-Session-Transport: bearer`, calls with
// `Authorization: Bearer <session_token>`.
import { expect } from 'vitest';
import type { Env } from '../../../src/platform/config.ts';
import { type CallInit, call, PASSWORD, uniqueEmail } from './worker.ts';

/** The header a native app's sign-in carries. */
export const BEARER_TRANSPORT = { 'IdentSphere-Session-Transport': 'bearer' } as const;

/** CallInit authenticating with a bearer token (and `init`'s own headers). */
export function bearer(token: string, init: CallInit = {}): CallInit {
  return { ...init, headers: { ...Object.fromEntries(new Headers(init.headers)), authorization: `Bearer ${token}` } };
}

/** A bearer sign-in answer: asserts `status`, no Set-Cookie at all (device cookie included); returns the body. */
export async function bearerSignedIn<T = { user: { id: string; email: string }; session: { id: string } }>(
  res: Response,
  status = 200,
): Promise<T & { session_token: string }> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(res.headers.getSetCookie()).toEqual([]);
  const body = JSON.parse(text) as T & { session_token: string };
  expect(typeof body.session_token).toBe('string');
  expect(body.session_token.length).toBeGreaterThan(20);
  return body;
}

/** Registers a user through the bearer transport: the account and its session_token. */
export async function registerBearerUser(email = uniqueEmail(), password = PASSWORD, env?: Env) {
  const res = await call('/v1/auth/register', { method: 'POST', json: { email, password }, headers: BEARER_TRANSPORT, env });
  const body = await bearerSignedIn(res, 201);
  return { email, password, user: body.user, token: body.session_token };
}
