import { createMiddleware } from 'hono/factory';
import { refuseAmbiguousCredentials } from '../session-credential.ts';
import type { MaybeSignedInEnv } from '../types.ts';
import { isStateChanging, refuseCrossSite } from './csrf.ts';

/**
 * The checks every request passes before its route, in one pass and in this order: one session credential
 * only, then (state-changing requests) CSRF, then Idempotency-Key. Each refusal throws an ApiError, which the
 * app's error handler answers; the middlewares around this one (request log, security headers, CORS) still
 * dress that answer. The idempotency store (and the session validation it may need) is imported by the
 * first request that carries a key: a request without one never needs it.
 */
export const requestGuards = createMiddleware<MaybeSignedInEnv>(async (c, next) => {
  refuseAmbiguousCredentials(c);
  if (!isStateChanging(c.req.method)) return next();
  refuseCrossSite(c);
  if (c.req.header('idempotency-key') === undefined) return next();
  const { idempotency } = await import('../../features/idempotency/idempotency.middleware.ts');
  return idempotency(c, next);
});
