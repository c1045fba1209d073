import { entityKind } from 'drizzle-orm';
import type { NeonHttpDatabase } from 'drizzle-orm/neon-http';
import { NeonHttpSession } from 'drizzle-orm/neon-http/session';
import { PgDatabase, PgDialect } from 'drizzle-orm/pg-core';
import type { DatabaseConfig, NeonClient } from './neon-driver.ts';
import { defineTables, type Tables } from './tables.ts';

export type Db = NeonHttpDatabase;

export interface Database {
  db: Db;
  t: Tables;
}

/** A statement as drizzle hands it to the client; run when awaited, or as part of a batch (transaction). */
interface PendingStatement extends PromiseLike<unknown> {
  text: string;
  params: unknown[] | undefined;
  opts: object | undefined;
}

/**
 * The client drizzle's neon-http session is given: the driver is imported when a statement or batch first
 * runs (once per database).
 */
function lazyClient(config: DatabaseConfig) {
  let connected: NeonClient | undefined;
  // Each statement awaits its own import until one has connected: a promise shared across requests would tie
  // one request to another's I/O.
  const connect = async () => {
    if (connected) return connected;
    const driver = await import('./neon-driver.ts');
    connected ??= driver.connect(config);
    return connected;
  };
  return {
    query: (text: string, params?: unknown[], opts?: object): PendingStatement => ({
      text,
      params,
      opts,
      // biome-ignore lint/suspicious/noThenProperty: drizzle awaits the statement; it runs only then (or in a batch).
      then: (onfulfilled, onrejected) =>
        connect()
          .then((client) => client.query(text, params, opts as never))
          .then(onfulfilled, onrejected),
    }),
    transaction: async (statements: PendingStatement[], opts?: object) => {
      const client = await connect();
      return client.transaction(
        statements.map((s) => client.query(s.text, s.params, s.opts as never)),
        opts as never,
      );
    },
  };
}

/** drizzle-orm/neon-http's database: its `batch` is one request to the endpoint, one transaction. */
class NeonHttpDb extends PgDatabase<never> {
  static override readonly [entityKind]: string = 'NeonHttpDatabase';

  private readonly neonSession: NeonHttpSession<never, never>;

  constructor(dialect: PgDialect, neonSession: NeonHttpSession<never, never>) {
    super(dialect, neonSession as never, undefined);
    this.neonSession = neonSession;
  }

  batch(queries: unknown) {
    return this.neonSession.batch(queries as never);
  }
}

/**
 * The Worker's only way to Postgres: Neon's HTTP driver. In dev/test (IDENTSPHERE_DATABASE_LOCAL_HTTP=true,
 * refused in production) queries go to the local Neon-HTTP endpoint at the connection string's host:port.
 * Every query has a deadline (IDENTSPHERE_DATABASE_TIMEOUT_MS, see deadline-fetch.ts).
 *
 * The database is drizzle's neon-http database over a client that imports the driver (src/db/neon-driver.ts)
 * when the first statement runs: building queries needs only drizzle, so a request answered without the
 * database (a session check served from the cache) never loads it. drizzle's `drizzle()` would import it at
 * once; this is its construction, for the one client it is given.
 */
export function createDatabase(config: DatabaseConfig): Database {
  const dialect = new PgDialect();
  const session = new NeonHttpSession<never, never>(lazyClient(config) as never, dialect, undefined, {});
  const db = new NeonHttpDb(dialect, session) as unknown as Db;
  return { db, t: defineTables(config.IDENTSPHERE_SCHEMA) };
}
