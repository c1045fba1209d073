import { type AnyColumn, type SQL, sql } from 'drizzle-orm';

/** Consecutive failures allowed before backoff starts; then 1, 2, 4, … seconds, capped. */
export const FREE_FAILURES = 3;
export const MAX_BACKOFF_SECONDS = 300;

/** The backoff after `failures` consecutive failures (0 while within the free ones). */
export function backoffSeconds(failures: number): number {
  return failures <= FREE_FAILURES ? 0 : Math.min(MAX_BACKOFF_SECONDS, 2 ** (failures - FREE_FAILURES - 1));
}

/**
 * SET expressions for one atomic "count a failure, lock from the new count" update (`backoffSeconds` in SQL):
 * concurrent failures can neither lose an increment nor shorten the lock (no read-modify-write across round trips).
 */
export function countFailureSql(
  counter: AnyColumn,
  now: Date,
  free = FREE_FAILURES,
  max = MAX_BACKOFF_SECONDS,
): { count: SQL; lockedUntil: SQL } {
  return {
    count: sql`${counter} + 1`,
    lockedUntil: sql`case when ${counter} + 1 > ${free}
      then ${now.toISOString()}::timestamptz + least(${max}, power(2, ${counter} + 1 - ${free + 1})) * interval '1 second'
      else null end`,
  };
}
