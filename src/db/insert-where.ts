import { getTableColumns, is, SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './client.ts';

/**
 * `INSERT … SELECT <values> WHERE <guard> RETURNING 1`: the row is inserted only if `guard` holds when the
 * statement runs. In a batch after the statement that consumed a single-use secret, this makes the insert
 * (a session, an audit event) happen for the one request that consumed it and for no other.
 * The result's `rowCount` says whether the row was inserted. A value may be an SQL expression (e.g. a
 * subquery), evaluated in the same statement.
 */
export function insertWhere<T extends PgTable>(
  db: Db,
  table: T,
  row: { [K in keyof T['$inferInsert']]: T['$inferInsert'][K] | SQL },
  guard: SQL,
) {
  const values = row as Record<string, unknown>;
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => values[key] !== undefined);
  const names = sql.join(
    columns.map(([, column]) => sql.identifier(column.name)),
    sql`, `,
  );
  // Explicit casts: parameters in a select list would otherwise arrive as text.
  const selected = sql.join(
    columns.map(([key, column]) => {
      const value = values[key];
      return is(value, SQL)
        ? sql`(${value})::${sql.raw(column.getSQLType())}`
        : sql`${sql.param(value, column)}::${sql.raw(column.getSQLType())}`;
    }),
    sql`, `,
  );
  return db.execute(sql`insert into ${table} (${names}) select ${selected} where ${guard} returning 1`);
}
