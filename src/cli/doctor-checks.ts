// The production checklist as code: each item of spec/production-checklist.txt that a program can check,
// checked from the wrangler configuration of one environment, its variables and secrets, and the database.
// Items no program can check are listed as manual steps. Runtime rules come from src/platform/config.ts (one source).
import { createHash } from 'node:crypto';
import { type ConfigProblem, cookieProblems, type Env, parseConfig, productionProblems } from '../platform/config.ts';
import { oauthConfigProblems } from '../platform/config-oauth.ts';
import { type CheckResult, type DoctorInput, newChecklist } from './doctor-checklist.ts';
import { deploymentChecks } from './doctor-deployment.ts';

export function fingerprint(secret: string): string {
  return createHash('sha256').update(secret).digest('hex').slice(0, 16);
}

// Settings with a checklist item of their own below; any other problem is listed under "Runtime guard".
const COVERED = new Set([
  'IDENTSPHERE_JWT_SECRET',
  'DATABASE_URL',
  'IDENTSPHERE_COOKIES_SECURE',
  'IDENTSPHERE_PUBLIC_BASE_URL',
  'IDENTSPHERE_APP_URL',
  'IDENTSPHERE_EMAIL_PROVIDER',
  'IDENTSPHERE_FROM_EMAIL',
  'IDENTSPHERE_RP_ID',
  'IDENTSPHERE_RP_ORIGIN',
  'IDENTSPHERE_CORS_ORIGINS',
]);

