// The last enabled platform administrator cannot be disabled, deleted (by the admin API or self-service) or
// demoted: nobody could administer afterwards. Another enabled administrator lifts the guard; a disabled one
// does not count. Runs in its own schema: the guard counts every administrator, and other files make some.
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { grantPlatformAdmin, listPlatformAdmins, revokePlatformAdmin } from '../../../src/features/admin/platform-admins.ts';
import { CLI_CONTEXT, call, envWith, expectError, json, registerUser, setPlatformRole, sql, withDeps } from '../support/index.ts';

const schema = inject('adminsSchema');
const quoted = `"${schema}"`;
const env = envWith({ IDENTSPHERE_SCHEMA: schema });
const deps = withDeps(env);

async function admin() {
  const user = await registerUser(undefined, undefined, env);
  await setPlatformRole(user.user.id, 'admin', quoted);
  return user;
}

const disable = (cookie: string, id: string) =>
  call(`/v1/admin/users/${id}/disable`, { method: 'POST', cookie, json: { reason: 'guard test' }, env });
const adminDelete = (cookie: string, id: string) => call(`/v1/admin/users/${id}`, { method: 'DELETE', cookie, env });
const deleteMe = (cookie: string) => call('/v1/auth/me', { method: 'DELETE', cookie, env });
const exists = async (id: string) => (await sql(`select 1 from ${quoted}.users where id = $1`, [id])).length === 1;

describe('last-admin guard', () => {
  beforeEach(async () => {
    // Every test starts with no administrator in this schema.
    await sql(`update ${quoted}.users set platform_role = null where platform_role is not null`);
  });

  it('the only administrator cannot disable, delete or demote themself (409 last_admin)', async () => {
    const only = await admin();
    await expectError(await disable(only.cookie, only.user.id), 409, 'last_admin');
    await expectError(await adminDelete(only.cookie, only.user.id), 409, 'last_admin');
    await expectError(await deleteMe(only.cookie), 409, 'last_admin');
    expect(await revokePlatformAdmin(deps, CLI_CONTEXT, only.email)).toEqual({ ok: false, reason: 'last_admin' });

    // Nothing changed: still an enabled administrator, still signed in, no audit event of a change.
    const { user } = await json<{ user: { disabled: boolean; platform_role: string | null } }>(
      await call(`/v1/admin/users/${only.user.id}`, { cookie: only.cookie, env }),
    );
    expect(user).toMatchObject({ disabled: false, platform_role: 'admin' });
    expect(
      await sql(
        `select event from ${quoted}.audit_logs where user_id = $1 and event in ('user.disabled', 'admin.revoked', 'user.deleted')`,
        [only.user.id],
      ),
    ).toEqual([]);
  });

  it('with a second enabled administrator the same changes go through', async () => {
    const a = await admin();
    const b = await admin();
    expect(await revokePlatformAdmin(deps, CLI_CONTEXT, b.email)).toEqual({ ok: true, changed: true });
    expect((await listPlatformAdmins(deps)).map((x) => x.id)).toEqual([a.user.id]);
    expect(await grantPlatformAdmin(deps, CLI_CONTEXT, b.email)).toEqual({ ok: true, changed: true });
    expect(await grantPlatformAdmin(deps, CLI_CONTEXT, b.email)).toEqual({ ok: true, changed: false });
    expect((await listPlatformAdmins(deps)).map((x) => x.id).sort()).toEqual([a.user.id, b.user.id].sort());

    // A disables themself: B remains.
    const disabled = await json<{ user: { disabled: boolean } }>(await disable(a.cookie, a.user.id));
    expect(disabled.user.disabled).toBe(true);
    // Now B is the last enabled one.
    await expectError(await deleteMe(b.cookie), 409, 'last_admin');
    await json(await call(`/v1/admin/users/${a.user.id}/enable`, { method: 'POST', cookie: b.cookie, env }));
    // With A enabled again, B may delete their own account …
    expect((await deleteMe(b.cookie)).status).toBe(204);
    expect(await exists(b.user.id)).toBe(false);
    // … and A, last again, may not delete themself through the admin API.
    const relogin = await call('/v1/auth/login', { method: 'POST', json: { email: a.email, password: a.password }, env });
    expect(relogin.status).toBe(200);
    const cookie = relogin.headers
      .getSetCookie()
      .find((c) => c.startsWith('identsphere_session='))!
      .split(';')[0]!;
    await expectError(await adminDelete(cookie, a.user.id), 409, 'last_admin');

    // Another administrator deleting A through the admin API works.
    const c = await admin();
    expect((await adminDelete(c.cookie, a.user.id)).status).toBe(204);
    expect(await exists(a.user.id)).toBe(false);
  });

  it('a disabled second administrator does not count; one whose disable has expired does', async () => {
    const a = await admin();
    const b = await admin();
    await json(await disable(a.cookie, b.user.id));
    // Still listed as an administrator, but disabled.
    expect((await listPlatformAdmins(deps)).find((x) => x.id === b.user.id)?.disabledAt).not.toBeNull();
    await expectError(await disable(a.cookie, a.user.id), 409, 'last_admin');
    await expectError(await deleteMe(a.cookie), 409, 'last_admin');
    expect(await revokePlatformAdmin(deps, CLI_CONTEXT, a.email)).toEqual({ ok: false, reason: 'last_admin' });

    // B's disable ends in the past (not yet cleared by the scheduled job): B is an enabled administrator again.
    await sql(`update ${quoted}.users set disabled_until = now() - interval '1 minute' where id = $1`, [b.user.id]);
    expect(await revokePlatformAdmin(deps, CLI_CONTEXT, a.email)).toEqual({ ok: true, changed: true });
  });
});
