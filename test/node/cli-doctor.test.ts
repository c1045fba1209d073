// `identsphere doctor`: the production checklist as code. On the repository's own production stanza (with
// its placeholder values and no secrets) it names each failing item and exits 1; on a fully valid
// configuration (bindings, secrets, a migrated database with a signing key) it exits 0.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type NeonLocal, startNeonLocal } from '@identsphere/neon-local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rotateKeys } from '../../src/cli/keys.ts';
import { migrateUp } from '../../src/cli/migrate.ts';
import { cli } from './cli-support.ts';

const repo = new URL('../../', import.meta.url).pathname;
const CLEAN_ENV = Object.fromEntries(
  Object.keys(process.env)
    .filter((k) => k.startsWith('IDENTSPHERE_') || k === 'DATABASE_URL')
    .map((k) => [k, undefined]),
);

let local: NeonLocal;
beforeAll(async () => {
  local = await startNeonLocal({});
});
afterAll(async () => {
  await local?.close();
});

const JOBS_QUEUES = `[[queues.producers]]
binding = "JOBS"
queue = "identsphere-jobs"
[[queues.consumers]]
queue = "identsphere-jobs"
max_retries = 14
dead_letter_queue = "identsphere-jobs-dlq"`;

/** A fully valid production setup: wrangler.toml, a secrets file, a migrated database, a dev.vars to compare. */
async function fullyValid(queues = JOBS_QUEUES, crons = '"17 3 * * *", "* * * * *"') {
  const dir = mkdtempSync(join(tmpdir(), 'doctor-'));
  const schema = 'doctor_ok';
  await migrateUp(local.backend, schema);
  // Production needs an access-token signing key (`identsphere keys rotate`).
  await rotateKeys(local.backend, schema, 'c'.repeat(64), new Date());
  writeFileSync(
    join(dir, 'wrangler.toml'),
    `name = "identsphere"
main = "${join(repo, 'src/index.ts')}"
compatibility_date = "2026-11-01"
[observability]
enabled = true
[triggers]
crons = [${crons}]
[vars]
IDENTSPHERE_ENV = "production"
IDENTSPHERE_PUBLIC_BASE_URL = "https://auth.example.com"
IDENTSPHERE_COOKIES_SECURE = "true"
IDENTSPHERE_SCHEMA = "${schema}"
IDENTSPHERE_CORS_ORIGINS = "https://app.example.com"
IDENTSPHERE_APP_URL = "https://app.example.com"
IDENTSPHERE_RP_ID = "auth.example.com"
IDENTSPHERE_RP_ORIGIN = "https://auth.example.com"
IDENTSPHERE_FROM_EMAIL = "no-reply@example.com"
IDENTSPHERE_EMAIL_PROVIDER = "resend"
[[kv_namespaces]]
binding = "SESSION_CACHE"
id = "4f6a1c2b3d4e5f60718293a4b5c6d7e8"
[[r2_buckets]]
binding = "AVATARS"
bucket_name = "identsphere-avatars"
[[analytics_engine_datasets]]
binding = "METRICS"
dataset = "identsphere_requests"
${queues}
${['LOGIN', 'REGISTER', 'PASSWORD_FORGOT', 'EMAIL_OTP', 'MFA_CHALLENGE', 'ACCOUNT', 'ADMIN']
  .map((n, i) => `[[ratelimits]]\nname = "RATE_LIMIT_${n}"\nnamespace_id = "${3001 + i}"\nsimple = { limit = 10, period = 60 }`)
  .join('\n')}
`,
  );
  const secrets = join(dir, 'production.vars');
  const secret = 'b'.repeat(64);
  writeFileSync(
    secrets,
    [
      `IDENTSPHERE_JWT_SECRET=${secret}`,
      `IDENTSPHERE_ENCRYPTION_KEY=${'c'.repeat(64)}`,
      'IDENTSPHERE_EMAIL_API_KEY=re_live_key',
      `DATABASE_URL=postgres://identsphere:local@127.0.0.1:${local.port}/identsphere?sslmode=require`,
    ].join('\n'),
  );
  const dev = join(dir, 'dev.vars');
  writeFileSync(dev, `IDENTSPHERE_JWT_SECRET=${'d'.repeat(64)}\n`);
  const env = { ...CLEAN_ENV, IDENTSPHERE_DATABASE_LOCAL_HTTP: 'true' };
  const args = ['doctor', '--config', join(dir, 'wrangler.toml'), '--vars-file', secrets];
  return { args, env, dev, secret };
}

