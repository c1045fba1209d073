import type { Context } from 'hono';
import type { RateLimitName } from '../adapters/rate-limiter.ts';
import { ApiError } from '../lib/errors.ts';
import type { AppEnv } from './types.ts';

/** Cloudflare always sets it; without it (local tools) every such client shares one key — never unlimited. */
export function clientIp(c: Context<AppEnv>): string {
  return c.req.header('cf-connecting-ip') ?? 'unknown';
}

/**
 * Counts this request against the route's per-IP limit and, when the request names an account, against
 * the per-IP+account limit. Over either: 429 `rate_limited` with Retry-After.
 */
export async function enforceRateLimit(c: Context<AppEnv>, route: Exclude<RateLimitName, 'account'>, account?: string) {
  const { rateLimiters } = c.var.deps;
  const ip = clientIp(c);
  const checks: [RateLimitName, string][] = [[route, `ip:${ip}`]];
  if (account !== undefined) checks.push(['account', `${route}:${ip}:${account}`]);
  for (const [name, key] of checks) {
    const limiter = rateLimiters[name];
    if (!(await limiter.limit(key))) {
      throw new ApiError('rate_limited', undefined, { headers: { 'Retry-After': String(limiter.periodSeconds) } });
    }
  }
}
