import { createMiddleware } from 'hono/factory';
import { ApiError } from '../../lib/errors.ts';
import type { Deps } from '../../platform/deps.ts';
import type { AppEnv } from '../types.ts';

/** Hands the app's dependencies (built once, passed to createApp) to every handler as `c.var.deps`. */
export function provideDeps(deps: Deps) {
  return createMiddleware<AppEnv>(async (c, next) => {
    c.set('deps', deps);
    await next();
  });
}

/** Fails closed: with an unsafe or invalid configuration every request is refused with 503 `misconfigured`. */
export const refuseMisconfigured = createMiddleware<AppEnv>(async () => {
  throw new ApiError('misconfigured');
});
