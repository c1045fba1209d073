// The local Neon-HTTP endpoint's pieces: the SqlBackend API used directly (migrations, fixtures), the
// protocol helpers, PGlite persistence, and the CLI.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { neon, neonConfig } from '@neondatabase/serverless';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, paramsToText, parseCommandTag, type SqlBackend } from '../src/backend.ts';
import { textToJson } from '../src/json-output.ts';
import { startNeonLocal } from '../src/server.ts';

const BACKENDS = [
  { name: 'PGlite', databaseUrl: undefined },
  ...(process.env.IDENTSPHERE_TEST_DATABASE_URL ? [{ name: 'PostgreSQL', databaseUrl: process.env.IDENTSPHERE_TEST_DATABASE_URL }] : []),
];

describe('protocol helpers', () => {
  it('converts JSON parameters to text like Neon (json_to_pg_text)', () => {
    expect(paramsToText([true, false, 42, 'foo"', null, undefined, { a: 1 }])).toEqual([
      'true',
      'false',
      '42',
      'foo"',
      null,
      null,
      '{"a":1}',
    ]);
    expect(paramsToText([[true, false, null, 'NULL', 42, 'foo', 'bar"-\\']])).toEqual(['{true,false,NULL,"NULL",42,"foo","bar\\"-\\\\"}']);
    expect(
      paramsToText([
        [
          [true, false],
          [null, 42],
        ],
      ]),
    ).toEqual(['{{true,false},{NULL,42}}']);
    expect(paramsToText([[{ foo: 1 }, { bar: 2 }]])).toEqual(['{"{\\"foo\\":1}","{\\"bar\\":2}"}']);
    expect(paramsToText([new Date('2024-01-02T03:04:05.678Z'), Buffer.from([1, 255]), 12n])).toEqual([
      '2024-01-02T03:04:05.678Z',
      '\\x01ff',
      '12',
    ]);
  });

  it('splits command tags like Neon', () => {
    expect(parseCommandTag('INSERT 0 5')).toEqual({ command: 'INSERT', rowCount: 5 });
    expect(parseCommandTag('SELECT 3')).toEqual({ command: 'SELECT', rowCount: 3 });
    expect(parseCommandTag('CREATE TABLE')).toEqual({ command: 'CREATE', rowCount: null });
    expect(parseCommandTag('BEGIN')).toEqual({ command: 'BEGIN', rowCount: null });
    expect(parseCommandTag(null)).toEqual({ command: '', rowCount: null });
  });

  it('parses array text for the non-raw output', () => {
    expect(textToJson('{1,NULL,3}', 1007)).toEqual([1, null, 3]);
    expect(textToJson('{}', 1009)).toEqual([]);
    expect(textToJson('{"a,b","c\\"d",NULL,"NULL", e }', 1009)).toEqual(['a,b', 'c"d', null, 'NULL', 'e']);
    expect(textToJson('[1:1][-2:-1][3:5]={{{1,2,3},{4,5,6}}}', 1007)).toEqual([
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
    ]);
    expect(textToJson('{"{\\"a\\": 1}",null}', 3807)).toEqual([{ a: 1 }, null]);
    expect(textToJson('{t,f}', 1000)).toEqual([true, false]);
    expect(textToJson('{1.5,Infinity}', 1022)).toEqual([1.5, 'Infinity']);
  });
});

