// The local Neon-HTTP endpoint driven by the real driver, neon() (drizzle: drizzle.test.ts), against
// PGlite in memory and, when IDENTSPHERE_TEST_DATABASE_URL is set, a real PostgreSQL server as well.
import { randomUUID } from 'node:crypto';
import { type HTTPTransactionOptions, NeonDbError, type NeonQueryPromise, neon, neonConfig } from '@neondatabase/serverless';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type NeonLocal, startNeonLocal } from '../src/server.ts';

const BACKENDS = [
  { name: 'PGlite', databaseUrl: undefined },
  ...(process.env.IDENTSPHERE_TEST_DATABASE_URL ? [{ name: 'PostgreSQL', databaseUrl: process.env.IDENTSPHERE_TEST_DATABASE_URL }] : []),
];

async function codeOf(promise: Promise<unknown>): Promise<NeonDbError> {
  const e: unknown = await promise.then(
    () => expect.unreachable('expected the query to fail'),
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(NeonDbError);
  return e as NeonDbError;
}

describe.each(BACKENDS)('neon-local on $name, through neon()', ({ databaseUrl }) => {
  let local: NeonLocal;
  const schema = `nl_${Date.now().toString(36)}_${randomUUID().slice(0, 8)}`;
  const s = `"${schema}"`;
  const sql = neon('postgres://user:pass@localhost/db');

  beforeAll(async () => {
    local = await startNeonLocal({ databaseUrl });
    await local.backend.exec(`create schema ${s}`);
  });
  beforeEach(() => {
    neonConfig.fetchEndpoint = local.url; // global: the describe blocks of each backend take turns
  });
  afterAll(async () => {
    await local?.backend.exec(`drop schema if exists ${s} cascade`);
    await local?.close();
  });

  it('runs a select with parameters (tagged template and sql.query)', async () => {
    expect(await sql`select ${20}::int + ${22}::int as n, ${'x'} as t`).toEqual([{ n: 42, t: 'x' }]);
    expect(await sql.query('select $1::text || $2::text as s', ['ab', 'cd'])).toEqual([{ s: 'abcd' }]);
    expect(await sql`select ${null}::int as a, null::text as b`).toEqual([{ a: null, b: null }]);
  });

  it('keeps every type faithful both ways, with real type OIDs in fields', async () => {
    await sql.query(`create table ${s}.types (
      id serial primary key, i4 int4, i8 int8, num numeric(20,6), b bool, t text, u uuid, ts timestamptz,
      d date, jb jsonb, js json, by bytea, ta text[], ia int4[], vc varchar(10))`);
    const uuid = randomUUID();
    const ts = new Date('2024-02-29T12:34:56.789Z');
    const tricky = `it's "quoted" \\ back ☃ 𝄞\nnew line`;
    const texts = ['a,b', 'c"d', 'e\\f', null, 'NULL', '', ' sp ', '{x}', '☃'];
    const json = { a: 1, nested: { arr: [1, 'x', null, true] }, s: 'é' };
    const bytes = Buffer.from([0, 1, 2, 127, 128, 254, 255]);
    await sql`insert into ${sql.unsafe(`${s}.types`)} (i4, i8, num, b, t, u, ts, d, jb, js, by, ta, ia, vc)
      values (${2147483647}, ${9007199254740993n}, ${'12345678901234.123456'}, ${true}, ${tricky}, ${uuid},
              ${ts}, ${'2024-02-29'}, ${json}, ${JSON.stringify([1, { k: 'v' }])}, ${bytes}, ${texts},
              ${[1, -2, 3]}, ${'short'})`;
    await sql.query(`insert into ${s}.types default values`);

    const result = await sql.query(`select * from ${s}.types order by id`, [], { fullResults: true });
    const [row, empty] = result.rows as Record<string, unknown>[];
    expect(row).toMatchObject({
      i4: 2147483647,
      i8: '9007199254740993',
      num: '12345678901234.123456',
      b: true,
      t: tricky,
      u: uuid,
      jb: json,
      js: [1, { k: 'v' }],
      ta: texts,
      ia: [1, -2, 3],
      vc: 'short',
    });
    expect((row!.ts as Date).getTime()).toBe(ts.getTime());
    const d = row!.d as Date; // pg-types parses date as local midnight
    expect([d.getFullYear(), d.getMonth() + 1, d.getDate()]).toEqual([2024, 2, 29]);
    expect(Array.from(row!.by as Uint8Array)).toEqual(Array.from(bytes));
    expect(Object.entries(empty!).filter(([k, v]) => k !== 'id' && v !== null)).toEqual([]);

    const [{ oid }] = (await sql.query(`select $1::regclass::oid::int as oid`, [`${s}.types`])) as [{ oid: number }];
    const byName = Object.fromEntries(result.fields.map((f) => [f.name, f]));
    const expected: [string, number, number, number][] = [
      // name, dataTypeID, dataTypeSize, dataTypeModifier
      ['id', 23, 4, -1],
      ['i4', 23, 4, -1],
      ['i8', 20, 8, -1],
      ['num', 1700, -1, ((20 << 16) | 6) + 4],
      ['b', 16, 1, -1],
      ['t', 25, -1, -1],
      ['u', 2950, 16, -1],
      ['ts', 1184, 8, -1],
      ['d', 1082, 4, -1],
      ['jb', 3802, -1, -1],
      ['js', 114, -1, -1],
      ['by', 17, -1, -1],
      ['ta', 1009, -1, -1],
      ['ia', 1007, -1, -1],
      ['vc', 1043, -1, 14],
    ];
    expected.forEach(([name, dataTypeID, dataTypeSize, dataTypeModifier], i) =>
      expect(byName[name]).toEqual({ name, dataTypeID, tableID: oid, columnID: i + 1, dataTypeSize, dataTypeModifier, format: 'text' }),
    );
  });

  it('offers the arrayMode / fullResults variants, per client and per query', async () => {
    const q = 'select 1 as a, $1::text as b';
    expect(await neon('postgres://u:p@h/db', { arrayMode: true })`select 1 as a, ${'x'} as b`).toEqual([[1, 'x']]);
    const full = await neon('postgres://u:p@h/db', { fullResults: true }).query(q, ['x']);
    expect(full).toMatchObject({ command: 'SELECT', rowCount: 1, rowAsArray: false, rows: [{ a: 1, b: 'x' }] });
    expect(full.fields.map((f) => [f.name, f.dataTypeID])).toEqual([
      ['a', 23],
      ['b', 25],
    ]);
    const both = await sql.query(q, ['y'], { arrayMode: true, fullResults: true });
    expect(both).toMatchObject({ command: 'SELECT', rowCount: 1, rowAsArray: true, rows: [[1, 'y']] });
    expect(await sql`select 1 as a, 2 as a`).toEqual([{ a: 2 }]); // duplicate names: the last wins, as in pg
    expect(await sql.query('select 1 as a, 2 as a', [], { arrayMode: true })).toEqual([[1, 2]]);

    await sql.query(`create table ${s}.cmd (id int primary key, v text)`);
    const created = await sql.query(`create index on ${s}.cmd (v)`, [], { fullResults: true });
    expect(created).toMatchObject({ command: 'CREATE', rowCount: null, rows: [], fields: [] });
    const ins = await sql.query(`insert into ${s}.cmd values (1, 'a'), (2, 'b') returning id`, [], { fullResults: true });
    expect(ins).toMatchObject({ command: 'INSERT', rowCount: 2, rows: [{ id: 1 }, { id: 2 }] });
    const upd = await sql.query(`update ${s}.cmd set v = 'c'`, [], { fullResults: true });
    expect(upd).toMatchObject({ command: 'UPDATE', rowCount: 2, rows: [] });
    // Per-query options inside a batch work at runtime (drizzle relies on it), though the typings deny it.
    const arrayQuery = sql.query('select 5 as five', [], { arrayMode: true }) as unknown as NeonQueryPromise<false, false>;
    const batch = await sql.transaction([sql.query(`delete from ${s}.cmd where id = $1`, [1]), arrayQuery], {
      fullResults: true,
    });
    expect(batch[0]).toMatchObject({ command: 'DELETE', rowCount: 1 });
    expect(batch[1]).toMatchObject({ rowAsArray: true, rows: [[5]] });
  });

  it('rebuilds Postgres errors as NeonDbError with SQLSTATE and details', async () => {
    await sql.query(`create table ${s}.users (id serial primary key, email text not null constraint users_email_uq unique)`);
    await sql.query(`insert into ${s}.users (email) values ($1)`, ['a@x']);

    const dup = await codeOf(sql.query(`insert into ${s}.users (email) values ($1)`, ['a@x']));
    expect(dup).toMatchObject({ code: '23505', constraint: 'users_email_uq', table: 'users', schema, severity: 'ERROR' });
    expect(dup.message).toBe('duplicate key value violates unique constraint "users_email_uq"');
    expect(dup.detail).toBe('Key (email)=(a@x) already exists.');

    expect(await codeOf(sql.query(`insert into ${s}.users (email) values (null)`))).toMatchObject({ code: '23502', column: 'email' });
    expect(await codeOf(sql.query('selec 1'))).toMatchObject({ code: '42601', position: '1' });
    expect(await codeOf(sql.query(`select * from ${s}.nope`))).toMatchObject({ code: '42P01' });
    const multi = await codeOf(sql.query('select 1; select 2'));
    expect(multi).toMatchObject({ code: '42601', message: 'cannot insert multiple commands into a prepared statement' });
    const raised = await codeOf(
      sql.query(`do $$ begin raise exception 'boom' using errcode = 'P0001', hint = 'try again', detail = 'dd'; end $$`),
    );
    expect(raised).toMatchObject({ code: 'P0001', message: 'boom', hint: 'try again', detail: 'dd' });
    expect(raised.where).toMatch(/PL\/pgSQL/);
    expect(await codeOf(sql.query('select $1::int', ['x']))).toMatchObject({ code: '22P02' });
    // The session is still usable afterwards.
    expect(await sql`select count(*)::int as n from ${sql.unsafe(`${s}.users`)}`).toEqual([{ n: 1 }]);
  });

  it('runs a batch atomically: a failing statement undoes the ones before it', async () => {
    await sql.query(`create table ${s}.accounts (id int primary key, owner text)`);
    const dup = await codeOf(
      sql.transaction([
        sql.query(`insert into ${s}.accounts values (1, 'first')`),
        sql.query(`insert into ${s}.accounts values (2, 'second')`),
        sql.query(`insert into ${s}.accounts values (1, 'dup')`),
      ]),
    );
    expect(dup).toMatchObject({ code: '23505', constraint: 'accounts_pkey' });
    expect(await sql.query(`select count(*)::int as n from ${s}.accounts`)).toEqual([{ n: 0 }]);

    await codeOf(sql.transaction([sql.query(`insert into ${s}.accounts values (3, 'x')`), sql.query('selec')]));
    expect(await sql.query(`select count(*)::int as n from ${s}.accounts`)).toEqual([{ n: 0 }]);

    // Function form; the batch sees its own writes and commits them.
    const [ins, sel] = await sql.transaction((tx) => [
      tx`insert into ${tx.unsafe(`${s}.accounts`)} values (${10}, ${'ten'}) returning owner`,
      tx`select id, owner from ${tx.unsafe(`${s}.accounts`)} order by id`,
    ]);
    expect(ins).toEqual([{ owner: 'ten' }]);
    expect(sel).toEqual([{ id: 10, owner: 'ten' }]);
    expect(await sql.query(`select owner from ${s}.accounts`)).toEqual([{ owner: 'ten' }]);
  });

  it('honours isolation level, read-only and deferrable', async () => {
    const settings = `select current_setting('transaction_isolation') as iso, current_setting('transaction_read_only') as ro,
      current_setting('transaction_deferrable') as def`;
    const inBatch = async (opts?: HTTPTransactionOptions<false, false>) => (await sql.transaction([sql.query(settings)], opts))[0]?.[0];
    expect(await inBatch()).toEqual({ iso: 'read committed', ro: 'off', def: 'off' });
    expect(await inBatch({ isolationLevel: 'RepeatableRead' })).toMatchObject({ iso: 'repeatable read', ro: 'off' });
    expect(await inBatch({ isolationLevel: 'Serializable', readOnly: true, deferrable: true })).toEqual({
      iso: 'serializable',
      ro: 'on',
      def: 'on',
    });
    await sql.query(`create table ${s}.ro (id int)`);
    const ro = await codeOf(sql.transaction([sql.query(`insert into ${s}.ro values (1)`)], { readOnly: true }));
    expect(ro.code).toBe('25006');
    // A client-wide default, as neon(url, { readOnly }) sets it.
    const readOnlySql = neon('postgres://u:p@h/db', { readOnly: true });
    expect((await codeOf(readOnlySql.transaction([readOnlySql.query(`insert into ${s}.ro values (1)`)]))).code).toBe('25006');
  });

  it('does not let a stray BEGIN in a single query leak into later requests', async () => {
    await sql.query(`create table ${s}.stray (id int)`);
    await sql.query('begin');
    await sql.query(`insert into ${s}.stray values (1)`);
    await sql.query('rollback'); // no transaction is open any more: a warning, not an undo
    expect(await sql.query(`select count(*)::int as n from ${s}.stray`)).toEqual([{ n: 1 }]);
  });

  it('serves concurrent requests with independent results', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => sql`select ${i}::int as i, repeat('x', ${i}::int) as s, pg_sleep(0.01)`),
    );
    results.forEach((rows, i) => expect(rows).toEqual([{ i, s: 'x'.repeat(i), pg_sleep: '' }]));

    // 16 racing inserts of the same key: Postgres's unique index lets exactly one through.
    await sql.query(`create table ${s}.race (email text primary key, n int)`);
    const settled = await Promise.allSettled(
      Array.from({ length: 16 }, (_, n) => sql.query(`insert into ${s}.race values ('same@x', $1)`, [n])),
    );
    expect(settled.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failures = settled.flatMap((r) => (r.status === 'rejected' ? [r.reason as NeonDbError] : []));
    expect(failures).toHaveLength(15);
    for (const f of failures) expect(f).toMatchObject({ code: '23505', constraint: 'race_pkey' });

    // Parallel batches stay atomic and independent.
    const batches = await Promise.all(
      Array.from({ length: 8 }, (_, n) =>
        sql.transaction([sql.query(`insert into ${s}.race values ($1, $2)`, [`b${n}@x`, n]), sql.query('select $1::int as n', [n])]),
      ),
    );
    batches.forEach(([, sel], n) => expect(sel).toEqual([{ n }]));
  });

  // Registered for the PostgreSQL backend only: PGlite serialises by design (see the backend test).
  if (databaseUrl) {
    it('runs requests on concurrent PostgreSQL connections', async () => {
      const started = performance.now();
      const rows = await Promise.all(Array.from({ length: 8 }, () => sql`select pg_backend_pid() as pid, pg_sleep(0.3)`));
      expect(performance.now() - started).toBeLessThan(8 * 300 * 0.6);
      expect(new Set(rows.map(([r]) => r!.pid)).size).toBeGreaterThan(1);
    });
  }

  it('is reachable the way the Worker reaches it (fetchEndpoint function of host and port)', async () => {
    neonConfig.fetchEndpoint = (host, port) => `http://${host}:${port}/sql`;
    const workerSql = neon(`postgres://identsphere:local@127.0.0.1:${local.port}/identsphere`);
    expect(await workerSql`select ${'ok'} as status`).toEqual([{ status: 'ok' }]);
  });

  it('counts requests and statements', async () => {
    const before = { ...local.stats };
    await sql`select 1`;
    await sql.transaction([sql`select 1`, sql`select 2`, sql`select 3`]);
    await codeOf(sql.transaction([sql`select 1`, sql`selec 2`, sql`select 3`])); // stops at the failure
    expect(local.stats.requests - before.requests).toBe(3);
    expect(local.stats.statements - before.statements).toBe(1 + 3 + 2);
  });
});
