#!/usr/bin/env node
// The `identsphere` command (Node >= 22.18): migrate, doctor, smoke, audit prune, keys, secret generate.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { openDatabase } from './db.ts';
import { listKeys, rotateKeys } from './keys.ts';
import { migrateUp, migrationStatus, quoteSchema } from './migrate.ts';
import { smoke } from './smoke.ts';

const USAGE = `usage: identsphere <command>

  migrate up                     apply drizzle/ migrations to DATABASE_URL in IDENTSPHERE_SCHEMA (idempotent)
  migrate status                 list applied and pending migrations
  doctor [--env production] [--config wrangler.toml] [--vars-file FILE]... [--compare-vars FILE]...
                                 the production checklist as code; exit 1 on any failing item
  smoke <base-url>               register, session, logout, session 401 against a running deployment
  audit prune --older-than DAYS  delete audit_logs rows older than DAYS (in batches)
  keys rotate                    add an access-token signing key (signs after the JWKS caches learned it)
  keys list                      the signing keys and their state (pending, signing, retired, expired)
  secret generate                32 random bytes, hex (for IDENTSPHERE_JWT_SECRET, IDENTSPHERE_ENCRYPTION_KEY)
  email preview <kind> [--locale en|de|fr|es] [--out DIR] [--templates DIR]
                                 write <kind>.<locale>.html and .txt with sample values (overrides from
                                 email-templates/ applied); kinds: verify_email, password_reset, email_otp,
                                 password_changed, email_change_verify, email_change_in_use,
                                 email_changed_notice, organization_invitation

  users list [--query Q] [--disabled | --enabled] [--limit N] [--cursor C]
                                 find users (email prefix or name), newest first
  users show <id|email>          profile, organizations, sessions, identities, MFA, passkeys, recent sign-ins
  users disable <id|email> --reason R [--until ISO-8601]
                                 revoke every session and refuse every sign-in (until --until, if given)
  users enable|sign-out|verify-email <id|email>
  users reset-mfa <id|email> [--passkeys]
                                 remove TOTP and recovery codes (and every passkey with --passkeys)
  users delete <id|email> --yes  delete the account completely, as self-service deletion does
  admin grant|revoke <email>     make a user a platform administrator (admin API), or no longer
  admin list                     the platform administrators
  api-keys create --name N --scopes S[,S…]
                                 a server API key for /v1/admin (printed once); scopes: users:read,
                                 users:write, organizations:read, audit:read, webhooks:write
  api-keys list | api-keys revoke <id>

  --json                         machine-readable output (users, admin, api-keys)

Database commands read DATABASE_URL and IDENTSPHERE_SCHEMA (default identsphere) from the environment;
users, admin and api-keys speak Neon's HTTP protocol like the Worker (IDENTSPHERE_DATABASE_LOCAL_HTTP=true
for the local endpoint). Exit codes: 0 done, 1 failed or refused, 2 usage, 4 no such user or key.`;

function fail(message: string): never {
  console.error(`identsphere: ${message}`);
  process.exit(2);
}

function databaseUrl(): string {
  return process.env.DATABASE_URL || fail('DATABASE_URL is not set');
}

function schemaName(): string {
  const schema = process.env.IDENTSPHERE_SCHEMA ?? 'identsphere';
  try {
    quoteSchema(schema);
  } catch {
    fail(`IDENTSPHERE_SCHEMA must be a lower-case Postgres identifier, got ${schema}`);
  }
  return schema;
}

async function migrate(sub: string | undefined): Promise<number> {
  const schema = schemaName();
  const db = await openDatabase(databaseUrl());
  try {
    if (sub === 'status') {
      const { applied, pending } = await migrationStatus(db, schema);
      for (const m of applied) console.log(`applied  ${m.tag}`);
      for (const m of pending) console.log(`pending  ${m.tag}`);
      console.log(`${applied.length} applied, ${pending.length} pending (schema ${schema})`);
      return 0;
    }
    if (sub !== 'up') fail(`unknown migrate command: ${sub ?? '(none)'}\n${USAGE}`);
    const exists = (await db.query('select 1 from information_schema.schemata where schema_name = $1', [schema])).rows.length > 0;
    if (!exists) {
      const [[canCreate]] = (await db.query("select has_database_privilege(current_user, current_database(), 'CREATE')::text")).rows as [
        [string],
      ];
      if (canCreate !== 'true') {
        fail(`schema ${schema} does not exist and this user may not create it: run CREATE SCHEMA ${schema}; as its owner`);
      }
    }
    const applied = await migrateUp(db, schema);
    console.log(applied.length ? `applied ${applied.join(', ')} (schema ${schema})` : `up to date (schema ${schema})`);
    return 0;
  } finally {
    await db.close();
  }
}

async function auditPrune(days: number): Promise<number> {
  if (!Number.isInteger(days) || days < 1) fail('--older-than takes a whole number of days >= 1');
  const s = quoteSchema(schemaName());
  const db = await openDatabase(databaseUrl());
  let total = 0;
  try {
    for (;;) {
      const { rows } = await db.query(
        `with doomed as (select id from ${s}.audit_logs where created_at < now() - make_interval(days => $1::int) limit 5000)
         delete from ${s}.audit_logs where id in (select id from doomed) returning id`,
        [days],
      );
      total += rows.length;
      if (rows.length < 5000) break;
    }
  } finally {
    await db.close();
  }
  console.log(`deleted ${total} audit_logs rows older than ${days} days`);
  return 0;
}

