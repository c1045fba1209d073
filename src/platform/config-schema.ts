import * as z from 'zod';
import { oauthConfigFields } from './config-oauth.ts';

const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => (v === undefined ? fallback : v === 'true' || v === '1'));

const seconds = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const url = z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/+$/, ''));

const originList = z
  .string()
  .default('')
  .transform((s) =>
    s
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
  )
  .pipe(
    z.array(
      z
        .string()
        // A wildcard with credentials would let any site act as the signed-in user.
        .refine((o) => o !== '*', 'a wildcard origin is refused: list origins explicitly')
        .pipe(z.url({ protocol: /^https?$/ }))
        .transform((o) => new URL(o).origin),
    ),
  );

export const configSchema = z.object({
  IDENTSPHERE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  DATABASE_URL: z.string({ error: 'is not set' }).regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection string'),
  IDENTSPHERE_JWT_SECRET: z
    .string({ error: 'is not set (npm run dev generates one in .dev.vars; production: wrangler secret put)' })
    .min(1, 'is required (npm run dev generates one in .dev.vars)'),
  IDENTSPHERE_COOKIES_SECURE: bool(false),
  IDENTSPHERE_COOKIE_DOMAIN: z.string().min(1).optional(),
  // `none` is for a frontend on another site: it needs Secure cookies (src/platform/config.ts) and makes CSRF demand
  // an allow-listed Origin on every state-changing request (src/http/middleware/csrf.ts).
  IDENTSPHERE_COOKIE_SAMESITE: z.enum(['lax', 'strict', 'none']).default('lax'),
  IDENTSPHERE_PUBLIC_BASE_URL: url.default('http://localhost:8787'),
  IDENTSPHERE_APP_URL: url.optional(),
  IDENTSPHERE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case Postgres identifier')
    .default('identsphere'),
  IDENTSPHERE_CORS_ORIGINS: originList,
  IDENTSPHERE_FROM_EMAIL: z.email().optional(),
  // `log` prints messages (dev), `memory` keeps them for tests; `resend` / `postmark` deliver them.
  IDENTSPHERE_EMAIL_PROVIDER: z.enum(['log', 'memory', 'resend', 'postmark']).default('log'),
  IDENTSPHERE_EMAIL_API_KEY: z.string().min(1).optional(),
  IDENTSPHERE_BREACHED_PASSWORD_CHECK: bool(false),
  IDENTSPHERE_RP_ID: z
    .string()
    .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/, 'must be a lower-case host name (no scheme, no port)')
    .optional(),
  // One or more origins (comma-separated) on which passkey ceremonies run; see src/platform/webauthn-settings.ts.
  IDENTSPHERE_RP_ORIGIN: originList,
  // AES-256-GCM key for secrets at rest (TOTP seeds): 32 bytes as 64 hex characters. Never the JWT secret.
  IDENTSPHERE_ENCRYPTION_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 32 bytes as 64 hex characters (openssl rand -hex 32)')
    .optional(),
  // Shown in authenticator apps (otpauth issuer) and passkey prompts (relying-party name).
  IDENTSPHERE_MFA_ISSUER: z.string().min(1).max(100).default('IdentSphere'),
  IDENTSPHERE_SESSION_IDLE_TIMEOUT: seconds(7 * 24 * 3600),
  IDENTSPHERE_SESSION_ABSOLUTE_LIFETIME: seconds(30 * 24 * 3600),
  IDENTSPHERE_SESSION_CACHE_TTL: z.coerce.number().int().min(60).default(60),
  IDENTSPHERE_DATABASE_LOCAL_HTTP: bool(false),
  // Deadline per database request: a database that accepts connections and never answers must not hold requests.
  IDENTSPHERE_DATABASE_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100, 'must be at least 100 ms')
    .max(60_000, 'must be at most 60000 ms')
    .default(5000),
  // Cloudflare Turnstile secret key; set, sign-up, forgot password and email-code requests need a solved challenge.
  IDENTSPHERE_TURNSTILE_SECRET: z.string().min(1).max(256).optional(),
  // Public bucket or CDN in front of the AVATARS bucket; unset: the Worker serves /v1/avatars/:key itself.
  IDENTSPHERE_AVATAR_BASE_URL: url.optional(),
  // Audit rows older than this are deleted by the scheduled job; 0 keeps them forever.
  IDENTSPHERE_AUDIT_RETENTION_DAYS: z.coerce.number().int().min(0).max(36500).default(365),
  // Audiences (`aud`) of access tokens, comma-separated; unset: the public base URL.
  IDENTSPHERE_TOKEN_AUDIENCE: z
    .string()
    .optional()
    .transform((s) =>
      (s ?? '')
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean),
    ),
  // Lifetime of access tokens (POST /v1/auth/token). Bounded: a key stays published this long after it retires.
  IDENTSPHERE_ACCESS_TOKEN_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60, 'must be at least 60')
    .max(3600, 'must be at most 3600')
    .default(600),
  // Fraction (0–1) of successful session checks (GET /v1/auth/session, 2xx) whose request log line is printed;
  // 1 keeps every line. Errors, refusals and every other route are always logged (src/http/middleware/request-log.ts).
  IDENTSPHERE_LOG_SAMPLE_SESSION_CHECKS: z.coerce.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1').default(1),
  // The Cron Trigger rotates the signing key once it is this old; 0 turns automatic rotation off.
  IDENTSPHERE_SIGNING_KEY_ROTATION_DAYS: z.coerce.number().int().min(0).max(3650).default(30),
  ...oauthConfigFields,
});

export type Config = z.output<typeof configSchema>;
