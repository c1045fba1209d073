import type { Job } from './adapters/job-queue.ts';
import type { RateLimitBindings } from './adapters/rate-limiter.ts';
import { oauthConfigProblems, oauthProductionProblems } from './config-oauth.ts';
import type { ConfigProblem } from './config-problem.ts';
import { type Config, configSchema } from './config-schema.ts';
import { webauthnProblems } from './webauthn-settings.ts';

/** Bindings and variables the Worker receives. Every value is a string as Workers deliver them. */
export interface Env extends RateLimitBindings {
  DATABASE_URL?: string;
  IDENTSPHERE_ENV?: string;
  IDENTSPHERE_JWT_SECRET?: string;
  IDENTSPHERE_COOKIES_SECURE?: string;
  IDENTSPHERE_COOKIE_DOMAIN?: string;
  IDENTSPHERE_COOKIE_SAMESITE?: string;
  IDENTSPHERE_TURNSTILE_SECRET?: string;
  IDENTSPHERE_PUBLIC_BASE_URL?: string;
  IDENTSPHERE_APP_URL?: string;
  IDENTSPHERE_SCHEMA?: string;
  IDENTSPHERE_CORS_ORIGINS?: string;
  IDENTSPHERE_FROM_EMAIL?: string;
  IDENTSPHERE_EMAIL_PROVIDER?: string;
  IDENTSPHERE_EMAIL_API_KEY?: string;
  IDENTSPHERE_BREACHED_PASSWORD_CHECK?: string;
  IDENTSPHERE_RP_ID?: string;
  IDENTSPHERE_RP_ORIGIN?: string;
  IDENTSPHERE_ENCRYPTION_KEY?: string;
  IDENTSPHERE_MFA_ISSUER?: string;
  IDENTSPHERE_SESSION_IDLE_TIMEOUT?: string;
  IDENTSPHERE_SESSION_ABSOLUTE_LIFETIME?: string;
  IDENTSPHERE_SESSION_CACHE_TTL?: string;
  IDENTSPHERE_DATABASE_LOCAL_HTTP?: string;
  IDENTSPHERE_DATABASE_TIMEOUT_MS?: string;
  IDENTSPHERE_AVATAR_BASE_URL?: string;
  IDENTSPHERE_AUDIT_RETENTION_DAYS?: string;
  IDENTSPHERE_TOKEN_AUDIENCE?: string;
  IDENTSPHERE_ACCESS_TOKEN_TTL_SECONDS?: string;
  IDENTSPHERE_SIGNING_KEY_ROTATION_DAYS?: string;
  IDENTSPHERE_LOG_SAMPLE_SESSION_CHECKS?: string;
  IDENTSPHERE_GOOGLE_CLIENT_ID?: string;
  IDENTSPHERE_GOOGLE_CLIENT_SECRET?: string;
  IDENTSPHERE_GITHUB_CLIENT_ID?: string;
  IDENTSPHERE_GITHUB_CLIENT_SECRET?: string;
  IDENTSPHERE_OIDC_PROVIDERS?: string;
  SESSION_CACHE?: KVNamespace;
  METRICS?: AnalyticsEngineDataset;
  AVATARS?: R2Bucket;
  /** Producer of the background-job queue (src/platform/adapters/job-queue.ts); consumed by this Worker. */
  JOBS?: Queue<Job>;
  /** Producer of the dead-letter queue: jobs given up at once (an email the provider refuses with a 4xx). */
  JOBS_DLQ?: Queue<Job>;
}

export type { ConfigProblem } from './config-problem.ts';
export type { Config } from './config-schema.ts';

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: ConfigProblem[] };

/** Parses and validates the variables (no production rules). */
export function parseConfig(env: Env): ConfigResult {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(configSchema.shape)) {
    const value = (env as Record<string, unknown>)[key];
    // Empty strings mean "unset" (wrangler vars cannot be deleted per environment, only blanked).
    if (typeof value === 'string' && value.trim() !== '') raw[key] = value.trim();
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => ({ setting: String(i.path[0] ?? 'config'), reason: i.message })),
    };
  }
  return { ok: true, config: parsed.data };
}

