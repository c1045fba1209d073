// The local Neon-HTTP endpoint at the HTTP level (plain fetch): routing, malformed requests, body limit,
// Neon's non-raw JSON output, JSON parameters, batch headers, error bodies and the counters.
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NeonLocal, startNeonLocal } from '../src/server.ts';

const BACKENDS = [
  { name: 'PGlite', databaseUrl: undefined },
  ...(process.env.IDENTSPHERE_TEST_DATABASE_URL ? [{ name: 'PostgreSQL', databaseUrl: process.env.IDENTSPHERE_TEST_DATABASE_URL }] : []),
];

const DRIVER_HEADERS = {
  'Neon-Connection-String': 'postgresql://user:pass@localhost/db',
  'Neon-Raw-Text-Output': 'true',
  'Neon-Array-Mode': 'true',
};

describe.each(BACKENDS)('neon-local on $name, over plain HTTP', ({ databaseUrl }) => {
  let local: NeonLocal;
  const schema = `nl_http_${Date.now().toString(36)}_${randomUUID().slice(0, 8)}`;

  async function post(body: unknown, headers: Record<string, string> = DRIVER_HEADERS, path = '/sql') {
    const res = await fetch(local.url.replace(/\/sql$/, path), {
      method: 'POST',
      headers,
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, any> };
  }

  beforeAll(async () => {
    local = await startNeonLocal({ databaseUrl });
    await local.backend.exec(`create schema "${schema}"; create table "${schema}".t (id int primary key, v text)`);
  });
  afterAll(async () => {
    await local?.backend.exec(`drop schema if exists "${schema}" cascade`);
    await local?.close();
  });

  it('answers 404 / 405 with JSON where it is not POST /sql', async () => {
    for (const path of ['/', '/sql/x', '/other']) {
      const res = await fetch(local.url.replace(/\/sql$/, path), { method: 'POST', body: '{}' });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toBe('application/json');
      expect(await res.json()).toEqual({ message: expect.stringContaining('not found') });
    }
    const get = await fetch(local.url);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect(await get.json()).toEqual({ message: expect.stringContaining('method not allowed') });
    // A query string does not matter.
    expect((await post({ query: 'select 1' }, DRIVER_HEADERS, '/sql?x=1')).status).toBe(200);
  });

  it('refuses anything a browser could send: preflights, Origin, foreign Host, no driver header', async () => {
    const preflight = await fetch(local.url, { method: 'OPTIONS', headers: { origin: 'https://evil.example' } });
    expect(preflight.status).toBe(405);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const fromPage = await post({ query: 'select 1' }, { ...DRIVER_HEADERS, origin: 'https://evil.example' });
    expect(fromPage.status).toBe(403);
    // fetch() will not forge Host, a DNS-rebound page's request carries the attacker's name: send one by hand.
    const rebound = await new Promise<number>((resolve, reject) => {
      const req = request(local.url, { method: 'POST', headers: { ...DRIVER_HEADERS, host: 'evil.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end(JSON.stringify({ query: 'select 1' }));
    });
    expect(rebound).toBe(403);
    const simple = await post({ query: 'select 1' }, { 'content-type': 'text/plain' });
    expect(simple.status).toBe(400);
    expect(simple.body.message).toMatch(/Neon-Connection-String/);
  });

  it('answers 400 with a JSON message for malformed bodies', async () => {
    const cases: [unknown, RegExp][] = [
      ['{not json', /not valid JSON/],
      ['', /not valid JSON/],
      [{}, /expected/],
      [[], /expected/],
      [{ query: 1 }, /expected/],
      [{ query: 'select 1', params: 'x' }, /params/],
      [{ query: 'select 1', arrayMode: 'yes' }, /arrayMode/],
      [{ queries: [{ query: 'select 1' }, { nope: true }] }, /queries\[1\]/],
    ];
    for (const [body, message] of cases) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.message).toMatch(message);
    }
    const badLevel = await post({ queries: [] }, { ...DRIVER_HEADERS, 'Neon-Batch-Isolation-Level': 'Chaos' });
    expect(badLevel).toMatchObject({ status: 400, body: { message: 'invalid isolation level' } });
  });

  it('answers 413 for a body over 10 MiB, and keeps serving', async () => {
    const big = JSON.stringify({ query: 'select $1::text as s', params: ['x'.repeat(10 * 1024 * 1024)] });
    const res = await post(big);
    expect(res.status).toBe(413);
    expect(res.body.message).toMatch(/too large/);
    const fits = await post({ query: 'select length($1::text) as n', params: ['x'.repeat(9 * 1024 * 1024)] });
    expect(fits.body.rows).toEqual([[String(9 * 1024 * 1024)]]);
  });

  it('replies in the driver format: raw text, arrays, fields, command, rowCount', async () => {
    const res = await post({ query: 'select $1::int as a, null::text as b, true as c', params: ['7'] });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.body).toEqual({
      command: 'SELECT',
      rowCount: 1,
      rowAsArray: true,
      rows: [['7', null, 't']],
      fields: [
        { name: 'a', dataTypeID: 23, tableID: 0, columnID: 0, dataTypeSize: 4, dataTypeModifier: -1, format: 'text' },
        { name: 'b', dataTypeID: 25, tableID: 0, columnID: 0, dataTypeSize: -1, dataTypeModifier: -1, format: 'text' },
        { name: 'c', dataTypeID: 16, tableID: 0, columnID: 0, dataTypeSize: 1, dataTypeModifier: -1, format: 'text' },
      ],
    });
    expect((await post({ query: '' })).body).toMatchObject({ command: '', rowCount: null, rows: [], fields: [] });
  });

  it('converts values to JSON as Neon does without Neon-Raw-Text-Output, and honours per-query arrayMode', async () => {
    const query = `select true as b, 12::int2 as i2, 34 as i4, 5::int8 as i8, 1.5::float8 as f, 'NaN'::float4 as nan,
      1.10::numeric as n, '{"a":[1,null]}'::jsonb as j, array[1,null,3] as ia, array['x', null, 'a "q"'] as ta,
      array[[true,false],[false,true]] as bb, '[0:1]={7,8}'::int[] as bounded, null::int as nul`;
    const CONN = { 'Neon-Connection-String': DRIVER_HEADERS['Neon-Connection-String'] };
    const objects = await post({ query }, CONN);
    expect(objects.body.rowAsArray).toBe(false);
    expect(objects.body.rows).toEqual([
      {
        b: true,
        i2: 12,
        i4: 34,
        i8: '5',
        f: 1.5,
        nan: 'NaN',
        n: '1.10',
        j: { a: [1, null] },
        ia: [1, null, 3],
        ta: ['x', null, 'a "q"'],
        bb: [
          [true, false],
          [false, true],
        ],
        bounded: [7, 8],
        nul: null,
      },
    ]);
    const arrays = await post({ query: 'select 1 as a, 2 as b' }, { ...CONN, 'Neon-Array-Mode': 'true' });
    expect(arrays.body).toMatchObject({ rowAsArray: true, rows: [[1, 2]] });
    const override = await post({ query: 'select 1 as a', arrayMode: false }, DRIVER_HEADERS);
    expect(override.body).toMatchObject({ rowAsArray: false, rows: [{ a: '1' }] });
    const batch = await post({ queries: [{ query: 'select 1 as a' }, { query: 'select 2 as b', arrayMode: true }] }, CONN);
    expect(batch.body.results.map((r: { rows: unknown }) => r.rows)).toEqual([[{ a: 1 }], [[2]]]);
  });

  it('accepts JSON parameters of any type, converted to text as Neon does', async () => {
    const res = await post({
      query: 'select $1::int as i, $2::bool as b, $3::jsonb as j, $4::text[] as ta, $5::int as n, $6::int[] as nested',
      params: [
        42,
        true,
        { a: 1 },
        ['x', 'y"z', null],
        null,
        [
          [1, 2],
          [3, 4],
        ],
      ],
    });
    expect(res.body.rows).toEqual([['42', 't', '{"a": 1}', '{x,"y\\"z",NULL}', null, '{{1,2},{3,4}}']]);
  });

  it('runs batches in one transaction and echoes the transaction headers', async () => {
    const ok = await post(
      { queries: [{ query: `select current_setting('transaction_isolation') as iso` }, { query: 'select 2' }] },
      {
        ...DRIVER_HEADERS,
        'Neon-Batch-Isolation-Level': 'RepeatableRead',
        'Neon-Batch-Read-Only': 'true',
        'Neon-Batch-Deferrable': 'true',
      },
    );
    expect(ok.status).toBe(200);
    expect(ok.body.results).toHaveLength(2);
    expect(ok.body.results[0].rows).toEqual([['repeatable read']]);
    expect(ok.headers.get('neon-batch-isolation-level')).toBe('RepeatableRead');
    expect(ok.headers.get('neon-batch-read-only')).toBe('true');
    expect(ok.headers.get('neon-batch-deferrable')).toBe('true');
    expect((await post({ queries: [] })).body).toEqual({ results: [] });

    const t = `"${schema}".t`;
    const failed = await post({
      queries: [{ query: `insert into ${t} values (1, 'a')` }, { query: `insert into ${t} values (1, 'b')` }],
    });
    expect(failed.status).toBe(400);
    expect((await post({ query: `select count(*) from ${t}` })).body.rows).toEqual([['0']]);
  });

  it('reports Postgres errors as 400 with every error field (null when absent)', async () => {
    const t = `"${schema}".t`;
    await post({ query: `insert into ${t} values (5, 'x')` });
    const res = await post({ query: `insert into ${t} values ($1, 'y')`, params: ['5'] });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(Object.keys(res.body).sort()).toEqual(
      [
        'message',
        'severity',
        'code',
        'detail',
        'hint',
        'position',
        'internalPosition',
        'internalQuery',
        'where',
        'schema',
        'table',
        'column',
        'dataType',
        'constraint',
        'file',
        'line',
        'routine',
      ].sort(),
    );
    expect(res.body).toMatchObject({
      message: 'duplicate key value violates unique constraint "t_pkey"',
      code: '23505',
      severity: 'ERROR',
      detail: 'Key (id)=(5) already exists.',
      schema,
      table: 't',
      constraint: 't_pkey',
      hint: null,
      column: null,
    });
    const syntax = await post({ query: 'select from from' });
    expect(syntax.body).toMatchObject({ code: '42601', position: '13' });
  });

  it('counts POST /sql requests and the statements they run', async () => {
    const before = { ...local.stats };
    await post({ query: 'select 1' });
    await post({ queries: [{ query: 'select 1' }, { query: 'select 2' }, { query: 'select 3' }] });
    await post({ queries: [{ query: 'select 1' }, { query: 'selec' }, { query: 'select 3' }] });
    await post('{bad json');
    await fetch(local.url.replace(/\/sql$/, '/nope'), { method: 'POST', body: '{}' });
    expect(local.stats.requests - before.requests).toBe(4);
    expect(local.stats.statements - before.statements).toBe(1 + 3 + 2);
  });
});
