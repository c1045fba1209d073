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

/**
 * True for SQLSTATE class 22 (data exception: NUL in text, a malformed or out-of-range value): input the
 * request schemas should have refused. The backstop answers 400 invalid_request instead of 500. 22012
 * (division_by_zero) is excluded: it is the batch guard's abort signal (src/db/batch-guard.ts), never input.
 */
export function isDataException(err: unknown): boolean {
  const code = pgError(err)?.code;
  return !!code && code.startsWith('22') && code !== '22012';
}

/** The SQL text of a failed drizzle query (DrizzleQueryError carries `query` and `params`), if any. */
function failedQuery(err: unknown): string | undefined {
  for (const e of causes(err)) {
    const q = (e as { query?: unknown; params?: unknown }).query;
    if (typeof q === 'string' && Array.isArray((e as { params?: unknown }).params)) return q;
  }
  return undefined;
}

/** Statement shape: column lists collapsed, any literal (quoted string, number) blanked, length bounded. */
function statementShape(query: string): string {
  const shape = query
    .replace(/\s+/g, ' ')
    .replace(/'(?:[^']|'')*'/g, "'?'")
    .replace(/\b\d+(\.\d+)?\b/g, (n, _f, offset: number, all: string) => (all[offset - 1] === '$' ? n : '?'))
    .replace(/ \("[^)]*\) values .*$/i, ' (…) values …');
  const collapsed = collapseSelectList(shape);
  return collapsed.length > 200 ? `${collapsed.slice(0, 200)}…` : collapsed;
}

/** `select <list> from t …` → `select … from t …`: up to the list's own FROM, past subqueries inside the list. */
function collapseSelectList(shape: string): string {
  const start = /^(with .*? )?select (?!\$)/i.exec(shape);
  if (!start) return shape;
  let depth = 0;
  for (let i = start[0].length; i < shape.length; i++) {
    const ch = shape[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (depth === 0 && shape.slice(i, i + 6).toLowerCase() === ' from ') return `${start[1] ?? ''}select … from ${shape.slice(i + 6)}`;
  }
  return shape;
}

/**
 * What a log line may carry about an error. A failed query logs its SQLSTATE and statement shape only: its
 * parameters (emails, IPs, token hashes) and Postgres's message (which quotes the offending value) and the
 * stack (drizzle puts the parameters into the message) stay out of logs, which are read more widely than the
 * database. Any other error logs its name, message and stack.
 */
export function loggableError(err: unknown): { error: string; stack?: string } {
  const query = failedQuery(err);
  const info = pgError(err);
  if (query !== undefined || info) {
    const constraint = info?.constraint ? ` on ${info.constraint}` : '';
    return { error: `database error ${info?.code ?? 'without SQLSTATE'}${constraint}${query ? `: ${statementShape(query)}` : ''}` };
  }
  if (err instanceof Error) return { error: `${err.name}: ${err.message}`, stack: err.stack };
  return { error: String(err) };
}
