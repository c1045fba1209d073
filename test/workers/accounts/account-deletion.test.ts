// Right to be forgotten: after DELETE /v1/auth/me no table of the schema holds the user's id or email (but for
// invitations other organizations sent to the address; see account-deletion-scope) (every
// table and column is read from information_schema, so tables added by other features are checked too), the
// avatar object is gone from R2, and the old cookie gets 401.
import { env } from 'cloudflare:workers';
import { describe, expect, it, vi } from 'vitest';
import { memoryAvatarBucket } from '../../../src/platform/adapters/avatar-storage.ts';
import { png } from '../../fixtures/images.ts';
import {
  addMember,
  call,
  clockedEnv,
  createOrganization,
  enrollPasskey,
  expectError,
  FlakyAvatarStorage,
  json,
  loginOptions,
  loginUser,
  PASSWORD,
  putAvatar,
  registerUser,
  sessionCookie,
  sql,
  team,
  testEnv,
  tokenFromMail,
  totp,
  uniqueEmail,
  withDeps,
} from '../support/index.ts';

const bucket = (env as unknown as { AVATARS: R2Bucket }).AVATARS;

/** Every (table, column, hits) in the test schema where a value contains `needle` (as text, any type). */
async function rowsHolding(needle: string): Promise<string[]> {
  const columns = await sql<{ table_name: string; column_name: string }>(
    `select c.table_name, c.column_name from information_schema.columns c
     join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
     where c.table_schema = $1 order by 1, 2`,
    [(testEnv as { IDENTSPHERE_SCHEMA: string }).IDENTSPHERE_SCHEMA],
  );
  expect(columns.length).toBeGreaterThan(20);
  const found: string[] = [];
  for (const { table_name, column_name } of columns) {
    const [row] = await sql<{ n: number }>(
      `select count(*)::int as n from $schema."${table_name}" where strpos(lower("${column_name}"::text), lower($1)) > 0`,
      [needle],
    );
    if (row!.n > 0) found.push(`${table_name}.${column_name} (${row!.n})`);
  }
  return found;
}

const deleteMe = (cookie: string, body?: unknown, init = {}) => call('/v1/auth/me', { method: 'DELETE', cookie, json: body, ...init });