describe.each(BACKENDS)('the $name backend used directly', ({ databaseUrl }) => {
  let backend: SqlBackend;
  const s = `"nl_be_${Date.now().toString(36)}_${randomUUID().slice(0, 8)}"`;

  beforeAll(async () => {
    backend = await openBackend({ databaseUrl });
    await backend.exec(`create schema ${s}`);
  });
  afterAll(async () => {
    await backend?.exec(`drop schema if exists ${s} cascade`);
    await backend?.close();
  });

  it('runs multi-statement scripts with exec(), atomically', async () => {
    await backend.exec(`create table ${s}.m (id int primary key); insert into ${s}.m values (1), (2);`);
    await expect(backend.exec(`insert into ${s}.m values (3); insert into ${s}.m values (1);`)).rejects.toMatchObject({
      code: '23505',
    });
    expect((await backend.query(`select count(*) from ${s}.m`)).rows).toEqual([['2']]);
  });

  it('accepts Node values as parameters and returns raw text with real fields', async () => {
    const r = await backend.query('select $1::int as n, $2::timestamptz as t, $3::bytea as b, $4::int8 as big, $5::text as x', [
      7,
      new Date('2024-01-02T03:04:05.678Z'),
      Buffer.from([1, 2]),
      2n ** 62n,
      undefined,
    ]);
    expect(r.command).toBe('SELECT');
    expect(r.rowCount).toBe(1);
    expect(r.rows).toEqual([['7', '2024-01-02 03:04:05.678+00', '\\x0102', String(2n ** 62n), null]]);
    expect(r.fields.map((f) => f.dataTypeID)).toEqual([23, 1184, 17, 20, 25]);
  });

  it('commits and rolls back transactions; the handle dies with the transaction', async () => {
    await backend.exec(`create table ${s}.tx (id int primary key)`);
    let leaked: ((sql: string) => Promise<unknown>) | undefined;
    const n = await backend.transaction(async (q) => {
      leaked = q;
      await q(`insert into ${s}.tx values ($1)`, [1]);
      return (await q(`select count(*) from ${s}.tx`)).rows[0]![0];
    });
    expect(n).toBe('1');
    await expect(leaked!('select 1')).rejects.toThrow(/finished transaction/);
    await expect(
      backend.transaction(async (q) => {
        await q(`insert into ${s}.tx values (2)`);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await expect(
      backend.transaction(async (q) => {
        await q(`insert into ${s}.tx values (3)`);
        await q(`insert into ${s}.tx values (1)`);
      }),
    ).rejects.toMatchObject({ code: '23505' });
    expect((await backend.query(`select array_agg(id order by id) from ${s}.tx`)).rows).toEqual([['{1}']]);
    const [iso] = await backend.transaction(async (q) => (await q(`select current_setting('transaction_isolation')`)).rows[0]!, {
      isolationLevel: 'Serializable',
      readOnly: true,
    });
    expect(iso).toBe('serializable');
  });

  it('isolates concurrent transactions: serialized on PGlite, concurrent on PostgreSQL', async () => {
    await backend.exec(`create table ${s}.conc (tag text)`);
    // Repeatable read: each transaction's snapshot is taken at its insert.
    const run = (tag: string) =>
      backend.transaction(
        async (q) => {
          await q(`insert into ${s}.conc values ($1)`, [tag]);
          await q('select pg_sleep(0.2)');
          return Number((await q(`select count(*) from ${s}.conc`)).rows[0]![0]);
        },
        { isolationLevel: 'RepeatableRead' },
      );
    const started = performance.now();
    const counts = (await Promise.all([run('a'), run('b')])).sort();
    const elapsed = performance.now() - started;
    if (backend.kind === 'pglite') {
      // One after the other: the second transaction starts after the first has committed.
      expect(counts).toEqual([1, 2]);
      expect(elapsed).toBeGreaterThanOrEqual(400);
    } else {
      // Overlapping: neither snapshot holds the other's row.
      expect(counts).toEqual([1, 1]);
      expect(elapsed).toBeLessThan(400);
    }
  });
});

describe('startup, shutdown and persistence', () => {
  it('keeps PGlite data in its data directory across restarts', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'neon-local-'));
    try {
      const first = await startNeonLocal({ dataDir: join(dir, 'pglite') });
      neonConfig.fetchEndpoint = first.url;
      const sql = neon('postgres://user:pass@localhost/db');
      await sql`create table kept (v text)`;
      await sql.transaction([sql`insert into kept values (${'one'})`, sql`insert into kept values (${'two'})`]);
      await first.close();
      await first.close(); // idempotent
      await expect(first.backend.query('select 1')).rejects.toThrow(/closed/);

      const second = await startNeonLocal({ dataDir: join(dir, 'pglite') });
      neonConfig.fetchEndpoint = second.url;
      expect(await sql`select v from kept order by v`).toEqual([{ v: 'one' }, { v: 'two' }]);
      await second.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('fails to start on a busy port or an unreachable database', async () => {
    const first = await startNeonLocal({});
    await expect(startNeonLocal({ port: first.port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    await first.close();
    await expect(startNeonLocal({ databaseUrl: 'postgres://nobody@127.0.0.1:1/none' })).rejects.toThrow();
  });

  it('runs as a CLI that prints its URL and stops on SIGTERM', async () => {
    const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
    const cli = spawn(process.execPath, [main, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    cli.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => cli.on('exit', (code) => resolve(code)));
    const lines = createInterface({ input: cli.stdout });
    const url = await new Promise<string>((resolve, reject) => {
      lines.once('line', resolve);
      void exited.then((code) => reject(new Error(`CLI exited (${code}): ${stderr}`)));
    });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/sql$/);
    neonConfig.fetchEndpoint = url;
    expect(await neon('postgres://user:pass@localhost/db')`select ${'cli'} as via`).toEqual([{ via: 'cli' }]);
    cli.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toMatch(/SIGTERM, stopping \(1 requests, 1 statements\)/);
  });
});
