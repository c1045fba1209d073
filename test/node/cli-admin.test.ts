// `identsphere users|admin|api-keys` as an operator runs them: over the database connection, audited as the
// CLI operator, keys shown once and stored hashed, the last administrator kept, exit codes that mean something.
import { createHash, randomUUID } from 'node:crypto';
import { type NeonLocal, startNeonLocal } from '@identsphere/neon-local';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cli } from './cli-support.ts';

// Each command is a fresh Node process (~1-3 s on a busy CI machine); a test runs up to a dozen.
vi.setConfig({ testTimeout: 180_000 });

let local: NeonLocal;
const schema = `cli_admin_${randomUUID().slice(0, 8)}`;
const env = () => ({
  DATABASE_URL: `postgres://identsphere:local@127.0.0.1:${local.port}/identsphere`,
  IDENTSPHERE_DATABASE_LOCAL_HTTP: 'true',
  IDENTSPHERE_SCHEMA: schema,
});

async function query(text: string, params: unknown[] = []) {
  return (await local.backend.query(text, params)).rows as unknown as unknown[][];
}

async function addUser(email: string): Promise<string> {
  const id = randomUUID();
  await query(`insert into "${schema}".users (id, email, name) values ($1, $2, $3)`, [id, email, `Name of ${email}`]);
  return id;
}

async function addSession(userId: string): Promise<void> {
  const future = new Date(Date.now() + 3600_000).toISOString();
  await query(
    `insert into "${schema}".sessions (id, token_hash, user_id, created_at, last_seen_at, idle_expires_at, expires_at)
     values ($1, $2, $3, now(), now(), $4, $4)`,
    [randomUUID(), randomUUID(), userId, future],
  );
}

beforeAll(async () => {
  local = await startNeonLocal({});
  expect((await cli(['migrate', 'up'], env())).code).toBe(0);
});
afterAll(async () => {
  await local?.close();
});

describe('identsphere admin', () => {
  it('grants and revokes the platform role, never removing the last administrator', async () => {
    const first = await addUser('first-admin@example.com');
    await addUser('second-admin@example.com');
    expect((await cli(['admin', 'grant', 'nobody@example.com'], env())).code).toBe(4);
    expect((await cli(['admin', 'grant', 'First-Admin@Example.com'], env())).code).toBe(0);
    const last = await cli(['admin', 'revoke', 'first-admin@example.com'], env());
    expect(last.code).toBe(1);
    expect(last.stderr).toMatch(/last_admin/);
    expect((await cli(['admin', 'grant', 'second-admin@example.com'], env())).code).toBe(0);
    expect((await cli(['admin', 'revoke', 'first-admin@example.com'], env())).code).toBe(0);
    const listed = JSON.parse((await cli(['admin', 'list', '--json'], env())).stdout) as { email: string }[];
    expect(listed.map((a) => a.email)).toEqual(['second-admin@example.com']);
    const audit = await query(`select event, actor_type, actor_id from "${schema}".audit_logs where user_id = $1 order by id`, [first]);
    expect(audit.map((r) => [r[0], r[1]])).toEqual([
      ['admin.granted', 'cli'],
      ['admin.revoked', 'cli'],
    ]);
    expect(audit[0]![2]).toBeTruthy();
  });
});

describe('identsphere api-keys', () => {
  it('prints a new key once and stores only its hash; list never shows it; revoke is final', async () => {
    const created = await cli(['api-keys', 'create', '--name', 'billing backend', '--scopes', 'users:read,audit:read', '--json'], env());
    expect(created.code).toBe(0);
    const { key, api_key } = JSON.parse(created.stdout) as { key: string; api_key: { id: string; scopes: string[] } };
    expect(key).toMatch(/^isk_[\w-]{43}$/);
    expect(api_key.scopes).toEqual(['users:read', 'audit:read']);
    const [row] = await query(`select key_hash, prefix, name from "${schema}".api_keys where id = $1`, [api_key.id]);
    expect(row![0]).toBe(createHash('sha256').update(key).digest('hex'));
    expect(row![1]).toBe(key.slice(0, 12));
    const dump = JSON.stringify(await query(`select * from "${schema}".api_keys`));
    expect(dump).not.toContain(key.slice(12));

    const listed = await cli(['api-keys', 'list'], env());
    expect(listed.stdout).toContain(api_key.id);
    expect(listed.stdout).not.toContain(key.slice(12));

    expect((await cli(['api-keys', 'revoke', api_key.id], env())).code).toBe(0);
    expect((await cli(['api-keys', 'revoke', api_key.id], env())).code).toBe(4);
    const [revoked] = await query(`select (revoked_at is not null)::text from "${schema}".api_keys where id = $1`, [api_key.id]);
    expect(revoked![0]).toBe('true');
  });

  it('refuses unknown scopes and a missing name with a usage error', async () => {
    const bad = await cli(['api-keys', 'create', '--name', 'x', '--scopes', 'users:read,root'], env());
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown: root/);
    expect((await cli(['api-keys', 'create', '--scopes', 'users:read'], env())).code).toBe(2);
  });
});

