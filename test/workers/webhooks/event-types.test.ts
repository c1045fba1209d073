// Every webhook event type, driven through the real routes: each reaches the receiver with a valid Standard
// Webhooks signature, about the right user, and no payload carries a secret, token, code, password or email.
import { afterAll, describe, expect, it } from 'vitest';
import { WEBHOOK_EVENT_TYPES } from '../../../src/features/webhooks/webhook-events.ts';
import type { Env } from '../../../src/platform/config.ts';
import {
  APP,
  adminCall,
  apiKey,
  call,
  callback,
  cookies,
  createWebhook,
  enrollPasskey,
  FakeGoogle,
  fakeProvidersFetch,
  GOOGLE_CLIENT,
  json,
  landing,
  PASSWORD,
  type Received,
  receivedAbout,
  registerUser,
  sessionCookie,
  startFlow,
  tokenFromMail,
  tokenIn,
  uniqueEmail,
  userWithTotp,
  verified,
  webhookEnv,
} from '../support/index.ts';

const google = new FakeGoogle(() => new Date());
const { env, deps, receiver } = webhookEnv({
  overrides: {
    IDENTSPHERE_APP_URL: APP,
    IDENTSPHERE_GOOGLE_CLIENT_ID: GOOGLE_CLIENT.id,
    IDENTSPHERE_GOOGLE_CLIENT_SECRET: GOOGLE_CLIENT.secret,
  },
  other: fakeProvidersFetch(google),
});
let cleanup: () => Promise<unknown> = async () => {};
afterAll(() => cleanup());

const post = (path: string, cookie: string, body?: unknown, e: Env = env) => call(path, { env: e, method: 'POST', cookie, json: body });