describe('identsphere doctor', () => {
  it("fails the repository's placeholder production stanza, naming every failing item", async () => {
    const res = await cli(
      ['doctor', '--env', 'production', '--config', join(repo, 'wrangler.toml'), '--compare-vars', '/nonexistent'],
      CLEAN_ENV,
    );
    expect(res.code).toBe(1);
    const failing = res.stdout.split('\n').filter((l) => l.includes('FAIL'));
    for (const item of [
      'IDENTSPHERE_JWT_SECRET is at least 32 bytes',
      'Database connection string includes sslmode=require',
      'Database reachable — DATABASE_URL is not set',
      'The resend API key is set',
      'Session cache (KV) bound — replace the placeholder id',
    ]) {
      expect(
        failing.some((l) => l.includes(item)),
        `${item}\n${res.stdout}`,
      ).toBe(true);
    }
    // Items that hold in the stanza pass; items no program can check are manual.
    expect(res.stdout).toMatch(/PASS {4}POST \/v1\/auth\/login is rate-limited/);
    expect(res.stdout).toMatch(/PASS {4}IDENTSPHERE_COOKIES_SECURE=true/);
    expect(res.stdout).toMatch(/PASS {4}This Worker consumes the JOBS queue \(it sends the emails\) — identsphere-jobs/);
    expect(res.stdout).toMatch(/PASS {4}Jobs out of retries go to a dead-letter queue — identsphere-jobs-dlq/);
    expect(res.stdout).toMatch(/PASS {4}IDENTSPHERE_APP_URL is the frontend's https:\/\/ URL.* — https:\/\/app\.example\.com/);
    expect(res.stdout).toMatch(/MANUAL {2}Backups configured AND verified via restore/);
    expect(res.stdout).toMatch(/\d+ passed, \d+ failed, \d+ manual steps/);
  });

  it('passes a fully valid configuration (exit 0) and flags a secret shared with another environment', async () => {
    const { args, env, dev, secret } = await fullyValid();
    const ok = await cli([...args, '--compare-vars', dev], env);
    expect(ok.stdout).not.toMatch(/FAIL/);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/PASS {4}Postgres 14 or newer/);
    expect(ok.stdout).toMatch(/PASS {4}identsphere migrate up has been run/);

    writeFileSync(dev, `IDENTSPHERE_JWT_SECRET=${secret}\n`);
    const shared = await cli([...args, '--compare-vars', dev], env);
    expect(shared.code).toBe(1);
    expect(shared.stdout).toMatch(/FAIL {4}IDENTSPHERE_JWT_SECRET is distinct from every other environment — same secret as .*dev\.vars/);
  });

  it('fails without the JOBS queue producer, its consumer or a dead-letter queue', async () => {
    const none = await fullyValid('');
    const res = await cli(none.args, none.env);
    expect(res.code).toBe(1);
    expect(res.stdout).toMatch(/FAIL {4}Queue producer JOBS bound \(emails, webhooks\) — add \[\[queues\.producers\]\]/);
    expect(res.stdout).toMatch(/FAIL {4}This Worker consumes the JOBS queue/);

    const producerOnly = await fullyValid(JOBS_QUEUES.split('[[queues.consumers]]')[0]!);
    const half = await cli(producerOnly.args, producerOnly.env);
    expect(half.code).toBe(1);
    expect(half.stdout).toMatch(/PASS {4}Queue producer JOBS bound \(emails, webhooks\) — identsphere-jobs/);
    expect(half.stdout).toMatch(
      /FAIL {4}This Worker consumes the JOBS queue \(it sends the emails\) — add \[\[queues\.consumers\]\] queue = "identsphere-jobs"/,
    );
    expect(half.stdout).toMatch(/FAIL {4}Jobs out of retries go to a dead-letter queue/);
  });

  it('fails without the every-minute Cron Trigger that sweeps webhook events', async () => {
    const daily = await fullyValid(JOBS_QUEUES, '"17 3 * * *"');
    const res = await cli(daily.args, daily.env);
    expect(res.code).toBe(1);
    expect(res.stdout).toMatch(/FAIL {4}The webhook sweep runs every minute \(Cron Trigger\) — add "\* \* \* \* \*" to \[triggers\] crons/);
    const both = await fullyValid();
    expect((await cli(both.args, both.env)).stdout).toMatch(
      /PASS {4}The webhook sweep runs every minute \(Cron Trigger\) — 17 3 \* \* \*, \* \* \* \* \*/,
    );
  });

  it('fails when IDENTSPHERE_APP_URL is unset or http://', async () => {
    const { args, env, dev } = await fullyValid();
    // Without the app URL emailed links point at the auth host and 404; over http:// they leak their tokens.
    const unset = await cli([...args, '--compare-vars', dev], { ...env, IDENTSPHERE_APP_URL: '' });
    expect(unset.code).toBe(1);
    expect(unset.stdout).toMatch(/FAIL {4}IDENTSPHERE_APP_URL is the frontend's https:\/\/ URL.* — IDENTSPHERE_APP_URL is not set: .*404/);
    const http = await cli([...args, '--compare-vars', dev], { ...env, IDENTSPHERE_APP_URL: 'http://app.example.com' });
    expect(http.code).toBe(1);
    expect(http.stdout).toMatch(
      /FAIL {4}IDENTSPHERE_APP_URL is the frontend's https:\/\/ URL.* — IDENTSPHERE_APP_URL must be the frontend's https:\/\/ URL/,
    );
  });

  it('notes IDENTSPHERE_COOKIE_SAMESITE=none, and fails it without Secure cookies', async () => {
    const { args, env, dev } = await fullyValid();
    const none = await cli([...args, '--compare-vars', dev], { ...env, IDENTSPHERE_COOKIE_SAMESITE: 'none' });
    expect(none.stdout).not.toMatch(/FAIL/);
    expect(none.stdout).toMatch(/IDENTSPHERE_COOKIE_SAMESITE=none \(frontend on another site\) — browsers that block third-party cookies/);
    const insecure = await cli([...args, '--compare-vars', dev], {
      ...env,
      IDENTSPHERE_COOKIE_SAMESITE: 'none',
      IDENTSPHERE_COOKIES_SECURE: 'false',
    });
    expect(insecure.code).toBe(1);
    expect(insecure.stdout).toMatch(/FAIL {4}IDENTSPHERE_COOKIE_SAMESITE — none requires IDENTSPHERE_COOKIES_SECURE=true/);
  });

  it('fails a production database without an access-token signing key', async () => {
    const { args, env, dev } = await fullyValid();
    await local.backend.query('delete from doctor_ok.signing_keys', []);
    const res = await cli([...args, '--compare-vars', dev], env);
    expect(res.code).toBe(1);
    expect(res.stdout).toMatch(/FAIL {4}An access-token signing key exists — none: run identsphere keys rotate/);
  });
});
