// PostgreSQL backend through a pg Pool: concurrent requests run on concurrent connections, as they do
// behind Neon's proxy; a transaction keeps one connection checked out from BEGIN to COMMIT/ROLLBACK.
import pg from 'pg';
import {
  beginStatement,
  isPgError,
  paramsToText,
  pgError,
  type QueryFn,
  type QueryResult,
  type SqlBackend,
  type TransactionOptions,
  toFieldInfo,
} from './backend.ts';

// Every type's value stays the text Postgres sent.
const RAW_TEXT = { getTypeParser: () => (value: string) => value };

async function run(client: pg.PoolClient, sql: string, params?: readonly unknown[]): Promise<QueryResult> {
  // queryMode 'extended' (missing from @types/pg): pg would otherwise use the simple protocol when there
  // are no parameters, which accepts several statements where Neon (and PGlite here) refuse them.
  const config: pg.QueryArrayConfig & { queryMode: 'extended' } = {
    text: sql,
    values: paramsToText(params),
    rowMode: 'array',
    types: RAW_TEXT,
    queryMode: 'extended',
  };
  const result = await client.query(config);
  return {
    command: result.command ?? '',
    rowCount: result.rowCount ?? null,
    fields: result.fields.map(toFieldInfo),
    rows: result.rows as (string | null)[][],
  };
}

/** A client that failed outside Postgres's own error reporting, or that is left mid-transaction, is not reused. */
function release(client: pg.PoolClient, error?: unknown): void {
  const broken = (error !== undefined && !isPgError(error)) || client.getTransactionStatus() !== 'I';
  client.release(broken ? (error instanceof Error ? error : true) : undefined);
}

export async function openPostgresBackend(databaseUrl: string, opts: { poolSize?: number } = {}): Promise<SqlBackend> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: opts.poolSize ?? 20 });
  // An idle connection that dies is removed by the pool; without a listener the error would crash the process.
  pool.on('error', () => {});
  // The pool's listener is detached while a client is checked out (mid-query, mid-transaction): a connection
  // PostgreSQL drops then (restart, pg_terminate_backend) would emit an unhandled 'error' and end the process.
  // The request in flight already gets the error; release() sees the client is no longer queryable and the
  // pool replaces it.
  pool.on('connect', (client) => client.on('error', () => {}));
  await pool.query('SELECT 1'); // fail fast on a wrong URL

  async function withClient<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      const value = await fn(client);
      release(client);
      return value;
    } catch (e) {
      release(client, e);
      throw e;
    }
  }

  const query: QueryFn = (sql, params) => withClient((client) => run(client, sql, params));

  async function transaction<T>(fn: (q: QueryFn) => Promise<T>, opts?: TransactionOptions): Promise<T> {
    const client = await pool.connect();
    let failure: unknown;
    let open = false;
    const q: QueryFn = (sql, params) => {
      if (!open) return Promise.reject(new Error('neon-local: query on a finished transaction'));
      return run(client, sql, params);
    };
    try {
      await client.query(beginStatement(opts));
      open = true;
      const value = await fn(q);
      open = false;
      const commit = await client.query('COMMIT');
      if (commit.command === 'ROLLBACK') throw pgError('Transaction was rolled back instead of committed', '25P02');
      return value;
    } catch (e) {
      failure = e;
      open = false;
      // A failed ROLLBACK leaves the connection unusable: remembering its error makes release() destroy it.
      if (client.getTransactionStatus() !== 'I') await client.query('ROLLBACK').catch((r: unknown) => (failure = r));
      throw e;
    } finally {
      release(client, failure);
    }
  }

  let closing: Promise<void> | undefined;
  return {
    kind: 'postgres',
    query,
    transaction,
    exec: (sql) =>
      withClient(async (client) => {
        await client.query(sql); // no parameters: the simple protocol, several statements allowed
        if (client.getTransactionStatus() !== 'I') await client.query('ROLLBACK');
      }),
    close: () => (closing ??= pool.end()),
  };
}
