import { sql } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';

/**
 * What the database schema itself says about where a user's data lives, so export and deletion cover tables
 * added later by other features without being told about them: every foreign key that references users(id)
 * (per-user tables: exported; deleted by ON DELETE CASCADE).
 */
export interface UserReference {
  table: string;
  column: string;
  /** pg_constraint.confdeltype: c = cascade, n = set null, d = set default, r = restrict, a = no action. */
  onDelete: 'c' | 'n' | 'd' | 'r' | 'a';
}

export async function userReferences(deps: Deps): Promise<UserReference[]> {
  const result = await deps.db.execute<{ table: string; column: string; on_delete: UserReference['onDelete'] }>(sql`
    select cl.relname as "table", a.attname as "column", c.confdeltype::text as on_delete
    from pg_constraint c
    join pg_class cl on cl.oid = c.conrelid
    join pg_namespace n on n.oid = cl.relnamespace
    join pg_class target on target.oid = c.confrelid and target.relname = 'users' and target.relnamespace = n.oid
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
    where c.contype = 'f' and n.nspname = ${deps.config.IDENTSPHERE_SCHEMA}
    order by 1, 2`);
  return result.rows.map((r) => ({ table: r.table, column: r.column, onDelete: r.on_delete }));
}

/** `"schema"."table"` for a name read from the catalog. */
export function qualified(deps: Deps, table: string) {
  return sql`${sql.identifier(deps.config.IDENTSPHERE_SCHEMA)}.${sql.identifier(table)}`;
}