describe('webhook event types', () => {
  it('each type reaches the receiver from its route, verified, with ids only', async () => {
    const key = (await apiKey(['webhooks:write', 'users:write'], deps)).key;
    const hook = await createWebhook(env, key);
    cleanup = () => adminCall(env, key, `/v1/admin/webhooks/${hook.id}`, { method: 'DELETE' });
    const secrets: string[] = [PASSWORD];

    // user.created, session.created, user.updated, email.verified
    const owner = await registerUser(uniqueEmail('owner'), PASSWORD, env);
    const login = await post('/v1/auth/login', '', { email: owner.email, password: PASSWORD });
    expect(login.status).toBe(200);
    const loginCookie = sessionCookie(login);
    expect((await call('/v1/auth/me', { env, method: 'PATCH', cookie: owner.cookie, json: { name: 'Ada' } })).status).toBe(200);
    // The sign-up sent the verification link (in the background).
    await new Promise((r) => setTimeout(r, 200));
    const verifyToken = tokenIn(owner.email, 'verify_email');
    secrets.push(verifyToken);
    expect((await post('/v1/auth/email/verify', owner.cookie, { token: verifyToken })).status).toBeLessThan(300);

    // passkey.added, passkey.removed
    await enrollPasskey(owner.cookie, env);
    const { passkeys } = await json<{ passkeys: { id: string }[] }>(await call('/v1/auth/passkeys', { env, cookie: owner.cookie }));
    expect((await call(`/v1/auth/passkeys/${passkeys[0]!.id}`, { env, method: 'DELETE', cookie: owner.cookie })).status).toBe(204);

    // identity.linked, identity.unlinked
    const flow = await startFlow('google', { env, cookie: owner.cookie });
    const done = await callback('google', google.authorize(flow.location, { sub: `g-${crypto.randomUUID()}` }), {
      env,
      cookie: cookies(flow.flowCookie, owner.cookie),
    });
    expect(landing(done).url.searchParams.get('linked')).toBe('google');
    const { identities } = await json<{ identities: { id: string }[] }>(await call('/v1/auth/identities', { env, cookie: owner.cookie }));
    expect((await call(`/v1/auth/identities/${identities[0]!.id}`, { env, method: 'DELETE', cookie: owner.cookie })).status).toBe(204);

    // organization.created, invitation.created, membership.added + invitation.accepted, role change, removal
    const member = await registerUser(uniqueEmail('member'), PASSWORD, env);
    const { organization } = await json<{ organization: { id: string } }>(
      await post('/v1/auth/organizations', owner.cookie, { name: 'Hooks Inc' }),
      201,
    );
    await json(
      await post(`/v1/auth/organizations/${organization.id}/invitations`, owner.cookie, { email: member.email, role: 'member' }),
      201,
    );
    const invitation = tokenFromMail(member.email, 'organization_invitation');
    secrets.push(invitation);
    await json(await post('/v1/auth/invitations/accept', member.cookie, { token: invitation }));
    const members = `/v1/auth/organizations/${organization.id}/members/${member.user.id}`;
    expect((await call(members, { env, method: 'PATCH', cookie: owner.cookie, json: { role: 'admin' } })).status).toBe(200);
    expect((await call(members, { env, method: 'DELETE', cookie: owner.cookie })).status).toBeLessThan(300);

    // session.revoked
    expect((await post('/v1/auth/logout', loginCookie)).status).toBeLessThan(300);

    // password.changed (change and reset)
    const newPassword = 'a brand new passphrase for hooks';
    secrets.push(newPassword);
    expect(
      (await post('/v1/auth/password/change', owner.cookie, { current_password: PASSWORD, new_password: newPassword })).status,
    ).toBeLessThan(300);
    const resetter = await registerUser(uniqueEmail('reset'), PASSWORD, env);
    expect((await post('/v1/auth/password/forgot', '', { email: resetter.email })).status).toBe(202);
    await new Promise((r) => setTimeout(r, 200));
    const resetToken = tokenIn(resetter.email, 'password_reset');
    secrets.push(resetToken);
    expect((await post('/v1/auth/password/reset', '', { token: resetToken, password: newPassword })).status).toBeLessThan(300);

    // mfa.enabled, mfa.disabled
    const mfa = await userWithTotp({ env });
    secrets.push(mfa.secret, ...mfa.recoveryCodes);
    expect((await call('/v1/auth/mfa/totp', { env, method: 'DELETE', cookie: mfa.cookie })).status).toBe(204);

    // user.disabled, user.enabled, user.deleted (administrator)
    expect(
      (await adminCall(env, key, `/v1/admin/users/${member.user.id}/disable`, { method: 'POST', json: { reason: 'test' } })).status,
    ).toBe(200);
    expect((await adminCall(env, key, `/v1/admin/users/${member.user.id}/enable`, { method: 'POST' })).status).toBe(200);
    expect((await adminCall(env, key, `/v1/admin/users/${member.user.id}`, { method: 'DELETE' })).status).toBe(204);

    const expected: [string, string, Record<string, unknown>?][] = [
      [owner.user.id, 'user.created'],
      [owner.user.id, 'session.created', { method: 'password' }],
      [owner.user.id, 'user.updated', { fields: ['name'] }],
      [owner.user.id, 'email.verified'],
      [owner.user.id, 'passkey.added', { passkey_id: passkeys[0]!.id }],
      [owner.user.id, 'passkey.removed', { passkey_id: passkeys[0]!.id }],
      [owner.user.id, 'identity.linked', { provider: 'google' }],
      [owner.user.id, 'identity.unlinked', { provider: 'google', identity_id: identities[0]!.id }],
      [owner.user.id, 'organization.created', { organization_id: organization.id }],
      [owner.user.id, 'invitation.created', { organization_id: organization.id, role: 'member' }],
      [member.user.id, 'membership.added', { organization_id: organization.id, role: 'member' }],
      [member.user.id, 'invitation.accepted', { organization_id: organization.id }],
      [
        member.user.id,
        'membership.role_changed',
        { organization_id: organization.id, role: 'admin', previous_role: 'member', changed_by: owner.user.id },
      ],
      [member.user.id, 'membership.removed', { organization_id: organization.id, changed_by: owner.user.id }],
      [owner.user.id, 'session.revoked'],
      [owner.user.id, 'password.changed'],
      [resetter.user.id, 'password.changed', { via: 'reset' }],
      [mfa.user.id, 'mfa.enabled'],
      [mfa.user.id, 'mfa.disabled'],
      [member.user.id, 'user.disabled', { actor: { type: 'api_key', id: expect.any(String) } }],
      [member.user.id, 'user.enabled'],
      [member.user.id, 'user.deleted', { actor: { type: 'api_key', id: expect.any(String) } }],
    ];
    const all: Received[] = [];
    for (const [userId, type, data] of expected) {
      const got = await receivedAbout(receiver, userId, 1, type);
      expect(got[0]!.payload.data, type).toEqual(expect.objectContaining({ user_id: userId, ...data }));
      all.push(...got);
    }
    const covered = new Set(expected.map(([, type]) => type));
    expect(WEBHOOK_EVENT_TYPES.filter((t) => !covered.has(t))).toEqual(['organization.deleted', 'invitation.revoked']);

    for (const r of all) expect(verified(hook.secret, r)).toEqual(r.payload);
    const everything = receiver.received.map((r) => r.body).join('\n');
    for (const secret of secrets) expect(everything).not.toContain(secret);
    for (const email of [owner.email, member.email, resetter.email, mfa.email]) expect(everything).not.toContain(email);
    expect(everything).not.toMatch(/token|password_hash|secret/i);
  });
});
