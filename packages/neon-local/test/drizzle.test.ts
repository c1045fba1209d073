// drizzle-orm/neon-http against the local Neon-HTTP endpoint (PGlite, plus PostgreSQL when
// IDENTSPHERE_TEST_DATABASE_URL is set). In its own file because drizzle() replaces some of the
// driver's global type parsers (see the last test), which would change what plain neon() returns.
import { randomUUID } from 'node:crypto';
import { neon, neonConfig } from '@neondatabase/serverless';
import { count, sql as dsql, eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/neon-http';
import { integer, jsonb, pgSchema, serial, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type NeonLocal, startNeonLocal } from '../src/server.ts';

const BACKENDS = [
  { name: 'PGlite', databaseUrl: undefined },
  ...(process.env.IDENTSPHERE_TEST_DATABASE_URL ? [{ name: 'PostgreSQL', databaseUrl: process.env.IDENTSPHERE_TEST_DATABASE_URL }] : []),
];

describe.each(BACKENDS)('neon-local on $name, through drizzle-orm/neon-http', ({ databaseUrl }) => {
  let local: NeonLocal;
  const schema = `nl_dz_${Date.now().toString(36)}_${randomUUID().slice(0, 8)}`;
  const s = `"${schema}"`;
  const client = neon('postgres://user:pass@localhost/db');
  const db = drizzle({ client });
  const users = pgSchema(schema).table('users', {
    id: serial('id').primaryKey(),
    email: text('email').notNull().unique(),
    logins: integer('logins').notNull().default(0),
    token: uuid('token').notNull().defaultRandom(),
    profile: jsonb('profile').$type<{ name: string; tags: string[] }>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  });

  beforeAll(async () => {
    local = await startNeonLocal({ databaseUrl });
    await local.backend.exec(`create schema ${s};
      create table ${s}.users (id serial primary key, email text not null unique, logins integer not null default 0,
        token uuid not null default gen_random_uuid(), profile jsonb, created_at timestamptz not null default now())`);
  });
  beforeEach(() => {
    neonConfig.fetchEndpoint = local.url;
  });
  afterAll(async () => {
    await local?.backend.exec(`drop schema if exists ${s} cascade`);
    await local?.close();
  });

  it('runs db.batch() as one transaction and maps the results', async () => {
    const [inserted, all, counted] = await db.batch([
      db
        .insert(users)
        .values([
          { email: 'a@x', profile: { name: 'A', tags: ['x', 'y'] } },
          { email: 'b@x', logins: 3 },
        ])
        .returning(),
      db.select({ email: users.email, logins: users.logins, profile: users.profile }).from(users).orderBy(users.id),
      db.select({ n: count() }).from(users),
    ]);
    expect(inserted.map((u) => u.email)).toEqual(['a@x', 'b@x']);
    expect(inserted[0]!.createdAt).toBeInstanceOf(Date);
    expect(inserted[0]!.token).toMatch(/^[0-9a-f-]{36}$/);
    expect(all).toEqual([
      { email: 'a@x', logins: 0, profile: { name: 'A', tags: ['x', 'y'] } },
      { email: 'b@x', logins: 3, profile: null },
    ]);
    expect(counted).toEqual([{ n: 2 }]);
  });

  it('rolls the whole batch back when one statement fails', async () => {
    const failure: unknown = await db
      .batch([
        db.update(users).set({ logins: 100 }).where(eq(users.email, 'a@x')),
        db.insert(users).values({ email: 'c@x' }),
        db.insert(users).values({ email: 'a@x' }),
      ])
      .then(
        () => expect.unreachable('expected the batch to fail'),
        (e: unknown) => e,
      );
    const cause = (failure as { cause?: unknown }).cause ?? failure;
    expect(cause).toMatchObject({ code: '23505', constraint: 'users_email_key' });
    const rows = await db.select({ email: users.email, logins: users.logins }).from(users).orderBy(users.email);
    expect(rows).toEqual([
      { email: 'a@x', logins: 0 },
      { email: 'b@x', logins: 3 },
    ]);
  });

  it('surfaces single-query errors with the SQLSTATE on the cause', async () => {
    const failure: unknown = await db
      .insert(users)
      .values({ email: 'b@x' })
      .then(
        () => expect.unreachable('expected the insert to fail'),
        (e: unknown) => e,
      );
    expect((failure as { cause?: unknown }).cause).toMatchObject({ code: '23505', table: 'users', schema });
  });

  it('runs updates, raw sql and concurrent queries', async () => {
    const [updated] = await db
      .update(users)
      .set({ logins: dsql`${users.logins} + 1` })
      .where(eq(users.email, 'b@x'))
      .returning({ logins: users.logins });
    expect(updated).toEqual({ logins: 4 });
    const raw = await db.execute(dsql`select ${'v'}::text as v, ${7}::int as n`);
    expect(raw.rows).toEqual([{ v: 'v', n: 7 }]);
    const emails = await Promise.all(
      ['a@x', 'b@x', 'nobody@x'].map((e) => db.select({ id: users.id }).from(users).where(eq(users.email, e))),
    );
    expect(emails.map((r) => r.length)).toEqual([1, 1, 0]);
  });

  it('documents a drizzle side effect: drizzle() makes the driver return timestamps and dates as text', async () => {
    // drizzle-orm/neon-http's driver calls types.setTypeParser(TIMESTAMPTZ/TIMESTAMP/DATE/INTERVAL…, identity)
    // on the driver's global parsers, so plain neon() queries in the same isolate get strings from then on.
    const [row] = (await client`select '2024-02-29 12:00:00+00'::timestamptz as ts, '2024-02-29'::date as d`) as [
      { ts: unknown; d: unknown },
    ];
    expect(typeof row.ts).toBe('string');
    expect(new Date(row.ts as string).toISOString()).toBe('2024-02-29T12:00:00.000Z');
    expect(row.d).toBe('2024-02-29');
  });
});
