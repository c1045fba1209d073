// The local Neon-HTTP endpoint on PostgreSQL survives the server dropping its connections (a restart, an
// admin's pg_terminate_backend, an idle timeout) at any moment — idle, mid-query, mid-transaction — and
// serves the next requests on new connections. PostgreSQL only (`*.pg.test.ts`: run when IDENTSPHERE_TEST_DATABASE_URL is set, as CI does).
import { neon, neonConfig } from '@neondatabase/serverless';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminQuery, freshDatabase } from '../../../test/node/support-postgres.ts';
import { type NeonLocal, startNeonLocal } from '../src/server.ts';

describe('neon-local survives dropped PostgreSQL connections', () => {
  let local: NeonLocal;
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  const crashes: unknown[] = [];
  const onCrash = (err: unknown) => crashes.push(err);

  beforeAll(async () => {
    // An unhandled 'error' event from a pooled client would end the process: caught here, it fails the test.
    process.on('uncaughtException', onCrash);
    db = await freshDatabase('rel_infra_neon_local');
    local = await startNeonLocal({ databaseUrl: db.url, port: 0 });
  });
  afterAll(async () => {
    await local?.close();
    await db?.drop();
    process.off('uncaughtException', onCrash);
  });

  const terminateAll = () =>
    adminQuery('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [db.name]);

  it('idle, busy and in-transaction connections terminated: requests fail cleanly, then succeed again', async () => {
    neonConfig.fetchEndpoint = local.url;
    const sql = neon('postgres://identsphere:local@127.0.0.1/identsphere');
    // Warm the pool (idle connections), then hold connections busy in a query and in a batch transaction.
    await Promise.all(Array.from({ length: 4 }, () => sql`select 1`));
    const busy = sql`select pg_sleep(5)`.then(
      () => 'finished',
      (e: Error) => e.message,
    );
    const inTransaction = sql.transaction([sql`select pg_sleep(5)`, sql`select 1`]).then(
      () => 'finished',
      (e: Error) => e.message,
    );
    await new Promise((r) => setTimeout(r, 500));
    await terminateAll();
    expect(await busy).toMatch(/terminat/i);
    expect(await inTransaction).toMatch(/terminat/i);
    await new Promise((r) => setTimeout(r, 200));
    // New connections replace the dropped ones.
    expect(await sql`select 41 + 1 as answer`).toEqual([{ answer: 42 }]);
    expect(await sql.transaction([sql`select 1 as one`, sql`select 2 as two`])).toEqual([[{ one: 1 }], [{ two: 2 }]]);
    await terminateAll();
    await new Promise((r) => setTimeout(r, 200));
    expect(await sql`select 'again' as status`).toEqual([{ status: 'again' }]);
    expect(crashes).toEqual([]);
  });
});
