import { rateLimited } from '../../lib/errors.ts';
import type { Clock } from '../clock.ts';

/** A fixed-window limiter: `limit(key)` counts one request and says whether it is within the allowance. */
export interface RateLimiter {
  readonly periodSeconds: number;
  limit(key: string): Promise<boolean>;
}

/**
 * Cloudflare's rate-limiting binding. It counts per Cloudflare location and approximately: the edge defence
 * against floods. The exact per-account defence is the failure counter in Postgres.
 */
export class BindingRateLimiter implements RateLimiter {
  private readonly binding: RateLimit;
  readonly periodSeconds: number;

  constructor(binding: RateLimit, periodSeconds: number) {
    this.binding = binding;
    this.periodSeconds = periodSeconds;
  }

  async limit(key: string): Promise<boolean> {
    return (await this.binding.limit({ key })).success;
  }
}

/** In-memory twin (dev/test without the binding): same contract, one isolate's view. */
export class MemoryRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private readonly allowance: number;
  readonly periodSeconds: number;
  private readonly clock: Clock;

  constructor(allowance: number, periodSeconds: number, clock: Clock) {
    this.allowance = allowance;
    this.periodSeconds = periodSeconds;
    this.clock = clock;
  }

  async limit(key: string): Promise<boolean> {
    const now = this.clock.now().getTime();
    const window = this.windows.get(key);
    if (!window || now - window.start >= this.periodSeconds * 1000) {
      this.windows.set(key, { start: now, count: 1 });
      return true;
    }
    window.count++;
    return window.count <= this.allowance;
  }
}

/**
 * Rate-limit bindings (declared as [[ratelimits]] in wrangler.toml with the same limit and period) and the
 * allowance per key per period. Each limited route has its own per-IP binding; `account` is shared by the
 * routes that name an email and is keyed by route + IP + email, with a tighter allowance than the per-IP one
 * (a shared NAT needs room; one address from one IP does not). Never keyed by email alone: that would let
 * anyone lock a victim out.
 */
export const RATE_LIMITS = {
  login: { binding: 'RATE_LIMIT_LOGIN', limit: 20, period: 60 },
  register: { binding: 'RATE_LIMIT_REGISTER', limit: 10, period: 60 },
  passwordForgot: { binding: 'RATE_LIMIT_PASSWORD_FORGOT', limit: 10, period: 60 },
  emailOtp: { binding: 'RATE_LIMIT_EMAIL_OTP', limit: 10, period: 60 },
  mfaChallenge: { binding: 'RATE_LIMIT_MFA_CHALLENGE', limit: 20, period: 60 },
  account: { binding: 'RATE_LIMIT_ACCOUNT', limit: 5, period: 60 },
  // The admin API, per IP, counted before the credential is checked (a flood of guesses costs as much as use).
  admin: { binding: 'RATE_LIMIT_ADMIN', limit: 300, period: 60 },
} as const;

export type RateLimitName = keyof typeof RATE_LIMITS;
export type RateLimitBindings = Partial<Record<(typeof RATE_LIMITS)[RateLimitName]['binding'], RateLimit>>;
export type RateLimiters = Record<RateLimitName, RateLimiter>;

/** The bindings when present; otherwise (dev/test only — production requires them) in-memory twins. */
export function createRateLimiters(env: RateLimitBindings, clock: Clock): RateLimiters {
  const limiters = {} as RateLimiters;
  for (const name of Object.keys(RATE_LIMITS) as RateLimitName[]) {
    const spec = RATE_LIMITS[name];
    const binding = env[spec.binding];
    limiters[name] = binding ? new BindingRateLimiter(binding, spec.period) : new MemoryRateLimiter(spec.limit, spec.period, clock);
  }
  return limiters;
}

/**
 * Counts one request against `route`'s per-IP limit and, when it names an account, against the per-IP+account
 * limit (keyed by route, so a password re-entry and a login for the same account share the login allowance).
 * Over either: `rate_limited` with Retry-After. Without a known IP every such client shares one key.
 */
export async function enforceLimits(limiters: RateLimiters, route: Exclude<RateLimitName, 'account'>, ip: string | null, account?: string) {
  const client = ip ?? 'unknown';
  const checks: [RateLimitName, string][] = [[route, `ip:${client}`]];
  if (account !== undefined) checks.push(['account', `${route}:${client}:${account}`]);
  for (const [name, key] of checks) await enforceLimit(limiters[name], key);
}

/** Counts one request against `key`; over the limit: `rate_limited` with Retry-After. */
export async function enforceLimit(limiter: RateLimiter, key: string): Promise<void> {
  if (!(await limiter.limit(key))) throw rateLimited(limiter.periodSeconds);
}
