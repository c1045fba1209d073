// Applies drizzle/ migrations into the schema named by IDENTSPHERE_SCHEMA. Node-side (dev server, tests, CLI).
// Bookkeeping is drizzle-kit's own (`<schema>.__drizzle_migrations`: sha256 of the file, journal timestamp),
// so `drizzle-kit migrate` and this migrator agree on what has been applied.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface MigrationTarget {
  query(sql: string, params?: unknown[]): Promise<{ rows: (string | null)[][] }>;
  transaction<T>(fn: (query: MigrationTarget['query']) => Promise<T>): Promise<T>;
}

export interface Migration {
  tag: string;
  when: number;
  hash: string;
  statements: string[];
}

export const MIGRATIONS_DIR = new URL('../../drizzle/', import.meta.url).pathname;
const GENERATED_SCHEMA = '"identsphere"';

export function quoteSchema(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`invalid schema name: ${schema}`);
  return `"${schema}"`;
}

export async function readMigrations(schema: string, dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const journal = JSON.parse(await readFile(join(dir, 'meta/_journal.json'), 'utf8')) as {
    entries: { tag: string; when: number }[];
  };
  const target = quoteSchema(schema);
  return Promise.all(
    journal.entries.map(async ({ tag, when }) => {
      const text = await readFile(join(dir, `${tag}.sql`), 'utf8');
      return {
        tag,
        when,
        hash: createHash('sha256').update(text).digest('hex'),
        statements: text
          .split('--> statement-breakpoint')
          .map((s) => s.trim())
          .filter(Boolean)
          .map((s) => s.replaceAll(GENERATED_SCHEMA, target)),
      };
    }),
  );
}

export interface MigrationStatus {
  applied: Migration[];
  pending: Migration[];
}

export async function migrationStatus(db: MigrationTarget, schema: string, dir?: string): Promise<MigrationStatus> {
  const migrations = await readMigrations(schema, dir);
  const exists = await db.query(`select 1 from information_schema.tables where table_schema = $1 and table_name = '__drizzle_migrations'`, [
    schema,
  ]);
  const appliedHashes = new Set<string>();
  let lastWhen = -1;
  if (exists.rows.length) {
    const { rows } = await db.query(`select hash, created_at from ${quoteSchema(schema)}.__drizzle_migrations`);
    for (const [hash, createdAt] of rows) {
      appliedHashes.add(String(hash));
      lastWhen = Math.max(lastWhen, Number(createdAt));
    }
  }
  // drizzle's rule: a migration is applied when its journal time is not after the newest recorded one.
  const isApplied = (m: Migration) => appliedHashes.has(m.hash) || m.when <= lastWhen;
  return { applied: migrations.filter(isApplied), pending: migrations.filter((m) => !isApplied(m)) };
}

/**
 * Applies pending migrations in one transaction; returns the tags applied (empty when up to date).
 * Concurrent runs (parallel deploy jobs, test workers) are serialised by a transaction-scoped advisory lock
 * per schema — `pg_advisory_xact_lock`, the variant that also holds across Neon's HTTP batches, where a
 * session lock would be released as soon as its statement ends. Without it two runs both create the schema
 * and the tables and one fails half-way. Whoever waited re-reads what is applied once it holds the lock.
 * `onProgress` hears of each migration as it starts (over Neon's HTTP batches: as it is queued, all at once,
 * before the one batch runs).
 */
export async function migrateUp(
  db: MigrationTarget,
  schema: string,
  dir?: string,
  onProgress?: (index: number, total: number, tag: string) => void,
): Promise<string[]> {
  const { pending } = await migrationStatus(db, schema, dir);
  if (!pending.length) return [];
  const s = quoteSchema(schema);
  return db.transaction(async (query) => {
    await query(`select pg_advisory_xact_lock(hashtext($1))`, [`identsphere:migrate:${schema}`]);
    // Inside the lock (interactive transactions only; a Neon HTTP batch sees no results here and keeps the list).
    const appliedMeanwhile = new Set(
      (await migrationStatus({ query, transaction: db.transaction }, schema, dir)).applied.map((m) => m.tag),
    );
    const todo = pending.filter((m) => !appliedMeanwhile.has(m.tag));
    if (!todo.length) return [];
    await query(`create schema if not exists ${s}`);
    await query(`create table if not exists ${s}.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)`);
    for (const [i, m] of todo.entries()) {
      onProgress?.(i + 1, todo.length, m.tag);
      for (const statement of m.statements) await query(statement);
      await query(`insert into ${s}.__drizzle_migrations (hash, created_at) values ($1, $2)`, [m.hash, m.when]);
    }
    return todo.map((m) => m.tag);
  });
}
