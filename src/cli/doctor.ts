// `identsphere doctor [--env production]`: gathers what the checks need and prints the checklist table.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { unstable_readConfig } from 'wrangler';
import { type Paint, plain } from './cli-output.ts';
import { openDatabase } from './db.ts';
import type { CheckResult, DoctorInput } from './doctor-checklist.ts';
import { fingerprint, runChecks } from './doctor-checks.ts';
import { migrationStatus, quoteSchema } from './migrate.ts';

export interface DoctorOptions {
  env?: string;
  config: string;
  varsFiles: string[];
  compareVars: string[];
  processEnv: NodeJS.ProcessEnv;
}

/** Parses a .dev.vars / .env style file: KEY=VALUE lines, # comments, optional quotes. */
export function parseVarsFile(path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (m && !line.trimStart().startsWith('#')) out[m[1]!] = m[2]!.replace(/^(['"])(.*)\1$/, '$2');
  }
  return out;
}

async function countSigningKeys(db: Awaited<ReturnType<typeof openDatabase>>, schema: string): Promise<number> {
  const { rows } = await db.query(
    `select count(*)::text from ${quoteSchema(schema)}.signing_keys where expires_at is null or expires_at > now()`,
  );
  return Number(rows[0]?.[0] ?? 0);
}

async function inspectDatabase(url: string | undefined, schema: string, env: NodeJS.ProcessEnv): Promise<DoctorInput['database']> {
  if (!url) return null;
  let db;
  try {
    db = await openDatabase(url, env);
    const [[version]] = (await db.query('show server_version_num')).rows as [[string]];
    const exists = (await db.query('select 1 from information_schema.schemata where schema_name = $1', [schema])).rows.length > 0;
    const pending = exists ? (await migrationStatus(db, schema)).pending.map((m) => m.tag) : undefined;
    const signingKeys = exists && !pending?.length ? await countSigningKeys(db, schema) : undefined;
    return { serverVersionNum: Number(version), schemaExists: exists, pending, signingKeys };
  } catch (err) {
    return { error: `cannot query the database: ${(err as Error).message}` };
  } finally {
    await db?.close();
  }
}

export async function doctor(opts: DoctorOptions): Promise<CheckResult[]> {
  const config = unstable_readConfig({ config: resolve(opts.config), env: opts.env });
  const vars = Object.fromEntries(Object.entries(config.vars ?? {}).map(([k, val]) => [k, String(val)]));
  const fromFiles = Object.assign({}, ...opts.varsFiles.map(parseVarsFile)) as Record<string, string>;
  // IDENTSPHERE_DATABASE_LOCAL_HTTP in this process's environment is the CLI's own transport switch (dev/test),
  // not a setting of the Worker being checked.
  const fromProcess = Object.fromEntries(
    Object.entries(opts.processEnv).filter(
      ([k, val]) => (k.startsWith('IDENTSPHERE_') || k === 'DATABASE_URL') && k !== 'IDENTSPHERE_DATABASE_LOCAL_HTTP' && val !== undefined,
    ),
  ) as Record<string, string>;
  // As the Worker sees them: wrangler vars, overlaid by secrets (given as files or environment variables).
  const values = { ...vars, ...fromFiles, ...fromProcess };
  const others = opts.compareVars
    .filter((f) => existsSync(f))
    .map((f) => ({ source: f, secret: parseVarsFile(f).IDENTSPHERE_JWT_SECRET }))
    .filter((o): o is { source: string; secret: string } => !!o.secret)
    .map((o) => ({ source: o.source, fingerprint: fingerprint(o.secret) }));
  const schema = values.IDENTSPHERE_SCHEMA ?? 'identsphere';
  quoteSchema(schema);
  const input: DoctorInput = {
    envName: opts.env ?? 'default',
    wrangler: {
      vars,
      kvNamespaces: config.kv_namespaces ?? [],
      r2Buckets: config.r2_buckets ?? [],
      rateLimits: (config.ratelimits ?? []).map((r: { name: string }) => r.name),
      crons: config.triggers?.crons ?? [],
      observability: config.observability?.enabled === true,
      analyticsEngine: (config.analytics_engine_datasets ?? []).map((d: { binding: string }) => d.binding),
      queueProducers: config.queues?.producers ?? [],
      queueConsumers: config.queues?.consumers ?? [],
    },
    values,
    otherSecretFingerprints: others,
    database: await inspectDatabase(values.DATABASE_URL, schema, opts.processEnv),
  };
  return runChecks(input);
}

const MARK = { pass: ['PASS  ', 'green'], fail: ['FAIL  ', 'red'], manual: ['MANUAL', 'yellow'], info: ['INFO  ', 'dim'] } as const;

export function formatChecks(results: CheckResult[], paint: Paint = plain): string {
  const lines: string[] = [];
  let section = '';
  for (const r of results) {
    if (r.section !== section) {
      section = r.section;
      lines.push('', section);
    }
    lines.push(`  ${paint(MARK[r.status][1], MARK[r.status][0])}  ${r.item}${r.detail ? ` — ${r.detail}` : ''}`);
  }
  const count = (s: string) => results.filter((r) => r.status === s).length;
  lines.push('', `${count('pass')} passed, ${count('fail')} failed, ${count('manual')} manual steps to confirm by hand`);
  return lines.join('\n');
}