describe('account deletion', () => {
  it('leaves no row holding the user id or email in any table, deletes the R2 object, and the old cookie gets 401', async () => {
    const victim = await registerUser(uniqueEmail('forget-me'));
    const { id, email } = { id: victim.user.id, email: victim.email };
    // Give the account data in as many places as possible.
    await json(
      await call('/v1/auth/me', {
        method: 'PATCH',
        cookie: victim.cookie,
        json: { name: 'Forget Me', locale: 'fr', time_zone: 'Europe/Paris' },
      }),
    );
    const { avatar_url } = await json<{ avatar_url: string }>(await putAvatar(victim.cookie, await png(16, 16)));
    const avatarKey = avatar_url.split('/').pop()!;
    const second = sessionCookie(await loginUser(email));
    expect((await call('/v1/auth/session', { cookie: second })).status).toBe(200); // cache warm
    await json(
      await call('/v1/auth/me', {
        method: 'PATCH',
        cookie: victim.cookie,
        json: { email: uniqueEmail('pending'), current_password: PASSWORD },
      }),
    ); // pending token
    const solo = await createOrganization(victim.cookie, 'Only me');
    // A shared organization where the victim is a member, an organization where the victim invited someone,
    // a pending invitation addressed to the victim, and another user's audit event naming the victim.
    const { org: shared, owner } = await team();
    await json(
      await call(`/v1/auth/organizations/${shared.id}/invitations`, {
        method: 'POST',
        cookie: owner.cookie,
        json: { email, role: 'member' },
      }),
      201,
    );
    await json(
      await call('/v1/auth/invitations/accept', {
        method: 'POST',
        cookie: victim.cookie,
        json: { token: tokenFromMail(email, 'organization_invitation') },
      }),
    );
    await json(
      await call(`/v1/auth/organizations/${shared.id}/members/${id}`, { method: 'PATCH', cookie: owner.cookie, json: { role: 'admin' } }),
    );
    const other = await createOrganization(owner.cookie, 'Pending');
    await json(
      await call(`/v1/auth/organizations/${other.id}/invitations`, { method: 'POST', cookie: owner.cookie, json: { email } }),
      201,
    );
    await json(
      await call(`/v1/auth/organizations/${solo.id}/invitations`, {
        method: 'POST',
        cookie: victim.cookie,
        json: { email: uniqueEmail('invitee') },
      }),
      201,
    );
    await loginUser(email, 'wrong password'); // a login.failed event
    // Second factors: a passkey, TOTP with recovery codes, an email-hinted passkey ceremony, an MFA sign-in in flight.
    await enrollPasskey(victim.cookie);
    const setup = await json<{ secret: string }>(await call('/v1/auth/mfa/totp/setup', { method: 'POST', cookie: victim.cookie }));
    await json(
      await call('/v1/auth/mfa/totp/confirm', {
        method: 'POST',
        cookie: victim.cookie,
        json: { code: await totp(setup.secret, Date.now(), -1) },
      }),
    );
    await loginOptions({ email });
    expect(await json<{ mfa_required: boolean }>(await loginUser(email))).toMatchObject({ mfa_required: true });
    for (const table of ['passkeys', 'totp_credentials', 'recovery_codes', 'webauthn_challenges', 'mfa_challenges']) {
      expect(await sql(`select 1 from $schema.${table} where user_id = $1`, [id]), table).not.toHaveLength(0);
    }
    expect((await rowsHolding(id)).length).toBeGreaterThan(5);
    expect((await rowsHolding(email)).length).toBeGreaterThan(0);

    expect((await deleteMe(victim.cookie, { password: PASSWORD })).status).toBe(204);

    expect(await rowsHolding(id)).toEqual([]);
    // Only the other organization's invitation to the address remains: it is that organization's row.
    expect(await rowsHolding(email)).toEqual(['invitations.email (1)']);
    expect(await bucket.head(avatarKey)).toBeNull();
    for (const cookie of [victim.cookie, second]) await expectError(await call('/v1/auth/session', { cookie }), 401, 'unauthorized');
    await expectError(await loginUser(email), 401, 'invalid_credentials');
    // The solo organization is gone; the shared one lives on without the victim.
    expect(await sql('select 1 from $schema.organizations where id = $1', [solo.id])).toHaveLength(0);
    expect(await sql('select 1 from $schema.organizations where id = $1', [shared.id])).toHaveLength(1);
    // Audit rows keep their events, detached: a user.deleted event remains; the owner's record of the role
    // change survives without naming the victim.
    const [deleted] = await sql<{ user_id: null; ip: null; user_agent: null }>(
      "select user_id, ip, user_agent from $schema.audit_logs where event = 'user.deleted' order by id desc limit 1",
    );
    expect(deleted).toEqual({ user_id: null, ip: null, user_agent: null });
    const [roleChange] = await sql<{ metadata: Record<string, string> }>(
      "select metadata from $schema.audit_logs where event = 'organization.member_role_changed' and organization_id = $1",
      [shared.id],
    );
    expect(roleChange!.metadata).toEqual({ target_user_id: 'deleted-user', from: 'member', to: 'admin' });
    expect(
      await sql("select 1 from $schema.audit_logs where event = 'user.registered' and user_id is null and request_id is not null"),
    ).not.toHaveLength(0);
  });

  it('the sole owner of an organization with other members gets 409 transfer_ownership_first; nothing is deleted', async () => {
    const { org, owner } = await team();
    const res = await deleteMe(owner.cookie, { password: PASSWORD });
    const body = await expectError(res, 409, 'transfer_ownership_first');
    expect(JSON.stringify(body)).toContain(org.id);
    expect((await call('/v1/auth/session', { cookie: owner.cookie })).status).toBe(200);
    // With a second owner, the first can go; the organization stays with the other owner.
    const coOwner = await addMember(owner.cookie, org.id, 'owner');
    expect((await deleteMe(owner.cookie, { password: PASSWORD })).status).toBe(204);
    expect(
      await sql('select role from $schema.memberships where organization_id = $1 and user_id = $2', [org.id, coOwner.user.id]),
    ).toEqual([{ role: 'owner' }]);
  });

  it('needs the password or a fresh session', async () => {
    const { env, clock } = clockedEnv();
    const { cookie, email } = await registerUser(undefined, undefined, env);
    clock.advance(6 * 60 * 1000);
    await expectError(await deleteMe(cookie, undefined, { env }), 403, 'reauthentication_required');
    await expectError(await deleteMe(cookie, { password: 'not my password' }, { env }), 403, 'reauthentication_required');
    expect((await call('/v1/auth/session', { cookie, env })).status).toBe(200);
    const fresh = sessionCookie(await loginUser(email, PASSWORD, { env }));
    const res = await call('/v1/auth/me', { method: 'DELETE', cookie: fresh, env }); // no body at all
    expect(res.status).toBe(204);
    expect(res.headers.getSetCookie().join()).toMatch(/Max-Age=0/);
    await expectError(await call('/v1/auth/session', { cookie, env }), 401, 'unauthorized');
  });

  it('a storage outage does not block deletion: the object stays queued and the scheduled job deletes it', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const noBucket = { ...testEnv, AVATARS: undefined };
    const avatars = new FlakyAvatarStorage();
    withDeps(noBucket, { avatars });
    const { cookie } = await registerUser(undefined, undefined, noBucket);
    const { avatar_url } = await json<{ avatar_url: string }>(await putAvatar(cookie, await png(4, 4), { env: noBucket }));
    const key = avatar_url.split('/').pop()!;
    avatars.failNext();
    expect((await deleteMe(cookie, { password: PASSWORD }, { env: noBucket })).status).toBe(204);
    expect(memoryAvatarBucket.objects.has(key)).toBe(true);
    expect(await sql('select 1 from $schema.avatar_deletions where key = $1', [key])).toHaveLength(1);
    const { default: worker } = await import('../../../src/index.ts');
    const pending: Promise<unknown>[] = [];
    const ctx = { waitUntil: (p: Promise<unknown>) => pending.push(p) } as unknown as ExecutionContext;
    await worker.scheduled({ cron: '17 3 * * *', scheduledTime: Date.now(), noRetry() {} } as ScheduledController, noBucket, ctx);
    await Promise.all(pending);
    expect(memoryAvatarBucket.objects.has(key)).toBe(false);
    expect(await sql('select 1 from $schema.avatar_deletions where key = $1', [key])).toHaveLength(0);
  });
});
