// The database behind the local Neon-HTTP endpoint: PGlite (embedded, single connection) or a real
// PostgreSQL server through a pg Pool. Both run every statement with the extended protocol and hand
// back Postgres's own text output with the real RowDescription fields, as Neon's proxy does.

export interface FieldInfo {
  name: string;
  tableID: number;
  columnID: number;
  dataTypeID: number;
  dataTypeSize: number;
  dataTypeModifier: number;
  format: 'text';
}

/** A RowDescription field as either backend reports it, in the shape the driver expects. */
export function toFieldInfo(f: Omit<FieldInfo, 'format'>): FieldInfo {
  const { name, tableID, columnID, dataTypeID, dataTypeSize, dataTypeModifier } = f;
  return { name, tableID, columnID, dataTypeID, dataTypeSize, dataTypeModifier, format: 'text' };
}

export interface QueryResult {
  /** First word of the command tag ('SELECT', 'INSERT', 'CREATE', …); '' for an empty query. */
  command: string;
  /** The count in the command tag, null when the tag carries none (e.g. 'CREATE TABLE'). */
  rowCount: number | null;
  fields: FieldInfo[];
  /** Values in Postgres text format; SQL NULL is null. */
  rows: (string | null)[][];
}

/**
 * Runs one statement (one only: the extended protocol refuses more). Parameters are sent as text:
 * strings as they are, null/undefined as NULL, anything else converted as Neon's proxy does.
 */
export type QueryFn = (sql: string, params?: readonly unknown[]) => Promise<QueryResult>;

export type IsolationLevel = 'ReadUncommitted' | 'ReadCommitted' | 'RepeatableRead' | 'Serializable';

export interface TransactionOptions {
  isolationLevel?: IsolationLevel;
  readOnly?: boolean;
  deferrable?: boolean;
}

export interface SqlBackend {
  kind: 'pglite' | 'postgres';
  query: QueryFn;
  /**
   * BEGIN … COMMIT around `fn`, ROLLBACK when it throws. `fn` must use the `q` it is given (on PGlite,
   * calling `backend.query` from inside would wait for the transaction to end, i.e. forever).
   */
  transaction<T>(fn: (q: QueryFn) => Promise<T>, opts?: TransactionOptions): Promise<T>;
  /** Simple-protocol execution of a script of several statements (migrations, fixtures). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

export interface BackendOptions {
  /** postgres://… of a real server; when unset, PGlite is used. */
  databaseUrl?: string;
  /** PGlite data directory (created if missing); in memory when unset. */
  dataDir?: string;
  /** pg Pool size (postgres backend only). */
  poolSize?: number;
}

export async function openBackend(opts: BackendOptions = {}): Promise<SqlBackend> {
  if (opts.databaseUrl) {
    const { openPostgresBackend } = await import('./pg-backend.ts');
    return openPostgresBackend(opts.databaseUrl, { poolSize: opts.poolSize });
  }
  const { openPgliteBackend } = await import('./pglite-backend.ts');
  return openPgliteBackend(opts.dataDir);
}

/** The fields a Postgres ErrorResponse carries, as pg's and PGlite's DatabaseError expose them. */
export const PG_ERROR_FIELDS = [
  'severity',
  'code',
  'detail',
  'hint',
  'position',
  'internalPosition',
  'internalQuery',
  'where',
  'schema',
  'table',
  'column',
  'dataType',
  'constraint',
  'file',
  'line',
  'routine',
] as const;

export type PgErrorLike = Error & Partial<Record<(typeof PG_ERROR_FIELDS)[number], string>>;

/** True for an error reported by Postgres itself (as opposed to e.g. a refused connection). */
export function isPgError(e: unknown): e is PgErrorLike {
  if (!(e instanceof Error)) return false;
  const { code, severity } = e as PgErrorLike;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && typeof severity === 'string';
}

/** A Postgres-shaped error raised by the endpoint itself (e.g. COMMIT of an aborted transaction). */
export function pgError(message: string, code: string): PgErrorLike {
  return Object.assign(new Error(message), { severity: 'ERROR', code });
}

/**
 * Parameter values to Postgres text, following Neon's proxy (json_to_pg_text): strings untouched,
 * null → NULL, booleans/numbers/objects → their JSON text, arrays → array literals whose string
 * items are JSON-quoted. Non-JSON values (Date, bytes, bigint) are also accepted for Node callers.
 */
export function paramsToText(params: readonly unknown[] = []): (string | null)[] {
  return params.map((v) => (Array.isArray(v) ? arrayLiteral(v) : scalarToText(v)));
}

function scalarToText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Date) return v.toISOString();
  if (v instanceof Uint8Array) return `\\x${Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex')}`;
  return JSON.stringify(v);
}

function arrayLiteral(items: readonly unknown[]): string {
  const parts = items.map((v) => {
    if (v === null || v === undefined) return 'NULL';
    if (Array.isArray(v)) return arrayLiteral(v);
    const text = scalarToText(v);
    return typeof v === 'object' || typeof v === 'string' ? JSON.stringify(text) : String(text);
  });
  return `{${parts.join(',')}}`;
}

/** Command tag → { command, rowCount } exactly as Neon's proxy splits it. */
export function parseCommandTag(tag: string | null): { command: string; rowCount: number | null } {
  if (!tag) return { command: '', rowCount: null };
  const [command = '', ...rest] = tag.split(' ');
  const count = command === 'INSERT' ? rest[1] : rest.join(' ');
  return { command, rowCount: count !== undefined && /^\d+$/.test(count) ? Number(count) : null };
}

const ISOLATION_SQL: Record<IsolationLevel, string> = {
  ReadUncommitted: 'READ UNCOMMITTED',
  ReadCommitted: 'READ COMMITTED',
  RepeatableRead: 'REPEATABLE READ',
  Serializable: 'SERIALIZABLE',
};

export function isIsolationLevel(v: string): v is IsolationLevel {
  return Object.hasOwn(ISOLATION_SQL, v);
}

export function beginStatement(opts: TransactionOptions = {}): string {
  let sql = 'BEGIN';
  if (opts.isolationLevel) sql += ` ISOLATION LEVEL ${ISOLATION_SQL[opts.isolationLevel]}`;
  if (opts.readOnly) sql += ' READ ONLY';
  if (opts.deferrable) sql += ' DEFERRABLE';
  return sql;
}

/** A FIFO async lock: one holder at a time, in arrival order. */
export function createMutex(): <T>(fn: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>) => {
    const run = tail.then(() => fn());
    tail = run.catch(() => undefined);
    return run;
  };
}