export function runChecks(input: DoctorInput): CheckResult[] {
  const list = newChecklist();
  const { out, check, manual, info } = list;

  const v = input.values;
  // Invalid values are failures in themselves; only a configuration that parses can be judged item by item.
  const parsed = parseConfig({ ...(v as Env), IDENTSPHERE_ENV: 'production' });
  const invalid: ConfigProblem[] = parsed.ok ? [] : parsed.problems;
  const problems: ConfigProblem[] = parsed.ok
    ? [...oauthConfigProblems(parsed.config), ...cookieProblems(parsed.config), ...productionProblems(parsed.config)]
    : invalid;
  for (const p of invalid.filter((p) => !COVERED.has(p.setting))) {
    out.push({ section: 'Configuration', item: `${p.setting} has a valid value`, status: 'fail', detail: p.reason });
  }
  const problem = (setting: string) =>
    problems
      .filter((p) => p.setting === setting)
      .map((p) => p.reason)
      .join('; ');
  const fromConfig = (section: string, item: string, setting: string, passDetail = '') => {
    const reason = problem(setting);
    check(section, item, !reason, `${setting} ${reason}`, passDetail);
  };

  // Secrets
  const secret = v.IDENTSPHERE_JWT_SECRET ?? '';
  fromConfig(
    'Secrets',
    'IDENTSPHERE_JWT_SECRET is at least 32 bytes from a CSPRNG',
    'IDENTSPHERE_JWT_SECRET',
    `${Buffer.byteLength(secret)} bytes`,
  );
  const fp = secret ? fingerprint(secret) : '';
  const clash = input.otherSecretFingerprints.filter((o) => o.fingerprint === fp);
  check(
    'Secrets',
    'IDENTSPHERE_JWT_SECRET is distinct from every other environment',
    !!secret && clash.length === 0,
    secret ? `same secret as ${clash.map((c) => c.source).join(', ')} (fingerprint ${fp})` : 'no secret to compare',
    `fingerprint ${fp}; compared with ${input.otherSecretFingerprints.map((o) => o.source).join(', ') || 'no other environment (pass --compare-vars FILE)'}`,
  );
  const checkedIn = Object.keys(input.wrangler.vars).filter((k) => /SECRET|API_KEY|ENCRYPTION_KEY|^DATABASE_URL$/.test(k));
  check(
    'Secrets',
    'Secrets are not in the checked-in wrangler.toml (use wrangler secret put)',
    checkedIn.length === 0,
    `found in [vars]: ${checkedIn.join(', ')}`,
  );
  manual(
    'Secrets',
    'Secrets come from a secrets manager',
    'wrangler secret put (Cloudflare encrypts them); keep the source of truth in your secrets manager',
  );
  fromConfig('Secrets', 'Database connection string includes sslmode=require (or stricter)', 'DATABASE_URL');

  // Cookies + transport
  fromConfig('Cookies + transport', 'IDENTSPHERE_COOKIES_SECURE=true', 'IDENTSPHERE_COOKIES_SECURE');
  fromConfig(
    'Cookies + transport',
    'IDENTSPHERE_PUBLIC_BASE_URL is the canonical HTTPS URL',
    'IDENTSPHERE_PUBLIC_BASE_URL',
    v.IDENTSPHERE_PUBLIC_BASE_URL ?? '',
  );
  // Unset, emailed links point at the auth host (https://auth…/reset-password), which serves no such page: 404.
  const appUrl = v.IDENTSPHERE_APP_URL ?? '';
  check(
    'Cookies + transport',
    "IDENTSPHERE_APP_URL is the frontend's https:// URL (emailed links open there)",
    !!appUrl.trim() && !problem('IDENTSPHERE_APP_URL'),
    appUrl.trim()
      ? `IDENTSPHERE_APP_URL ${problem('IDENTSPHERE_APP_URL')}`
      : 'IDENTSPHERE_APP_URL is not set: reset and verification links would point at the auth host and 404',
    appUrl,
  );
  info('Cookies + transport', 'Fronted by HTTPS', 'Cloudflare terminates TLS for Workers custom domains');
  if (v.IDENTSPHERE_COOKIE_SAMESITE?.trim() === 'none') {
    info(
      'Cookies + transport',
      'IDENTSPHERE_COOKIE_SAMESITE=none (frontend on another site)',
      'browsers that block third-party cookies (Safari, Firefox, Chrome by choice) keep no session: prefer a first-party API; ' +
        'every state-changing request needs an allow-listed Origin, curl and the smoke test included (README, Frontend on another site)',
    );
  }

  // Database
  const db = input.database;
  if (!db) {
    out.push({ section: 'Database', item: 'Database reachable', status: 'fail', detail: 'DATABASE_URL is not set' });
  } else if (db.error) {
    out.push({ section: 'Database', item: 'Database reachable', status: 'fail', detail: db.error });
  } else {
    const major = Math.floor((db.serverVersionNum ?? 0) / 10000);
    check('Database', 'Postgres 14 or newer', major >= 14, `server is ${major}`, `server is ${major}`);
    const schema = v.IDENTSPHERE_SCHEMA ?? 'identsphere';
    check('Database', `IDENTSPHERE_SCHEMA (${schema}) is pre-created`, !!db.schemaExists, `CREATE SCHEMA ${schema};`);
    const pending = db.pending ?? [];
    check(
      'Database',
      'identsphere migrate up has been run',
      db.schemaExists === true && pending.length === 0,
      `pending: ${pending.join(', ') || 'all (schema missing)'}`,
    );
    if (db.signingKeys !== undefined) {
      // Outside production the first token request creates one; production keys come from the operator.
      const required = (v.IDENTSPHERE_ENV ?? 'development') === 'production';
      check(
        'Database',
        'An access-token signing key exists',
        db.signingKeys > 0 || !required,
        'none: run identsphere keys rotate (then the Cron Trigger rotates it)',
        `${db.signingKeys} published`,
      );
    }
  }
  manual(
    'Database',
    'Backups configured AND verified via restore',
    'Neon: point-in-time restore; restore into a branch and run identsphere smoke against it',
  );
  const retention = v.IDENTSPHERE_AUDIT_RETENTION_DAYS;
  check(
    'Database',
    'Audit log retention is scheduled',
    input.wrangler.crons.length > 0,
    'add [triggers] crons (the scheduled handler prunes audit_logs)',
    `crons ${input.wrangler.crons.join(', ')}; IDENTSPHERE_AUDIT_RETENTION_DAYS=${retention ?? 'default'}`,
  );

  // Email
  const provider = v.IDENTSPHERE_EMAIL_PROVIDER ?? 'log';
  check(
    'Email',
    'A real EmailSender is wired up (not LogOnlySender)',
    !['log', 'memory'].includes(provider),
    `IDENTSPHERE_EMAIL_PROVIDER=${provider} delivers nothing`,
    provider,
  );
  if (!['log', 'memory'].includes(provider)) {
    check(
      'Email',
      `The ${provider} API key is set (IDENTSPHERE_EMAIL_API_KEY, a secret)`,
      !!v.IDENTSPHERE_EMAIL_API_KEY,
      'wrangler secret put IDENTSPHERE_EMAIL_API_KEY',
    );
  }
  check(
    'Email',
    'IDENTSPHERE_FROM_EMAIL is set',
    !!v.IDENTSPHERE_FROM_EMAIL && !problem('IDENTSPHERE_FROM_EMAIL'),
    'set a verified sender address on your domain',
    v.IDENTSPHERE_FROM_EMAIL ?? '',
  );
  manual('Email', 'Sender domain verified; reverse DNS / SPF / DKIM / DMARC configured', 'at your DNS host and email provider');
  manual('Email', 'A test password reset reached a real inbox', 'POST /v1/auth/password/forgot with your own address');

  // WebAuthn
  const base = safeUrl(v.IDENTSPHERE_PUBLIC_BASE_URL);
  check(
    'WebAuthn / passkeys',
    "IDENTSPHERE_RP_ID matches the public base URL's host",
    !!v.IDENTSPHERE_RP_ID && !problem('IDENTSPHERE_RP_ID'),
    problem('IDENTSPHERE_RP_ID') || `set IDENTSPHERE_RP_ID=${base?.hostname ?? '<host>'}`,
  );
  check(
    'WebAuthn / passkeys',
    'IDENTSPHERE_RP_ORIGIN matches the full URL',
    !!v.IDENTSPHERE_RP_ORIGIN && !problem('IDENTSPHERE_RP_ORIGIN'),
    problem('IDENTSPHERE_RP_ORIGIN') || `set IDENTSPHERE_RP_ORIGIN=${base?.origin ?? '<origin>'}`,
  );
  manual('WebAuthn / passkeys', 'Enrolled a passkey and signed in with it from a clean browser', '');

  // OAuth
  for (const provider of ['google', 'github']) {
    const id = v[`IDENTSPHERE_${provider.toUpperCase()}_CLIENT_ID`];
    if (id)
      info(
        'OAuth',
        `${provider}: register this redirect URI with the provider`,
        `${base?.origin ?? '<public base url>'}/v1/auth/oauth/${provider}/callback`,
      );
  }
  manual('OAuth', 'Completed a round trip through each configured provider', '');

  // CORS
  fromConfig(
    'CORS',
    'CORS configured explicitly (no Access-Control-Allow-Origin: *)',
    'IDENTSPHERE_CORS_ORIGINS',
    v.IDENTSPHERE_CORS_ORIGINS ?? '',
  );
  info('CORS', 'Access-Control-Allow-Credentials: true', 'always sent for allowed origins');
  manual('CORS', "The frontend uses credentials: 'include'", '');

  deploymentChecks(input, list);

  // Anything else the runtime guard would refuse (invalid values were reported at the top).
  if (!parsed.ok) return out;
  for (const p of problems.filter((p) => !COVERED.has(p.setting))) {
    out.push({ section: 'Runtime guard', item: p.setting, status: 'fail', detail: p.reason });
  }
  return out;
}

function safeUrl(value: string | undefined): URL | null {
  try {
    return value ? new URL(value) : null;
  } catch {
    return null;
  }
}
