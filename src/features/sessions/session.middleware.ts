import type { MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import { backgroundOf } from '../../http/background.ts';
import { isBearerRequest, readSessionCredential } from '../../http/session-credential.ts';
import type { MaybeSignedInEnv, SignedInEnv } from '../../http/types.ts';
import { ApiError } from '../../lib/errors.ts';
import { validateSession } from './sessions.ts';

/**
 * Requires a live session; sets `c.var.session`. Anything else (absent, tampered, expired, revoked) is 401.
 * A session already validated for this request (the idempotency middleware) is reused. Typed so that the
 * handlers after it (`.use(requireSession)`, or as a route's middleware) see `c.var.session` as present.
 */
export const requireSession = createMiddleware<MaybeSignedInEnv>(async (c, next) => {
  const session = c.var.session ?? (await validateSession(c.var.deps, readSessionCredential(c), backgroundOf(c)));
  if (!session) {
    // RFC 6750: a refused bearer token says so, so a native client knows to sign in again.
    const challenge = isBearerRequest(c) ? { headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' } } : {};
    throw new ApiError('unauthorized', undefined, challenge);
  }
  c.set('session', session);
  c.set('userId', session.record.user.id);
  await next();
  // Hono cannot see that `session` is set before next(): the declared type tells the handlers after it.
}) as unknown as MiddlewareHandler<SignedInEnv>;
