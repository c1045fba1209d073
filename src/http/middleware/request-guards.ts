import { createMiddleware } from 'hono/factory';
import { idempotency } from '../../features/idempotency/idempotency.middleware.ts';
import { refuseAmbiguousCredentials } from '../session-credential.ts';
import type { MaybeSignedInEnv } from '../types.ts';
import { isStateChanging, refuseCrossSite } from './csrf.ts';

/**
 * The checks every request passes before its route, in one pass and in this order: one session credential
 * only, then (state-changing requests) CSRF, then Idempotency-Key. Each refusal throws an ApiError, which the
 * app's error handler answers; the middlewares around this one (request log, security headers, CORS) still
 * dress that answer.
 */
export const requestGuards = createMiddleware<MaybeSignedInEnv>((c, next) => {
  refuseAmbiguousCredentials(c);
  if (!isStateChanging(c.req.method)) return next();
  refuseCrossSite(c);
  return idempotency(c, next);
});
