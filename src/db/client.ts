import { neon, neonConfig } from '@neondatabase/serverless';
import { drizzle, type NeonHttpDatabase } from 'drizzle-orm/neon-http';
import type { Config } from '../config.ts';
import { deadlineOption } from './deadline-fetch.ts';
import { defineTables, type Tables } from './tables.ts';

export type Db = NeonHttpDatabase;

export interface Database {
  db: Db;
  t: Tables;
}

/**
 * The Worker's only way to Postgres: Neon's HTTP driver. In dev/test (IDENTSPHERE_DATABASE_LOCAL_HTTP=true,
 * refused in production) queries go to the local Neon-HTTP endpoint at the connection string's host:port.
 * Every query has a deadline (IDENTSPHERE_DATABASE_TIMEOUT_MS, see deadline-fetch.ts).
 */
export function createDatabase(config: Config): Database {
  if (config.IDENTSPHERE_DATABASE_LOCAL_HTTP) {
    neonConfig.fetchEndpoint = (host, port) => `http://${host}:${port}/sql`;
  }
  const client = neon(config.DATABASE_URL, { fetchOptions: deadlineOption(config.IDENTSPHERE_DATABASE_TIMEOUT_MS) });
  const db = drizzle({ client });
  return { db, t: defineTables(config.IDENTSPHERE_SCHEMA) };
}
