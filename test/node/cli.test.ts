// The `identsphere` CLI run as a child process: migrate (idempotent, non-default schema, clear error without
// the right to create the schema), audit prune, secret generate. Against the local Neon-HTTP endpoint on
// PGlite (the Worker's own protocol) and, when IDENTSPHERE_TEST_DATABASE_URL is set, PostgreSQL over TCP.
import { randomUUID } from 'node:crypto';
import { type NeonLocal, startNeonLocal } from '@identsphere/neon-local';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from './cli-support.ts';

interface Target {
  name: string;
  env: () => Record<string, string>;
  sql: (text: string) => Promise<unknown[][]>;
}

let local: NeonLocal;
const serverUrl = process.env.IDENTSPHERE_TEST_DATABASE_URL;
const targets: Target[] = [
  {
    name: 'local Neon-HTTP endpoint (PGlite)',
    env: () => ({
      DATABASE_URL: `postgres://identsphere:local@127.0.0.1:${local.port}/identsphere`,
      IDENTSPHERE_DATABASE_LOCAL_HTTP: 'true',
    }),
    sql: async (text) => (await local.backend.query(text, [])).rows,
  },
  ...(serverUrl
    ? [
        {
          name: 'PostgreSQL over TCP',
          env: () => ({ DATABASE_URL: serverUrl, IDENTSPHERE_DATABASE_LOCAL_HTTP: '' }),
          sql: async (text: string) => {
            const client = new pg.Client(serverUrl);
            await client.connect();
            try {
              return (await client.query({ text, rowMode: 'array' })).rows;
            } finally {
              await client.end();
            }
          },
        },
      ]
    : []),
];

beforeAll(async () => {
  local = await startNeonLocal({});
});
afterAll(async () => {
  await local?.close();
});

describe('identsphere secret generate', () => {
  it('prints 32 random bytes as hex', async () => {
    const a = await cli(['secret', 'generate']);
    const b = await cli(['secret', 'generate']);
    expect(a.stdout.trim()).toMatch(/^[0-9a-f]{64}$/);
    expect(a.stdout).not.toBe(b.stdout);
  });
});

describe.each(targets)('identsphere migrate on $name', (target) => {
  const schema = `cli_${randomUUID().slice(0, 8)}`;
  afterAll(() => target.sql(`drop schema if exists "${schema}" cascade`));

  it('applies every migration into a non-default schema, then is a no-op', async () => {
    const env = { ...target.env(), IDENTSPHERE_SCHEMA: schema };
    const first = await cli(['migrate', 'up'], env);
    // Nothing on stderr but the progress, one plain line per migration (not a terminal).
    expect(first.stderr).toMatch(/^(applying \d+\/\d+ \S+…\n)+$/);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(new RegExp(`applied 0000_init.*\\(schema ${schema}\\)`));
    const tables = await target.sql(`select table_name from information_schema.tables where table_schema = '${schema}' order by 1`);
    expect(tables.flat()).toEqual(
      expect.arrayContaining(['users', 'sessions', 'organizations', 'memberships', 'audit_logs', '__drizzle_migrations']),
    );
    const second = await cli(['migrate', 'up'], env);
    expect(second.code).toBe(0);
    expect(second.stdout.trim()).toBe(`up to date (schema ${schema})`);
    const status = await cli(['migrate', 'status'], env);
    expect(status.stdout).toMatch(/applied {2}0000_init/);
    expect(status.stdout).toMatch(/ 0 pending/);
  });

  it('the webhook outbox trigger writes into the same non-default schema (its function body renamed too)', async () => {
    const env = { ...target.env(), IDENTSPHERE_SCHEMA: schema };
    await cli(['migrate', 'up'], env);
    const user = randomUUID();
    // No enabled endpoint: nothing accumulates.
    await target.sql(`insert into "${schema}".audit_logs (event, user_id) values ('user.registered', '${user}')`);
    expect(await target.sql(`select type from "${schema}".webhook_events where user_id = '${user}'`)).toEqual([]);
    await target.sql(
      `insert into "${schema}".webhook_endpoints (id, url, secret_sealed, created_at, updated_at) values ('${randomUUID()}', 'https://r.example/', 'x', now(), now())`,
    );
    await target.sql(
      `insert into "${schema}".audit_logs (event, user_id, metadata) values ('organization.invitation_accepted', '${user}', '{"role": "member", "invitation_id": "i1", "token": "leak"}')`,
    );
    expect(
      await target.sql(
        `select type, data->>'role', coalesce(data->>'token', 'none') from "${schema}".webhook_events where user_id = '${user}' order by type`,
      ),
    ).toEqual([
      ['invitation.accepted', 'member', 'none'],
      ['membership.added', 'member', 'none'],
    ]);
    await target.sql(`delete from "${schema}".audit_logs where user_id = '${user}'`);
  });

  it('prunes audit rows older than N days, in batches', async () => {
    const env = { ...target.env(), IDENTSPHERE_SCHEMA: schema };
    await cli(['migrate', 'up'], env);
    await target.sql(
      `insert into "${schema}".audit_logs (event, created_at) select 'old', now() - interval '100 days' from generate_series(1, 5100);
       `
        .trim()
        .replace(/;$/, ''),
    );
    await target.sql(`insert into "${schema}".audit_logs (event, created_at) values ('recent', now())`);
    const res = await cli(['audit', 'prune', '--older-than', '90'], env);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/deleted 5100 audit_logs rows older than 90 days/);
    expect(await target.sql(`select event from "${schema}".audit_logs`)).toEqual([['recent']]);
  });
});

if (serverUrl) {
  describe('identsphere migrate without the right to create the schema (PostgreSQL)', () => {
    const role = `cli_nocreate_${randomUUID().slice(0, 8)}`;
    const admin = targets[1]!;
    afterAll(() => admin.sql(`drop role if exists ${role}`));

    it('fails with a clear message naming CREATE SCHEMA', async () => {
      await admin.sql(`create role ${role} login`);
      const url = new URL(serverUrl);
      url.username = role;
      const res = await cli(['migrate', 'up'], {
        DATABASE_URL: url.toString(),
        IDENTSPHERE_DATABASE_LOCAL_HTTP: '',
        IDENTSPHERE_SCHEMA: `cli_missing_${role.slice(-8)}`,
      });
      expect(res.code).toBe(2);
      expect(res.stderr).toMatch(/does not exist and this user may not create it: run CREATE SCHEMA cli_missing_\w+;/);
    });
  });
}

describe('identsphere usage errors', () => {
  it('explains missing settings and unknown commands', async () => {
    expect((await cli(['migrate', 'up'], { DATABASE_URL: '' })).stderr).toMatch(/DATABASE_URL is not set/);
    expect((await cli(['frobnicate'])).stderr).toMatch(/unknown command: frobnicate/);
    expect((await cli(['migrate', 'up'], { DATABASE_URL: 'postgres://x@127.0.0.1:1/x', IDENTSPHERE_SCHEMA: 'Bad-Name' })).stderr).toMatch(
      /lower-case Postgres identifier/,
    );
  });
});
