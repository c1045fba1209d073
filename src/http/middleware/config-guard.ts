import { createMiddleware } from 'hono/factory';
import { ApiError } from '../../lib/errors.ts';
import type { Deps } from '../../platform/deps.ts';
import type { AppEnv } from '../types.ts';
import { type CorsPolicy, corsPolicy } from './cors.ts';

/**
 * Hands the app's dependencies (built once, passed to createApp) to every handler as `c.var.deps`, and applies
 * the CORS policy built from the same configuration: a preflight is answered here; every other response,
 * errors included, gets the policy's headers on its way out. The policy is built on the first request (an
 * app built only to list its routes has no configuration).
 */
export function provideDeps(deps: Deps) {
  let policy: CorsPolicy | undefined;
  return createMiddleware<AppEnv>(async (c, next) => {
    c.set('deps', deps);
    const cors = (policy ??= corsPolicy(deps.config.IDENTSPHERE_CORS_ORIGINS));
    const origin = c.req.raw.headers.get('origin');
    if (c.req.method === 'OPTIONS') return cors.preflight(origin);
    await next();
    cors.decorate(c.res.headers, origin);
  });
}

/** Fails closed: with an unsafe or invalid configuration every request is refused with 503 `misconfigured`. */
export const refuseMisconfigured = createMiddleware<AppEnv>(async () => {
  throw new ApiError('misconfigured');
});
