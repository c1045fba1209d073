// Neon's HTTP driver, imported by the first statement an isolate runs (src/db/client.ts): a request served
// without the database never loads it.
import { type NeonQueryFunction, type NeonQueryPromise, neon, neonConfig, types } from '@neondatabase/serverless';
import type { Config } from '../platform/config.ts';
import { retryOnConflict } from './conflict-retry.ts';
import { deadlineOption } from './deadline-fetch.ts';

export type DatabaseConfig = Pick<
  Config,
  'DATABASE_URL' | 'IDENTSPHERE_SCHEMA' | 'IDENTSPHERE_DATABASE_LOCAL_HTTP' | 'IDENTSPHERE_DATABASE_TIMEOUT_MS'
>;

export type NeonClient = NeonQueryFunction<false, false>;
type Execute = NeonQueryPromise<false, false>['execute'];

// What drizzle-orm/neon-http's driver sets up: date, time and interval values stay the strings Postgres sent
// (drizzle's columns parse them), never the driver's Date objects. timestamptz, timestamp, date, interval, and
// the arrays of numeric, timestamp, timestamptz, interval and date.
for (const oid of [1184, 1114, 1082, 1186, 1231, 1115, 1185, 1187, 1182]) types.setTypeParser(oid, (value: string) => value);

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

/** The client for `config`: every statement with a deadline, conflicts retried. */
export function connect(config: DatabaseConfig): NeonClient {
  if (config.IDENTSPHERE_DATABASE_LOCAL_HTTP) {
    neonConfig.fetchEndpoint = (host, port) => `http://${host}:${port}/sql`;
  }
  return withConflictRetry(neon(config.DATABASE_URL, { fetchOptions: deadlineOption(config.IDENTSPHERE_DATABASE_TIMEOUT_MS) }));
}
