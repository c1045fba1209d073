import { createDatabase, type Database } from '../db/client.ts';
import { type AvatarStorage, MemoryAvatarStorage, R2AvatarStorage } from './adapters/avatar-storage.ts';
import { type BreachedPasswordCheck, noBreachCheck, PwnedPasswordsRangeCheck } from './adapters/breached-passwords.ts';
import { type CaptchaVerifier, TurnstileVerifier } from './adapters/captcha.ts';
import type { EmailSender } from './adapters/email.ts';
import { createMailer } from './adapters/email-providers.ts';
import { CloudflareJobQueue, InProcessJobQueue, type JobQueue } from './adapters/job-queue.ts';
import { AnalyticsEngineMetrics, MemoryMetrics, type Metrics } from './adapters/metrics.ts';
import { createRateLimiters, RATE_LIMITS, type RateLimiters } from './adapters/rate-limiter.ts';
import { KvSessionCache, MemorySessionCache, type SessionCache } from './adapters/session-cache.ts';
import { type Clock, systemClock } from './clock.ts';
import { type Config, type ConfigProblem, type Env, loadConfig } from './config.ts';
import { log } from './log.ts';

/** Everything services need, built once per isolate and environment (never per request). */
export interface Deps extends Database {
  config: Config;
  clock: Clock;
  sessionCache: SessionCache;
  rateLimiters: RateLimiters;
  mailer: EmailSender;
  metrics: Metrics;
  avatars: AvatarStorage;
  breachedPasswords: BreachedPasswordCheck;
  /** The bot check on public forms (Turnstile); null when IDENTSPHERE_TURNSTILE_SECRET is unset (off). */
  captcha: CaptchaVerifier | null;
  /** Background jobs: the JOBS queue, or in-process (dev/test without the binding). */
  jobs: JobQueue;
  /** Outbound HTTP to third parties (OAuth/OIDC providers): tests replace it to fake them at the fetch boundary. */
  fetch: typeof fetch;
  /** Every call to a provider gives up after this long (src/features/oauth/discovery.ts providerFetch). */
  providerTimeoutMs: number;
}

/**
 * The part of Deps that data-changing services need: the database, the clock, the session cache (evictions)
 * and avatar storage. The CLI builds only this (src/cli/cli-deps.ts) to run the same services as the Worker.
 */
export type DataDeps = Database & Pick<Deps, 'clock' | 'sessionCache' | 'avatars'>;

export type DepsResult = { ok: true; deps: Deps } | { ok: false; problems: ConfigProblem[] };

const built = new WeakMap<Env, DepsResult>();

export function getDeps(env: Env): DepsResult {
  let result = built.get(env);
  if (!result) {
    result = buildDeps(env);
    built.set(env, result);
    if (!result.ok) {
      // Logged once per isolate; every request meanwhile gets 503 `misconfigured`.
      log('error', 'refusing to serve: configuration is unsafe or invalid', {
        settings: result.problems.map((p) => p.setting),
        problems: result.problems.map((p) => `${p.setting}: ${p.reason}`),
      });
    }
  }
  return result;
}

/** What a caller may supply instead of the defaults built from the environment (tests: a manual clock, fakes). */
export type DepsOverrides = Partial<Omit<Deps, keyof Database | 'config'>>;

/** Builds the dependencies for `env` afresh (uncached; getDeps caches per environment). */
export function buildDeps(env: Env, overrides: DepsOverrides = {}): DepsResult {
  const loaded = loadConfig(env);
  if (!loaded.ok) return loaded;
  const { config } = loaded;
  if (config.IDENTSPHERE_ENV === 'production') {
    const problems = missingBindings(env);
    if (problems.length) return { ok: false, problems };
  }
  const clock: Clock = overrides.clock ?? systemClock;
  const sessionCache = env.SESSION_CACHE ? new KvSessionCache(env.SESSION_CACHE) : new MemorySessionCache();
  const rateLimiters = createRateLimiters(env, clock);
  const mailer = createMailer(config);
  if (!mailer.ok) return mailer;
  const breachedPasswords = config.IDENTSPHERE_BREACHED_PASSWORD_CHECK ? new PwnedPasswordsRangeCheck() : noBreachCheck;
  const metrics = env.METRICS ? new AnalyticsEngineMetrics(env.METRICS) : new MemoryMetrics();
  const avatars = env.AVATARS ? new R2AvatarStorage(env.AVATARS) : new MemoryAvatarStorage();
  // Tests run jobs in-process even though the test env has the binding: a request's emails are then sent when
  // its background work settles, in order (the queue path is tested through the consumer, email-queue.test.ts).
  const jobs = env.JOBS && config.IDENTSPHERE_ENV !== 'test' ? new CloudflareJobQueue(env.JOBS) : new InProcessJobQueue();
  const outbound: typeof fetch = overrides.fetch ?? ((input, init) => fetch(input, init));
  const secret = config.IDENTSPHERE_TURNSTILE_SECRET;
  const captcha = secret ? new TurnstileVerifier(secret, { fetch: outbound }) : null;
  return {
    ok: true,
    deps: {
      config,
      clock,
      sessionCache,
      rateLimiters,
      mailer: mailer.mailer,
      breachedPasswords,
      captcha,
      metrics,
      avatars,
      jobs,
      fetch: outbound,
      providerTimeoutMs: 10_000,
      ...createDatabase(config),
      ...overrides,
    },
  };
}

/** Production needs the real bindings: the in-memory twins see one isolate only. */
function missingBindings(env: Env): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  if (!env.SESSION_CACHE) problems.push({ setting: 'SESSION_CACHE', reason: 'KV namespace binding is required in production' });
  // The in-memory twin keeps avatars in one isolate's memory: production needs real object storage (R2).
  if (!env.AVATARS) problems.push({ setting: 'AVATARS', reason: 'R2 bucket binding is required in production' });
  // In-process jobs are not retried across isolates: an email or webhook could be lost.
  if (!env.JOBS) problems.push({ setting: 'JOBS', reason: 'Queue producer binding is required in production' });
  for (const { binding } of Object.values(RATE_LIMITS)) {
    if (!env[binding]) problems.push({ setting: binding, reason: 'rate-limit binding is required in production' });
  }
  return problems;
}
