import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './client.ts';

/**
 * `INSERT … SELECT … WHERE guard`: an insert that happens only when `guard` holds, for batches whose effects
 * must apply only if their single-use token was consumed by this very request (see consumeToken). Values are
 * bound parameters cast to each column's type.
 */
export function guardedInsert<T extends PgTable>(db: Db, table: T, values: T['$inferInsert'], guard: SQL) {
  const columns = getTableColumns(table) as Record<string, ReturnType<typeof getTableColumns<T>>[string]>;
  const names: SQL[] = [];
  const params: SQL[] = [];
  for (const [key, value] of Object.entries(values as Record<string, unknown>)) {
    const column = columns[key];
    if (value === undefined) continue;
    if (!column) throw new Error(`guardedInsert: no column ${key}`);
    names.push(sql`${sql.identifier(column.name)}`);
    params.push(sql`${sql.param(value, column)}::${sql.raw(column.getSQLType())}`);
  }
  return db.execute(sql`insert into ${table} (${sql.join(names, sql`, `)}) select ${sql.join(params, sql`, `)} where ${guard}`);
}
