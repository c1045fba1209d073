// A throw-away database on the PostgreSQL server named by IDENTSPHERE_TEST_DATABASE_URL, for node tests that
// need a server of their own (parallel connections, terminated backends), never shared with other runs.
import { randomUUID } from 'node:crypto';
import pg from 'pg';

export const serverUrl = process.env.IDENTSPHERE_TEST_DATABASE_URL;

export async function adminQuery(text: string, params: unknown[] = []): Promise<unknown[][]> {
  const client = new pg.Client(serverUrl);
  await client.connect();
  try {
    return (await client.query({ text, values: params, rowMode: 'array' })).rows;
  } finally {
    await client.end();
  }
}

/** Creates a fresh database; returns its URL and a function that drops it. */
export async function freshDatabase(tag: string): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const name = `${tag}_${randomUUID().slice(0, 8)}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(serverUrl!);
  url.pathname = `/${name}`;
  return { url: url.toString(), name, drop: async () => void (await adminQuery(`drop database if exists ${name} with (force)`)) };
}
