import { createMiddleware } from 'hono/factory';
import { getDeps } from '../../platform/deps.ts';
import { ApiError } from '../../lib/errors.ts';
import type { AppEnv } from '../types.ts';

/** Fails closed: with an unsafe or invalid configuration every request is refused with 503 `misconfigured`. */
export const configGuard = createMiddleware<AppEnv>(async (c, next) => {
  const result = getDeps(c.env);
  if (!result.ok) throw new ApiError('misconfigured');
  c.set('deps', result.deps);
  await next();
});
