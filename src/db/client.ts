import { type NeonQueryFunction, type NeonQueryPromise, neon, neonConfig } from '@neondatabase/serverless';
import { drizzle, type NeonHttpDatabase } from 'drizzle-orm/neon-http';
import type { Config } from '../platform/config.ts';
import { deadlineOption } from './deadline-fetch.ts';
import { isRetryableConflict } from './errors.ts';
import { defineTables, type Tables } from './tables.ts';

export type Db = NeonHttpDatabase;

export interface Database {
  db: Db;
  t: Tables;
}

/** Attempts after the first for a statement or batch that lost a deadlock or serialization conflict. */
export const CONFLICT_RETRIES = 3;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` again (at most CONFLICT_RETRIES times, after a short jittered pause) when Postgres aborted it
 * with 40P01 (deadlock) or 40001 (serialization failure). Safe because every request to the HTTP endpoint is
 * one transaction (a statement, or a whole batch) and an aborted one wrote nothing; every batch is written
 * to be re-run (conditional statements, fresh reads inside the transaction).
 */
export async function retryOnConflict<T>(attempt: () => Promise<T>): Promise<T> {
  for (let retry = 0; ; retry++) {
    try {
      return await attempt();
    } catch (err) {
      if (retry >= CONFLICT_RETRIES || !isRetryableConflict(err)) throw err;
      await pause((retry + 1) * 10 + Math.random() * 40);
    }
  }
}

type NeonClient = NeonQueryFunction<false, false>;
type Execute = NeonQueryPromise<false, false>['execute'];

/** The Neon client with `retryOnConflict` around every statement and every batch (the one place it happens). */
function withConflictRetry(client: NeonClient): NeonClient {
  const wrapped = Object.assign((...args: Parameters<NeonClient>) => client(...args), client);
  wrapped.query = ((text: string, params?: unknown[], opts?: object) => {
    const query = client.query(text, params, opts as never);
    // Awaiting the query runs `execute`; batches (transaction below) read only its data, not this.
    const execute: Execute = query.execute;
    query.execute = (data, options) => retryOnConflict(() => execute(data, options));
    return query;
  }) as NeonClient['query'];
  const transaction = client.transaction as (...args: unknown[]) => Promise<unknown>;
  wrapped.transaction = ((...args: unknown[]) => retryOnConflict(() => transaction(...args))) as NeonClient['transaction'];
  return wrapped;
}

/**
 * The Worker's only way to Postgres: Neon's HTTP driver. In dev/test (IDENTSPHERE_DATABASE_LOCAL_HTTP=true,
 * refused in production) queries go to the local Neon-HTTP endpoint at the connection string's host:port.
 * Every query has a deadline (IDENTSPHERE_DATABASE_TIMEOUT_MS, see deadline-fetch.ts).
 */
export function createDatabase(
  config: Pick<Config, 'DATABASE_URL' | 'IDENTSPHERE_SCHEMA' | 'IDENTSPHERE_DATABASE_LOCAL_HTTP' | 'IDENTSPHERE_DATABASE_TIMEOUT_MS'>,
): Database {
  if (config.IDENTSPHERE_DATABASE_LOCAL_HTTP) {
    neonConfig.fetchEndpoint = (host, port) => `http://${host}:${port}/sql`;
  }
  const client = neon(config.DATABASE_URL, { fetchOptions: deadlineOption(config.IDENTSPHERE_DATABASE_TIMEOUT_MS) });
  const db = drizzle({ client: withConflictRetry(client) });
  return { db, t: defineTables(config.IDENTSPHERE_SCHEMA) };
}
