// Disabling an account through the admin API takes effect on the very next request in this location: its
// sessions (cookie or bearer, cached or not) and access-token requests are refused, and so is every way in
// (password, email code, passkey, OAuth, a pending MFA step). Enabling lets it in again; a disable with `until`
// lifts itself at that instant, and the scheduled cleanup records the lift as the system's.
import { describe, expect, it } from 'vitest';
import { clearExpiredDisables } from '../../../src/features/admin/user-moderation.ts';
import {
  APP,
  apiKey,
  BEARER_TRANSPORT,
  bearer,
  bearerSignedIn,
  callback,
  challenge,
  codeIn,
  enrollPasskey,
  expectError,
  FakeGoogle,
  fakeProvidersFetch,
  flowEnv,
  GOOGLE_CLIENT,
  isSessionCached,
  json,
  landing,
  loginOptions,
  loginVerify,
  mails,
  mfaToken,
  PASSWORD,
  sessionCookie,
  sql,
  startFlow,
  totp,
  uniqueEmail,
  userWithTotp,
  withKey,
} from '../support/index.ts';

/** A flow environment (manual clock, recorded background work) with Google faked at the fetch boundary. */
function world() {
  let flow: ReturnType<typeof flowEnv> | undefined;
  const google = new FakeGoogle(() => flow!.clock.now());
  flow = flowEnv(
    {
      IDENTSPHERE_APP_URL: APP,
      IDENTSPHERE_GOOGLE_CLIENT_ID: GOOGLE_CLIENT.id,
      IDENTSPHERE_GOOGLE_CLIENT_SECRET: GOOGLE_CLIENT.secret,
    },
    Date.now(),
    { fetch: fakeProvidersFetch(google) },
  );
  return { ...flow, google };
}

type World = ReturnType<typeof world>;

async function admin(w: World) {
  const { key } = await apiKey(['users:read', 'users:write'], w.deps);
  return {
    disable: (userId: string, body: Record<string, unknown> = { reason: 'terms of service' }) =>
      w.call(`/v1/admin/users/${userId}/disable`, withKey(key, { method: 'POST', json: body })),
    enable: (userId: string) => w.call(`/v1/admin/users/${userId}/enable`, withKey(key, { method: 'POST' })),
    get: async (userId: string) =>
      (await json<{ user: { disabled: boolean } }>(await w.call(`/v1/admin/users/${userId}`, withKey(key)))).user,
  };
}

async function googleSignIn(w: World, profile: { sub: string; email: string }) {
  const { location, flowCookie } = await startFlow('google', { env: w.env });
  const back = w.google.authorize(location, { ...profile, email_verified: true });
  return landing(await callback('google', back, { env: w.env, cookie: flowCookie }));
}

