import { type AnyColumn, type SQL, sql } from 'drizzle-orm';

/**
 * Whether an account is disabled at `now`: disabled_at set, and no disabled_until or one still ahead. A
 * disable with an end lifts itself at that instant, in every check, without waiting for a job to clear it.
 */
export function isDisabled(user: { disabledAt: Date | null; disabledUntil: Date | null }, now: Date): boolean {
  return user.disabledAt !== null && (user.disabledUntil === null || user.disabledUntil.getTime() > now.getTime());
}

/** isDisabled as a SQL condition on the users table (for checks made inside a statement or batch). */
export function disabledSql(users: { disabledAt: AnyColumn; disabledUntil: AnyColumn }, now: Date): SQL {
  return sql`(${users.disabledAt} is not null and (${users.disabledUntil} is null or ${users.disabledUntil} > ${now.toISOString()}::timestamptz))`;
}
