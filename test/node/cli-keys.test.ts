// `identsphere keys rotate|list` as an operator runs them: the first key signs at once, a rotation adds a
// pending key and schedules the current one's retirement; private keys are stored sealed.
import { randomUUID } from 'node:crypto';
import { type NeonLocal, startNeonLocal } from '@identsphere/neon-local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from './cli-support.ts';

let local: NeonLocal;
const schema = `cli_keys_${randomUUID().slice(0, 8)}`;
const env = () => ({
  DATABASE_URL: `postgres://identsphere:local@127.0.0.1:${local.port}/identsphere`,
  IDENTSPHERE_DATABASE_LOCAL_HTTP: 'true',
  IDENTSPHERE_SCHEMA: schema,
  IDENTSPHERE_ENCRYPTION_KEY: 'ab'.repeat(32),
});

beforeAll(async () => {
  local = await startNeonLocal({});
  expect((await cli(['migrate', 'up'], env())).code).toBe(0);
});
afterAll(async () => {
  await local?.close();
});

describe('identsphere keys', () => {
  it('rotate creates a signing key, then a pending successor; list shows their states', async () => {
    const empty = await cli(['keys', 'list'], env());
    expect(empty.code).toBe(0);
    expect(empty.stdout.trim()).toBe('');

    const first = await cli(['keys', 'rotate'], env());
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const firstKid = /created key (\S+):/.exec(first.stdout)![1]!;
    const second = await cli(['keys', 'rotate'], env());
    expect(second.code).toBe(0);
    const secondKid = /created key (\S+):/.exec(second.stdout)![1]!;

    const listed = (await cli(['keys', 'list'], env())).stdout.trim().split('\n');
    expect(listed).toHaveLength(2);
    expect(listed[0]).toMatch(new RegExp(`^${firstKid} +signing `));
    expect(listed[1]).toMatch(new RegExp(`^${secondKid} +pending `));

    const rows = (
      await local.backend.query(
        `select kid, private_key_encrypted, (retires_at = lead(activates_at) over (order by created_at))::text
           from "${schema}".signing_keys order by created_at`,
        [],
      )
    ).rows as unknown as [string, string, string | null][];
    expect(rows.map((r) => r[0])).toEqual([firstKid, secondKid]);
    // The first key retires exactly when its successor starts signing.
    expect(rows[0]![2]).toBe('true');
    for (const r of rows) expect(r[1]).toMatch(/^v1\.[\w-]+\.[\w-]+$/);
  });

  it('refuses an unknown subcommand', async () => {
    const res = await cli(['keys', 'burn'], env());
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/unknown keys command: burn/);
  });
});
