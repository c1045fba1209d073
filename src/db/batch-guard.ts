import { type SQL, sql } from 'drizzle-orm';
import type { Db } from './client.ts';
import { pgError } from './errors.ts';

/**
 * A batch statement that aborts the whole batch (one transaction: nothing is written) unless `condition` holds
 * at that point of the transaction. Used where a statement cannot carry the guard in a WHERE clause (an
 * INSERT of a session): e.g. "this request's conditional UPDATE consumed the token". The condition must not be
 * a constant (Postgres may fold constants at plan time); it is always a subquery here.
 */
export function abortUnless(db: Db, condition: SQL) {
  return db.execute(sql`select 1 / (case when ${condition} then 1 else 0 end) as identsphere_guard`);
}

/** True when a batch failed because an `abortUnless` guard did not hold (division_by_zero). */
export function isGuardAbort(err: unknown): boolean {
  return pgError(err)?.code === '22012';
}
