// The admin users and organizations API route by route: search, filter and paginate; one user's full picture;
// sign-out, MFA reset, email verification and deletion doing what they say; every answer parses with the
// strict response schemas.
import { describe, expect, it } from 'vitest';
import {
  AdminMfaReset,
  AdminOrganizationPage,
  AdminSignedOut,
  AdminUserAnswer,
  AdminUserDetail,
  AdminUserDisabled,
  AdminUserPage,
} from '../../../src/features/admin/admin.schemas.ts';
import {
  apiKey,
  BEARER_TRANSPORT,
  bearer,
  bearerSignedIn,
  call,
  callback,
  challenge,
  createOrganization,
  enrollPasskey,
  expectError,
  json,
  landing,
  loginUser,
  mfaToken,
  oauthEnv,
  PASSWORD,
  registerUser,
  sessionCookie,
  startFlow,
  team,
  tokenFromMail,
  totp,
  uniqueEmail,
  userWithTotp,
  withKey,
} from '../support/index.ts';

const { key } = await apiKey(['users:read', 'users:write', 'organizations:read', 'audit:read']);
const admin = (path: string, init: Parameters<typeof withKey>[1] = {}) => call(path, withKey(key, init));
const list = async (query: string) => AdminUserPage.parse(await json(await admin(`/v1/admin/users?${query}`)));
const detail = async (id: string) => AdminUserDetail.parse(await json(await admin(`/v1/admin/users/${id}`)));
const tag = () => `t${crypto.randomUUID().slice(0, 8)}`;
const setName = async (cookie: string, name: string) => json(await call('/v1/auth/me', { method: 'PATCH', cookie, json: { name } }));

