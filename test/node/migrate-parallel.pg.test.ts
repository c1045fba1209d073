// `identsphere migrate up` started several times at once (parallel deploy jobs) on a fresh PostgreSQL
// database: every run succeeds, the migrations are applied exactly once. PostgreSQL only (`*.pg.test.ts`: run when IDENTSPHERE_TEST_DATABASE_URL is set, as CI does).
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/cli/db.ts';
import { migrateUp, migrationStatus, readMigrations } from '../../src/cli/migrate.ts';
import { freshDatabase } from './support-postgres.ts';

describe('parallel migrate up (PostgreSQL)', () => {
  const drops: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const drop of drops) await drop();
  });

  it('six concurrent runs on a fresh database all succeed and apply each migration once', async () => {
    const db = await freshDatabase('rel_infra_migrate');
    drops.push(db.drop);
    const schema = 'identsphere';
    const runners = await Promise.all(Array.from({ length: 6 }, () => openDatabase(db.url, {})));
    try {
      const results = await Promise.allSettled(runners.map((r) => migrateUp(r, schema)));
      expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
      const applied = results.flatMap((r) => (r.status === 'fulfilled' ? r.value : []));
      const all = (await readMigrations(schema)).map((m) => m.tag);
      expect(applied.sort()).toEqual([...all].sort());
      const status = await migrationStatus(runners[0]!, schema);
      expect(status.pending).toEqual([]);
      const { rows } = await runners[0]!.query(`select count(*) from "${schema}".__drizzle_migrations`);
      expect(Number(rows[0]![0])).toBe(all.length);
    } finally {
      await Promise.all(runners.map((r) => r.close()));
    }
  });
});
