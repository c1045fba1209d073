// Where a request's session credential comes from: the session cookie (browsers) or
// `Authorization: Bearer <session_token>` (native apps, which cannot keep cookies). Both carry the same token,
// so a bearer session has the cookie's lifetimes, revocation, MFA and rate limits; only the transport differs.
import { getCookie } from 'hono/cookie';
import { ApiError } from '../lib/errors.ts';
import { sessionCookieName } from './cookies.ts';
import type { AppContext } from './types.ts';

/** Sent with a sign-in request by a native app: `bearer` answers with `session_token` and sets no cookie. */
export const SESSION_TRANSPORT_HEADER = 'IdentSphere-Session-Transport';

const BEARER = /^bearer(?:\s+(.*))?$/i;

/**
 * The token of an `Authorization: Bearer …` header; `undefined` without one. Other schemes (Basic from a
 * staging proxy, …) are not ours and ignored. A Bearer header with no token yields '' — a credential that
 * validates as nothing, so session routes answer 401, never 500.
 */
export function bearerToken(c: AppContext): string | undefined {
  const header = c.req.header('authorization');
  if (header === undefined) return undefined;
  const match = BEARER.exec(header.trim());
  return match ? (match[1] ?? '').trim() : undefined;
}

/** Whether the request authenticates with a bearer token (and, by refuseAmbiguousCredentials, no session cookie). */
export function isBearerRequest(c: AppContext): boolean {
  return bearerToken(c) !== undefined;
}

/** The session credential of the request, from whichever transport carries it (refuseAmbiguousCredentials ran first). */
export function readSessionCredential(c: AppContext): string | undefined {
  return bearerToken(c) ?? getCookie(c, sessionCookieName(c.var.deps.config));
}

/**
 * A request must not carry both a bearer token and a session cookie: which one acts would be a guess (and a
 * logout or revocation could end the session the caller did not mean). Refused before anything else reads it
 * (src/http/middleware/request-guards.ts).
 */
export function refuseAmbiguousCredentials(c: AppContext): void {
  if (isBearerRequest(c) && getCookie(c, sessionCookieName(c.var.deps.config)) !== undefined) {
    throw new ApiError('ambiguous_credentials');
  }
}

/**
 * Whether a sign-in should answer with `session_token` instead of setting the session cookie: `bearer`
 * (any case). Anything else, or no header, is the cookie — never an error, so a sign-in that already wrote its
 * session cannot fail on how it is delivered.
 */
export function wantsBearerSession(c: AppContext): boolean {
  return c.req.header(SESSION_TRANSPORT_HEADER)?.trim().toLowerCase() === 'bearer';
}