describe('disable takes effect at once', () => {
  it('sessions: the cached cookie session, the bearer session and its token requests are refused on the next request', async () => {
    const w = world();
    const a = await admin(w);
    const user = await w.register();
    const native = await bearerSignedIn(
      await w.call('/v1/auth/login', { method: 'POST', json: { email: user.email, password: PASSWORD }, headers: BEARER_TRANSPORT }),
    );
    // Validated just now, so both sessions are in the cache.
    await json(await w.call('/v1/auth/session', { cookie: user.cookie }));
    await json(await w.call('/v1/auth/session', bearer(native.session_token)));
    await json(await w.call('/v1/auth/token', { method: 'POST', cookie: user.cookie }));
    await json(await w.call('/v1/auth/token', bearer(native.session_token, { method: 'POST' })));
    expect(await isSessionCached(user.cookie)).toBe(true);

    const disabled = await json<{ sessions_revoked: number; user: { disabled: boolean; disabled_reason: string } }>(
      await a.disable(user.user.id),
    );
    expect(disabled.sessions_revoked).toBe(2);
    expect(disabled.user).toMatchObject({ disabled: true, disabled_reason: 'terms of service' });

    expect(await isSessionCached(user.cookie)).toBe(false);
    await expectError(await w.call('/v1/auth/session', { cookie: user.cookie }), 401, 'unauthorized');
    await expectError(await w.call('/v1/auth/session', bearer(native.session_token)), 401, 'unauthorized');
    await expectError(await w.call('/v1/auth/token', { method: 'POST', cookie: user.cookie }), 401, 'unauthorized');
    await expectError(await w.call('/v1/auth/token', bearer(native.session_token, { method: 'POST' })), 401, 'unauthorized');
    expect(await sql('select 1 from $schema.sessions where user_id = $1', [user.user.id])).toHaveLength(0);
  });

  it('password login is refused like a wrong password, and no session is made; enabling lets the account in again', async () => {
    const w = world();
    const a = await admin(w);
    const user = await w.register();
    await json(await a.disable(user.user.id));
    const refused = await w.login(user.email);
    expect(refused.headers.getSetCookie().filter((c) => /identsphere_session=/.test(c))).toEqual([]);
    await expectError(refused, 401, 'invalid_credentials');
    expect(await sql('select 1 from $schema.sessions where user_id = $1', [user.user.id])).toHaveLength(0);

    expect((await json<{ user: { disabled: boolean } }>(await a.enable(user.user.id))).user.disabled).toBe(false);
    const again = await w.login(user.email);
    expect(again.status).toBe(200);
    await json(await w.call('/v1/auth/session', { cookie: sessionCookie(again) }));
  });

  it('email code: a code sent before is refused, and no new code is sent', async () => {
    const w = world();
    const a = await admin(w);
    const user = await w.register();
    await w.call('/v1/auth/email-otp/request', { method: 'POST', json: { email: user.email } });
    await w.settle();
    const code = codeIn(user.email);
    await json(await a.disable(user.user.id));
    await expectError(
      await w.call('/v1/auth/email-otp/verify', { method: 'POST', json: { email: user.email, code } }),
      401,
      'invalid_code',
    );
    w.clock.advance(61_000);
    expect((await w.call('/v1/auth/email-otp/request', { method: 'POST', json: { email: user.email } })).status).toBe(202);
    await w.settle();
    expect(mails(user.email, 'email_otp')).toHaveLength(1);
  });

  it('passkey sign-in is refused', async () => {
    const w = world();
    const a = await admin(w);
    const user = await w.register();
    const passkey = await enrollPasskey(user.cookie, w.env);
    expect((await loginVerify(await passkey.assert(await loginOptions({}, { env: w.env })), { env: w.env })).status).toBe(200);
    await json(await a.disable(user.user.id));
    const refused = await loginVerify(await passkey.assert(await loginOptions({}, { env: w.env })), { env: w.env });
    expect(refused.headers.getSetCookie().filter((c) => /identsphere_session=/.test(c))).toEqual([]);
    await expectError(refused, 400, 'passkey_rejected');
  });

  it('OAuth sign-in is refused (account_disabled), no session', async () => {
    const w = world();
    const a = await admin(w);
    const profile = { sub: `g-${crypto.randomUUID()}`, email: uniqueEmail('google') };
    const first = await googleSignIn(w, profile);
    expect(first.error).toBeNull();
    const [row] = await sql<{ id: string }>('select id from $schema.users where email = $1', [profile.email]);
    await json(await a.disable(row!.id));
    const refused = await googleSignIn(w, profile);
    expect(refused.error).toBe('account_disabled');
    expect(refused.session).toBeNull();
    await expectError(await w.call('/v1/auth/session', { cookie: first.session! }), 401, 'unauthorized');
  });

  it('an MFA step pending from before the disable is refused', async () => {
    const w = world();
    const a = await admin(w);
    const now = () => w.clock.now().getTime();
    const user = await userWithTotp({ env: w.env, now });
    const mfa_token = await mfaToken(user.email, { env: w.env });
    await json(await a.disable(user.user.id));
    const refused = await challenge({ mfa_token, code: await totp(user.secret, now()) }, { env: w.env });
    expect(refused.headers.getSetCookie().filter((c) => /identsphere_session=/.test(c))).toEqual([]);
    await expectError(refused, 401, 'invalid_mfa_token');
  });

  it('`until` in the past is refused (400); a future `until` lifts itself at that instant, then the cleanup records it', async () => {
    const w = world();
    const a = await admin(w);
    const user = await w.register();
    const past = new Date(w.clock.now().getTime() - 1000).toISOString();
    await expectError(await a.disable(user.user.id, { reason: 'late', until: past }), 400, 'invalid_request');
    expect((await a.get(user.user.id)).disabled).toBe(false);

    const until = new Date(w.clock.now().getTime() + 3600_000);
    await json(await a.disable(user.user.id, { reason: 'cool-off', until: until.toISOString() }));
    await expectError(await w.login(user.email), 401, 'invalid_credentials');
    w.clock.set(until.getTime() + 1000);
    // Nobody enabled it: the disable is over all the same.
    expect((await a.get(user.user.id)).disabled).toBe(false);
    const back = await w.login(user.email);
    expect(back.status).toBe(200);
    await json(await w.call('/v1/auth/session', { cookie: sessionCookie(back) }));

    expect(await clearExpiredDisables(w.deps)).toBeGreaterThanOrEqual(1);
    const [row] = await sql<{ disabled_at: Date | null; disabled_until: Date | null; disabled_reason: string | null }>(
      'select disabled_at, disabled_until, disabled_reason from $schema.users where id = $1',
      [user.user.id],
    );
    expect(row).toEqual({ disabled_at: null, disabled_until: null, disabled_reason: null });
    const events = await sql<{ actor_type: string; actor_id: string | null; metadata: Record<string, unknown> }>(
      "select actor_type, actor_id, metadata from $schema.audit_logs where user_id = $1 and event = 'user.enabled'",
      [user.user.id],
    );
    expect(events).toEqual([{ actor_type: 'system', actor_id: null, metadata: { reason: 'disable expired' } }]);
    // Run again, it finds nothing more for this user.
    await clearExpiredDisables(w.deps);
    expect(await sql("select 1 from $schema.audit_logs where user_id = $1 and event = 'user.enabled'", [user.user.id])).toHaveLength(1);
  });
});
