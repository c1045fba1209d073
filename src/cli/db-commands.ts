// `identsphere migrate up|status`, `audit prune`, `keys rotate|list`: the commands that work on the database
// over the CLI's own connection (src/cli/db.ts). Data through the Output (text or --json), progress on stderr.
import { UsageError } from './cli-args.ts';
import type { Output } from './cli-output.ts';
import { openDatabase } from './db.ts';
import { listKeys, rotateKeys } from './keys.ts';
import { migrateUp, migrationStatus, quoteSchema } from './migrate.ts';

export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new UsageError('DATABASE_URL is not set');
  return url;
}

export function schemaName(): string {
  const schema = process.env.IDENTSPHERE_SCHEMA ?? 'identsphere';
  try {
    quoteSchema(schema);
  } catch {
    throw new UsageError(`IDENTSPHERE_SCHEMA must be a lower-case Postgres identifier, got ${schema}`);
  }
  return schema;
}

export async function migrate(sub: string | undefined, out: Output): Promise<number> {
  const schema = schemaName();
  const db = await openDatabase(databaseUrl());
  try {
    if (sub === 'status') {
      const { applied, pending } = await migrationStatus(db, schema);
      const data = { schema, applied: applied.map((m) => m.tag), pending: pending.map((m) => m.tag) };
      out.data(data, (paint) =>
        [
          ...data.applied.map((tag) => `${paint('green', 'applied')}  ${tag}`),
          ...data.pending.map((tag) => `${paint('yellow', 'pending')}  ${tag}`),
          `${applied.length} applied, ${pending.length} pending (schema ${schema})`,
        ].join('\n'),
      );
      return 0;
    }
    const exists = (await db.query('select 1 from information_schema.schemata where schema_name = $1', [schema])).rows.length > 0;
    if (!exists) {
      const [[canCreate]] = (await db.query("select has_database_privilege(current_user, current_database(), 'CREATE')::text")).rows as [
        [string],
      ];
      if (canCreate !== 'true') {
        throw new UsageError(`schema ${schema} does not exist and this user may not create it: run CREATE SCHEMA ${schema}; as its owner`);
      }
    }
    const applied = await migrateUp(db, schema, undefined, (done, total, tag) => out.progress(`applying ${done}/${total} ${tag}…`));
    out.data({ schema, applied }, () =>
      applied.length ? `applied ${applied.join(', ')} (schema ${schema})` : `up to date (schema ${schema})`,
    );
    return 0;
  } finally {
    await db.close();
  }
}

const PRUNE_BATCH = 5000;

export async function auditPrune(olderThan: string | undefined, out: Output): Promise<number> {
  const days = Number(olderThan);
  if (!Number.isInteger(days) || days < 1) throw new UsageError('--older-than takes a whole number of days >= 1');
  const s = quoteSchema(schemaName());
  const db = await openDatabase(databaseUrl());
  let total = 0;
  try {
    for (let batch = 1; ; batch++) {
      const { rows } = await db.query(
        `with doomed as (select id from ${s}.audit_logs where created_at < now() - make_interval(days => $1::int) limit ${PRUNE_BATCH})
         delete from ${s}.audit_logs where id in (select id from doomed) returning id`,
        [days],
      );
      total += rows.length;
      if (rows.length < PRUNE_BATCH) break;
      out.progress(`pruning audit_logs: batch ${batch}, ${total} rows deleted so far…`);
    }
  } finally {
    await db.close();
  }
  out.data({ deleted: total, older_than_days: days }, () => `deleted ${total} audit_logs rows older than ${days} days`);
  return 0;
}

export async function keys(sub: string | undefined, out: Output): Promise<number> {
  const schema = schemaName();
  const encryptionKey = process.env.IDENTSPHERE_ENCRYPTION_KEY || undefined;
  if (encryptionKey !== undefined && !/^[0-9a-fA-F]{64}$/.test(encryptionKey)) {
    throw new UsageError('IDENTSPHERE_ENCRYPTION_KEY must be 64 hex characters');
  }
  // Without it the private key would be sealed under the development key, which the production Worker cannot open.
  if (sub === 'rotate' && !encryptionKey && process.env.IDENTSPHERE_ENV === 'production') {
    throw new UsageError('IDENTSPHERE_ENCRYPTION_KEY is not set');
  }
  const db = await openDatabase(databaseUrl());
  try {
    if (sub === 'rotate') {
      const key = await rotateKeys(db, schema, encryptionKey, new Date());
      const data = { kid: key.kid, activates_at: key.activatesAt.toISOString() };
      out.data(data, () => `created key ${data.kid}: published now, signs from ${data.activates_at}`);
    } else {
      const listed = await listKeys(db, schema, new Date());
      out.data(listed, () =>
        listed
          .map(
            (k) =>
              `${k.kid}  ${k.state.padEnd(7)}  created ${k.createdAt}  signs ${k.activatesAt} → ${k.retiresAt ?? '…'}  published until ${k.expiresAt ?? '…'}`,
          )
          .join('\n'),
      );
    }
    return 0;
  } finally {
    await db.close();
  }
}
