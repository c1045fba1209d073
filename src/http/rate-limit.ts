import { enforceLimits, type RateLimitName } from '../platform/adapters/rate-limiter.ts';
import type { AppContext } from './types.ts';

/** Cloudflare always sets it; without it (local tools) every such client shares one key — never unlimited. */
export function clientIp(c: AppContext): string {
  return c.req.header('cf-connecting-ip') ?? 'unknown';
}

/**
 * Counts this request against the route's per-IP limit and, when the request names an account, against
 * the per-IP+account limit. Over either: 429 `rate_limited` with Retry-After.
 */
export function enforceRateLimit(c: AppContext, route: Exclude<RateLimitName, 'account'>, account?: string) {
  return enforceLimits(c.var.deps.rateLimiters, route, clientIp(c), account);
}