/** Parses the environment; in production also enforces every checklist item checkable at runtime. */
export function loadConfig(env: Env): ConfigResult {
  const parsed = parseConfig(env);
  if (!parsed.ok) return parsed;
  const { config } = parsed;
  const problems = [
    ...oauthConfigProblems(config),
    ...cookieProblems(config),
    ...(config.IDENTSPHERE_ENV === 'production' ? productionProblems(config) : []),
  ];
  return problems.length ? { ok: false, problems } : parsed;
}

/** Checked in every environment: a combination browsers would silently refuse must not start at all. */
export function cookieProblems(c: Config): ConfigProblem[] {
  // Browsers drop a SameSite=None cookie that is not Secure: every sign-in would "succeed" and leave no session.
  if (c.IDENTSPHERE_COOKIE_SAMESITE === 'none' && !c.IDENTSPHERE_COOKIES_SECURE) {
    return [
      {
        setting: 'IDENTSPHERE_COOKIE_SAMESITE',
        reason: 'none requires IDENTSPHERE_COOKIES_SECURE=true (browsers drop SameSite=None cookies without Secure)',
      },
    ];
  }
  return [];
}

/** The production checklist items a running Worker can verify by itself. */
export function productionProblems(c: Config): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const add = (setting: string, reason: string) => problems.push({ setting, reason });
  if (new TextEncoder().encode(c.IDENTSPHERE_JWT_SECRET).length < 32) {
    add('IDENTSPHERE_JWT_SECRET', 'must be at least 32 bytes from a CSPRNG (openssl rand -hex 32)');
  }
  if (!c.IDENTSPHERE_COOKIES_SECURE) add('IDENTSPHERE_COOKIES_SECURE', 'must be true in production');
  const base = new URL(c.IDENTSPHERE_PUBLIC_BASE_URL);
  if (base.protocol !== 'https:') add('IDENTSPHERE_PUBLIC_BASE_URL', 'must be the canonical https:// URL');
  // Emailed reset / verification links and OAuth returns land here: over http:// a network attacker reads the token.
  if (c.IDENTSPHERE_APP_URL && new URL(c.IDENTSPHERE_APP_URL).protocol !== 'https:') {
    add('IDENTSPHERE_APP_URL', "must be the frontend's https:// URL (emailed links carry tokens)");
  }
  if (!/[?&]sslmode=(require|verify-ca|verify-full)(&|$)/.test(c.DATABASE_URL)) {
    add('DATABASE_URL', 'must include sslmode=require (or verify-ca / verify-full)');
  }
  if (c.IDENTSPHERE_DATABASE_LOCAL_HTTP) {
    add('IDENTSPHERE_DATABASE_LOCAL_HTTP', 'is a dev/test switch and must not be set in production');
  }
  problems.push(...webauthnProblems(c));
  if (!c.IDENTSPHERE_ENCRYPTION_KEY) {
    add('IDENTSPHERE_ENCRYPTION_KEY', 'is required in production (openssl rand -hex 32): it encrypts TOTP seeds');
  } else if (c.IDENTSPHERE_ENCRYPTION_KEY.toLowerCase() === c.IDENTSPHERE_JWT_SECRET.toLowerCase()) {
    // Rotating the JWT secret signs everyone out; it must never also destroy everyone's MFA.
    add('IDENTSPHERE_ENCRYPTION_KEY', 'must differ from IDENTSPHERE_JWT_SECRET');
  }
  if (c.IDENTSPHERE_AVATAR_BASE_URL && !c.IDENTSPHERE_AVATAR_BASE_URL.startsWith('https://')) {
    add('IDENTSPHERE_AVATAR_BASE_URL', 'must be an https:// URL (avatars are embedded in https pages)');
  }
  if (c.IDENTSPHERE_EMAIL_PROVIDER === 'log' || c.IDENTSPHERE_EMAIL_PROVIDER === 'memory') {
    add('IDENTSPHERE_EMAIL_PROVIDER', `'${c.IDENTSPHERE_EMAIL_PROVIDER}' delivers nothing: use resend or postmark`);
  }
  if (!c.IDENTSPHERE_FROM_EMAIL) add('IDENTSPHERE_FROM_EMAIL', 'is required: a verified address on a domain you control');
  for (const origin of c.IDENTSPHERE_CORS_ORIGINS) {
    if (!origin.startsWith('https://')) add('IDENTSPHERE_CORS_ORIGINS', `${origin} is not https`);
  }
  problems.push(...oauthProductionProblems(c));
  return problems;
}
