// Database access for the Node-side CLI: plain PostgreSQL over TCP (`pg`), or — with
// IDENTSPHERE_DATABASE_LOCAL_HTTP=true, as in dev/test — Neon's HTTP protocol through the same driver the
// Worker uses, pointed at the local endpoint (packages/neon-local) named by the connection string.
import { neon, neonConfig } from '@neondatabase/serverless';
import pg from 'pg';
import type { MigrationTarget } from './migrate.ts';

export interface CliDatabase extends MigrationTarget {
  kind: 'postgres' | 'neon-http';
  close(): Promise<void>;
}

type Rows = { rows: (string | null)[][] };

const rawText = { getTypeParser: () => (value: string) => value };

async function openPg(url: string): Promise<CliDatabase> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000, types: rawText });
  await client.connect();
  const query = async (text: string, params: unknown[] = []): Promise<Rows> => {
    const result = await client.query({ text, values: params, rowMode: 'array' });
    return { rows: result.rows as (string | null)[][] };
  };
  return {
    kind: 'postgres',
    query,
    async transaction(fn) {
      await client.query('begin');
      try {
        const out = await fn(query);
        await client.query('commit');
        return out;
      } catch (err) {
        await client.query('rollback');
        throw err;
      }
    },
    close: () => client.end(),
  };
}

function openNeonHttp(url: string): CliDatabase {
  neonConfig.fetchEndpoint = (host, port) => `http://${host}:${port}/sql`;
  const sql = neon(url, { arrayMode: true, fullResults: true, types: rawText });
  const query = async (text: string, params: unknown[] = []): Promise<Rows> => {
    const result = await sql.query(text, params);
    return { rows: result.rows as unknown as (string | null)[][] };
  };
  return {
    kind: 'neon-http',
    query,
    // Neon's HTTP protocol has no interactive transactions: statements are collected and sent as one
    // atomic batch at the end (their results are not available inside `fn`, which migrations never need).
    async transaction(fn) {
      const queued: { text: string; params: unknown[] }[] = [];
      const out = await fn(async (text, params = []) => {
        queued.push({ text, params });
        return { rows: [] };
      });
      if (queued.length) await sql.transaction(queued.map((q) => sql.query(q.text, q.params)));
      return out;
    },
    close: async () => {},
  };
}

export async function openDatabase(url: string, env: NodeJS.ProcessEnv = process.env): Promise<CliDatabase> {
  return env.IDENTSPHERE_DATABASE_LOCAL_HTTP === 'true' ? openNeonHttp(url) : openPg(url);
}
