/** Postgres error fields as the Neon driver reports them (a NeonDbError, possibly wrapped by drizzle). */
export interface PgErrorInfo {
  code?: string;
  constraint?: string;
}

function* causes(err: unknown): Generator<unknown> {
  for (let e = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) yield e;
}

export function pgError(err: unknown): PgErrorInfo | null {
  for (const e of causes(err)) {
    if (e instanceof Error && e.name === 'NeonDbError') {
      const { code, constraint } = e as Error & PgErrorInfo;
      return { code, constraint };
    }
  }
  return null;
}

export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const info = pgError(err);
  return info?.code === '23505' && (!constraint || info.constraint === constraint);
}

/** A foreign key violation: the row referenced was deleted by a concurrent request (e.g. the account). */
export function isForeignKeyViolation(err: unknown): boolean {
  return pgError(err)?.code === '23503';
}

/** Deadlock (40P01) or serialization failure (40001): the transaction was rolled back and may be re-run. */
export function isRetryableConflict(err: unknown): boolean {
  const code = pgError(err)?.code;
  return code === '40P01' || code === '40001';
}

/**
 * True when the database could not be reached or could not serve (connection failure, HTTP-level error,
 * SQLSTATE classes 08/53/57/58): the request fails closed with 503 and, being one atomic batch, wrote nothing.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  const info = pgError(err);
  if (!info) return false;
  if (!info.code) return true;
  return /^(08|53|57|58)/.test(info.code);
}