async function keys(sub: string | undefined): Promise<number> {
  if (sub !== 'rotate' && sub !== 'list') fail(`unknown keys command: ${sub ?? '(none)'}\n${USAGE}`);
  const schema = schemaName();
  const encryptionKey = process.env.IDENTSPHERE_ENCRYPTION_KEY || undefined;
  if (encryptionKey !== undefined && !/^[0-9a-fA-F]{64}$/.test(encryptionKey)) fail('IDENTSPHERE_ENCRYPTION_KEY must be 64 hex characters');
  // Without it the private key would be sealed under the development key, which the production Worker cannot open.
  if (sub === 'rotate' && !encryptionKey && process.env.IDENTSPHERE_ENV === 'production') fail('IDENTSPHERE_ENCRYPTION_KEY is not set');
  const db = await openDatabase(databaseUrl());
  try {
    if (sub === 'rotate') {
      const key = await rotateKeys(db, schema, encryptionKey, new Date());
      console.log(`created key ${key.kid}: published now, signs from ${key.activatesAt.toISOString()}`);
    } else {
      for (const k of await listKeys(db, schema, new Date())) {
        console.log(
          `${k.kid}  ${k.state.padEnd(7)}  created ${k.createdAt}  signs ${k.activatesAt} → ${k.retiresAt ?? '…'}  published until ${k.expiresAt ?? '…'}`,
        );
      }
    }
    return 0;
  } finally {
    await db.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      env: { type: 'string' },
      config: { type: 'string', default: 'wrangler.toml' },
      'vars-file': { type: 'string', multiple: true, default: [] },
      'compare-vars': { type: 'string', multiple: true, default: [] },
      'older-than': { type: 'string' },
      json: { type: 'boolean', default: false },
      name: { type: 'string' },
      scopes: { type: 'string' },
      query: { type: 'string' },
      disabled: { type: 'boolean' },
      enabled: { type: 'boolean' },
      limit: { type: 'string' },
      cursor: { type: 'string' },
      reason: { type: 'string' },
      until: { type: 'string' },
      passkeys: { type: 'boolean', default: false },
      yes: { type: 'boolean', default: false },
      locale: { type: 'string' },
      out: { type: 'string' },
      templates: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, sub, arg] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  switch (command) {
    case 'migrate':
      return migrate(sub);
    case 'doctor': {
      // Loaded on demand: it reads wrangler's configuration through wrangler itself (slow to import).
      const { doctor, formatChecks } = await import('./doctor.ts');
      const results = await doctor({
        env: values.env,
        config: values.config!,
        varsFiles: values['vars-file']!,
        // Another environment's secret must differ: compare with the dev one by default.
        compareVars: values['compare-vars']!.length ? values['compare-vars']! : values.env ? ['.dev.vars'] : [],
        processEnv: process.env,
      });
      console.log(`identsphere doctor — environment ${values.env ?? '(top level)'} of ${values.config}`);
      console.log(formatChecks(results));
      return results.some((r) => r.status === 'fail') ? 1 : 0;
    }
    case 'smoke': {
      if (!sub) fail('smoke needs the base URL, e.g. identsphere smoke https://auth.example.com');
      const steps = await smoke(sub);
      for (const s of steps) console.log(`${s.ok ? 'PASS' : 'FAIL'}  ${s.name} — ${s.detail}`);
      const ok = steps.length === 4 && steps.every((s) => s.ok);
      console.log(ok ? 'smoke test passed' : 'smoke test FAILED');
      return ok ? 0 : 1;
    }
    case 'audit':
      if (sub !== 'prune') fail(`unknown audit command: ${sub ?? '(none)'}`);
      return auditPrune(Number(values['older-than'] ?? arg));
    case 'keys':
      return keys(sub);
    case 'users':
    case 'admin':
    case 'api-keys': {
      const { cliDataDeps } = await import('./cli-deps.ts');
      const { runAdminCommand } = await import('./admin-commands.ts');
      const deps = cliDataDeps(databaseUrl(), schemaName(), process.env);
      const disabled = values.disabled ? true : values.enabled ? false : undefined;
      const result = await runAdminCommand(deps, command, sub, arg, {
        ...values,
        disabled,
        json: values.json!,
        passkeys: values.passkeys!,
        yes: values.yes!,
      });
      if (result.stdout.length) console.log(result.stdout.join('\n'));
      if (result.stderr.length) console.error(result.stderr.join('\n'));
      return result.code;
    }
    case 'email': {
      if (sub !== 'preview') fail(`unknown email command: ${sub ?? '(none)'}`);
      const { emailPreview } = await import('./email-preview.ts');
      const result = emailPreview(arg, values);
      if (result.code === 2) fail(result.lines.join('\n'));
      console.log(result.lines.join('\n'));
      return result.code;
    }
    case 'secret':
      if (sub !== 'generate') fail(`unknown secret command: ${sub ?? '(none)'}`);
      console.log(randomBytes(32).toString('hex'));
      return 0;
    default:
      fail(`unknown command: ${command}\n${USAGE}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(`identsphere: ${err.message}`);
    process.exit(1);
  },
);