describe('identsphere users', () => {
  it('lists, shows, disables (revoking sessions), enables, signs out and deletes, each audited as the CLI', async () => {
    const id = await addUser('cli-target@example.com');
    await addSession(id);
    await addSession(id);

    const list = JSON.parse((await cli(['users', 'list', '--query', 'cli-tar', '--json'], env())).stdout) as { users: { id: string }[] };
    expect(list.users.map((u) => u.id)).toEqual([id]);
    const table = await cli(['users', 'list', '--query', 'cli-tar'], env());
    expect(table.stdout).toMatch(/^ID +EMAIL +NAME/);
    expect(table.stdout).toContain('cli-target@example.com');

    const shown = JSON.parse((await cli(['users', 'show', 'cli-target@example.com', '--json'], env())).stdout) as {
      user: { id: string };
      sessions: unknown[];
    };
    expect(shown.user.id).toBe(id);
    expect(shown.sessions).toHaveLength(2);

    expect((await cli(['users', 'disable', id], env())).code).toBe(2); // --reason is required
    const disabled = await cli(['users', 'disable', id, '--reason', 'chargeback fraud', '--json'], env());
    expect(disabled.code).toBe(0);
    expect(JSON.parse(disabled.stdout)).toEqual({ sessions_revoked: 2 });
    const [state] = await query(`select (disabled_at is not null)::text, disabled_reason from "${schema}".users where id = $1`, [id]);
    expect(state).toEqual(['true', 'chargeback fraud']);
    const disabledList = JSON.parse((await cli(['users', 'list', '--disabled', '--json'], env())).stdout) as { users: { id: string }[] };
    expect(disabledList.users.map((u) => u.id)).toContain(id);

    expect(JSON.parse((await cli(['users', 'enable', id, '--json'], env())).stdout)).toEqual({ changed: true });
    await addSession(id);
    expect(JSON.parse((await cli(['users', 'sign-out', id, '--json'], env())).stdout)).toEqual({ sessions_revoked: 1 });

    expect((await cli(['users', 'delete', id], env())).code).toBe(2); // --yes is required
    expect((await cli(['users', 'delete', id, '--yes'], env())).code).toBe(0);
    expect(await query(`select 1 from "${schema}".users where id = $1`, [id])).toEqual([]);
    expect((await cli(['users', 'show', id], env())).code).toBe(4);

    const events = await query(
      `select event, actor_type from "${schema}".audit_logs where metadata::text like '%chargeback%' or event in ('user.enabled', 'user.signed_out', 'user.deleted') order by id`,
    );
    expect(events).toEqual([
      ['user.disabled', 'cli'],
      ['user.enabled', 'cli'],
      ['user.signed_out', 'cli'],
      ['user.deleted', 'cli'],
    ]);
  });

  it('a timed disable names its end and rejects a bad date', async () => {
    const id = await addUser('timed@example.com');
    expect((await cli(['users', 'disable', id, '--reason', 'cool-off', '--until', 'tomorrow'], env())).code).toBe(2);
    expect((await cli(['users', 'disable', id, '--reason', 'cool-off', '--until', '2001-01-01T00:00:00Z'], env())).code).toBe(2);
    const until = new Date(Date.now() + 86_400_000).toISOString();
    const res = await cli(['users', 'disable', id, '--reason', 'cool-off', '--until', until], env());
    expect(res.code).toBe(0);
    expect(res.stdout).toContain(`enabled again at ${until}`);
  });

  it('unknown users and unknown subcommands have their own exit codes', async () => {
    expect((await cli(['users', 'sign-out', 'ghost@example.com'], env())).code).toBe(4);
    expect((await cli(['users', 'sign-out', randomUUID()], env())).code).toBe(4);
    expect((await cli(['users', 'explode'], env())).code).toBe(2);
  });
});