describe('admin users API', () => {
  it('finds users by email prefix or any part of the name; % and _ match literally', async () => {
    const t = tag();
    const a = await registerUser(uniqueEmail(`${t}a`));
    const b = await registerUser(uniqueEmail(`${t}b`));
    const c = await registerUser();
    await setName(c.cookie, `Grace ${t} Hopper`);
    const percent = await registerUser();
    await setName(percent.cookie, `100${t}%_sure`);
    const lookalike = await registerUser();
    await setName(lookalike.cookie, `100${t}xxsure`);

    const ids = async (query: string) => (await list(`query=${encodeURIComponent(query)}`)).users.map((u) => u.id).sort();
    expect(await ids(`${t}a`)).toEqual([a.user.id]);
    expect(await ids(t.toUpperCase())).toEqual([a.user.id, b.user.id, c.user.id, percent.user.id, lookalike.user.id].sort());
    // The name matches anywhere; the email only from its start.
    expect(await ids(`${t} hopper`)).toEqual([c.user.id]);
    expect(await ids(a.email.slice(3))).toEqual([]);
    expect(await ids(`${t}%_s`)).toEqual([percent.user.id]);
    expect(await ids(`100${t}__sure`)).toEqual([]);
    expect(await ids(`100${t}%sure`)).toEqual([]);
  });

  it('filters by disabled, pages with a cursor (no duplicates, no gaps) and validates the query', async () => {
    const t = tag();
    const users = [];
    for (let i = 0; i < 5; i++) users.push(await registerUser(uniqueEmail(t)));
    AdminUserDisabled.parse(
      await json(await admin(`/v1/admin/users/${users[1]!.user.id}/disable`, { method: 'POST', json: { reason: 'x' } })),
    );
    AdminUserDisabled.parse(
      await json(await admin(`/v1/admin/users/${users[3]!.user.id}/disable`, { method: 'POST', json: { reason: 'y' } })),
    );
    expect((await list(`query=${t}&disabled=true`)).users.map((u) => u.id).sort()).toEqual([users[1]!.user.id, users[3]!.user.id].sort());
    const enabled = (await list(`query=${t}&disabled=false`)).users;
    expect(enabled.map((u) => u.id).sort()).toEqual([users[0]!.user.id, users[2]!.user.id, users[4]!.user.id].sort());
    expect(enabled.every((u) => !u.disabled && u.disabled_at === null)).toBe(true);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await list(`query=${t}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.users.length).toBeLessThanOrEqual(2);
      seen.push(...page.users.map((u) => u.id));
      cursor = page.next_cursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    // Newest first, each once.
    expect(seen).toEqual(users.map((u) => u.user.id).reverse());

    for (const q of ['cursor=not-a-cursor', 'limit=0', 'limit=101', 'disabled=yes', 'unknown=1']) {
      await expectError(await admin(`/v1/admin/users?${q}`), 400, 'invalid_request');
    }
  });

  it('unknown and non-UUID ids: 404', async () => {
    await expectError(await admin(`/v1/admin/users/${crypto.randomUUID()}`), 404, 'not_found');
    await expectError(await admin('/v1/admin/users/not-a-uuid'), 404, 'not_found');
    await expectError(
      await admin(`/v1/admin/users/${crypto.randomUUID()}/disable`, { method: 'POST', json: { reason: 'x' } }),
      404,
      'not_found',
    );
    await expectError(await admin('/v1/admin/users/1/sign-out', { method: 'POST' }), 404, 'not_found');
  });

  it('shows one user: organizations and roles, sessions, MFA, passkeys, recent sign-ins', async () => {
    const user = await userWithTotp();
    await enrollPasskey(user.cookie);
    // A second organization where the user is an admin.
    const owner = await registerUser();
    const org = await createOrganization(owner.cookie, `Team ${tag()}`);
    await json(
      await call(`/v1/auth/organizations/${org.id}/invitations`, {
        method: 'POST',
        cookie: owner.cookie,
        json: { email: user.email, role: 'admin' },
      }),
      201,
    );
    await json(
      await call('/v1/auth/invitations/accept', {
        method: 'POST',
        cookie: user.cookie,
        json: { token: tokenFromMail(user.email, 'organization_invitation') },
      }),
    );
    await expectError(await loginUser(user.email, 'wrong password'), 401, 'invalid_credentials');
    const mfa_token = await mfaToken(user.email);
    const signedIn = await challenge({ mfa_token, code: await totp(user.secret) });
    expect(signedIn.status).toBe(200);

    const d = await detail(user.user.id);
    expect(d.user).toMatchObject({ id: user.user.id, email: user.email, disabled: false, platform_role: null });
    expect(d.organizations.map((o) => [o.name, o.role])).toEqual([
      ['Acme', 'owner'],
      [org.name, 'admin'],
    ]);
    expect(d.sessions).toHaveLength(2);
    expect(d.identities).toEqual([]);
    expect(d.mfa).toEqual({ totp_enabled: true, recovery_codes_remaining: user.recoveryCodes.length });
    expect(d.passkeys).toHaveLength(1);
    expect(d.recent_sign_ins.map((e) => e.event).slice(0, 2)).toEqual(['login.succeeded', 'login.failed']);
    expect(d.recent_sign_ins.every((e) => e.user_id === user.user.id)).toBe(true);
  });

  it('shows the linked identities of an OAuth user', async () => {
    const { env, google } = oauthEnv();
    const email = uniqueEmail('google');
    const { location, flowCookie } = await startFlow('google', { env });
    const back = google.authorize(location, { sub: `g-${crypto.randomUUID()}`, email, email_verified: true });
    expect(landing(await callback('google', back, { env, cookie: flowCookie })).error).toBeNull();
    const { users } = await list(`query=${encodeURIComponent(email)}`);
    const d = await detail(users[0]!.id);
    expect(d.identities.map((i) => [i.provider, i.email, i.email_verified])).toEqual([['google', email, true]]);
  });

  it('sign-out ends every session of the user (cookie and bearer)', async () => {
    const user = await registerUser();
    const native = await bearerSignedIn(await loginUser(user.email, PASSWORD, { headers: BEARER_TRANSPORT }));
    await json(await call('/v1/auth/session', { cookie: user.cookie }));
    const out = AdminSignedOut.parse(await json(await admin(`/v1/admin/users/${user.user.id}/sign-out`, { method: 'POST' })));
    expect(out.sessions_revoked).toBe(2);
    await expectError(await call('/v1/auth/session', { cookie: user.cookie }), 401, 'unauthorized');
    await expectError(await call('/v1/auth/session', bearer(native.session_token)), 401, 'unauthorized');
    // The account itself still works.
    expect((await loginUser(user.email)).status).toBe(200);
  });

  it('MFA reset removes TOTP (password login no longer asks for it); passkeys only with passkeys=true', async () => {
    const user = await userWithTotp();
    await enrollPasskey(user.cookie);
    const reset = AdminMfaReset.parse(await json(await admin(`/v1/admin/users/${user.user.id}/mfa`, { method: 'DELETE' })));
    expect(reset).toEqual({ totp_removed: true, passkeys_removed: 0 });
    let d = await detail(user.user.id);
    expect(d.mfa).toEqual({ totp_enabled: false, recovery_codes_remaining: 0 });
    expect(d.passkeys).toHaveLength(1);
    const login = await loginUser(user.email);
    expect(login.status).toBe(200);
    await json(await call('/v1/auth/session', { cookie: sessionCookie(login) }));

    const again = AdminMfaReset.parse(await json(await admin(`/v1/admin/users/${user.user.id}/mfa?passkeys=true`, { method: 'DELETE' })));
    expect(again).toEqual({ totp_removed: false, passkeys_removed: 1 });
    d = await detail(user.user.id);
    expect(d.passkeys).toEqual([]);
  });

  it("verify-email shows in the user's own session at once", async () => {
    const user = await registerUser();
    const session = async () =>
      (await json<{ user: { email_verified: boolean } }>(await call('/v1/auth/session', { cookie: user.cookie }))).user.email_verified;
    expect(await session()).toBe(false);
    const answer = AdminUserAnswer.parse(await json(await admin(`/v1/admin/users/${user.user.id}/verify-email`, { method: 'POST' })));
    expect(answer.user.email_verified).toBe(true);
    expect(await session()).toBe(true);
  });

  it('DELETE removes the account: its login fails, its sessions end, GET answers 404', async () => {
    const user = await registerUser();
    const res = await admin(`/v1/admin/users/${user.user.id}`, { method: 'DELETE' });
    expect(res.status).toBe(204);
    await expectError(await loginUser(user.email), 401, 'invalid_credentials');
    await expectError(await call('/v1/auth/session', { cookie: user.cookie }), 401, 'unauthorized');
    await expectError(await admin(`/v1/admin/users/${user.user.id}`), 404, 'not_found');
    await expectError(await admin(`/v1/admin/users/${user.user.id}`, { method: 'DELETE' }), 404, 'not_found');
  });

  it('lists organizations with their member counts, by name, with a cursor', async () => {
    const { org } = await team();
    const t = org.name.slice(5);
    const solo = await registerUser();
    const other = await createOrganization(solo.cookie, `solo ${t}`);
    const page = AdminOrganizationPage.parse(
      await json(await admin(`/v1/admin/organizations?query=${encodeURIComponent(t.toUpperCase())}`)),
    );
    expect(page.organizations.map((o) => [o.id, o.member_count])).toEqual([
      [other.id, 1],
      [org.id, 3],
    ]);
    const first = AdminOrganizationPage.parse(await json(await admin(`/v1/admin/organizations?query=${t}&limit=1`)));
    expect(first.organizations.map((o) => o.id)).toEqual([other.id]);
    const second = AdminOrganizationPage.parse(
      await json(await admin(`/v1/admin/organizations?query=${t}&limit=1&cursor=${encodeURIComponent(first.next_cursor!)}`)),
    );
    expect(second.organizations.map((o) => o.id)).toEqual([org.id]);
    expect(second.next_cursor).toBeNull();
    await expectError(await admin('/v1/admin/organizations?cursor=nope'), 400, 'invalid_request');
  });
});
