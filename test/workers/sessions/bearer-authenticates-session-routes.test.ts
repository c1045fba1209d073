// `Authorization: Bearer <session_token>` authenticates every session route exactly like the cookie: the
// same token (it works as the cookie's value too), the same answers, the same session record.
import { describe, expect, it } from 'vitest';
import { bearer, type CallInit, call, documentedOperations, json, registerBearerUser, registerUser, totp } from '../support/index.ts';

describe('bearer authentication', () => {
  it('answers every operation that needs a session as the cookie does (never 401)', { timeout: 180_000 }, async () => {
    const operations = documentedOperations().filter((op) => op.auth);
    expect(operations.length).toBeGreaterThan(20);
    const differ: string[] = [];
    for (const op of operations) {
      const path = op.path.replace(/:([A-Za-z]+)/g, (_, name: string) => (name === 'provider' ? 'github' : crypto.randomUUID()));
      const init: CallInit = { method: op.method };
      if (op.rawBody) Object.assign(init, { body: new Uint8Array([0x89, 0x50, 0x4e, 0x47]), headers: { 'content-type': 'image/png' } });
      else if (op.method !== 'GET') init.json = {};
      // A fresh user for each transport: some operations end the session or the account.
      const viaCookie = await call(path, { ...init, cookie: (await registerUser()).cookie });
      const viaBearer = await call(path, bearer((await registerBearerUser()).token, init));
      if (viaBearer.status === 401 || viaBearer.status !== viaCookie.status)
        differ.push(
          `${op.method} ${op.path}: cookie ${viaCookie.status}, bearer ${viaBearer.status} ${(await viaBearer.text()).slice(0, 120)}`,
        );
    }
    expect(differ).toEqual([]);
  });

  it('the session record is the same whichever transport carries the token', async () => {
    const { token, user } = await registerBearerUser();
    const viaBearer = await json<{ user: { id: string }; session: { id: string } }>(await call('/v1/auth/session', bearer(token)));
    expect(viaBearer.user.id).toBe(user.id);
    // The token is the cookie's value: the same session, either way.
    const viaCookie = await json<{ session: { id: string } }>(await call('/v1/auth/session', { cookie: `identsphere_session=${token}` }));
    expect(viaCookie.session.id).toBe(viaBearer.session.id);
    const { sessions } = await json<{ sessions: { id: string; current: boolean }[] }>(await call('/v1/auth/sessions', bearer(token)));
    expect(sessions).toEqual([expect.objectContaining({ id: viaBearer.session.id, current: true })]);
  });

  it('a cookie session and a bearer session of one user are two sessions, each current on its own transport', async () => {
    const cookieUser = await registerUser();
    const res = await call('/v1/auth/login', {
      method: 'POST',
      json: { email: cookieUser.email, password: cookieUser.password },
      headers: { 'IdentSphere-Session-Transport': 'bearer' },
    });
    const { session_token } = await json<{ session_token: string }>(res);
    const listed = async (init: CallInit) =>
      (await json<{ sessions: { id: string; current: boolean }[] }>(await call('/v1/auth/sessions', init))).sessions;
    const fromCookie = await listed({ cookie: cookieUser.cookie });
    const fromBearer = await listed(bearer(session_token));
    expect(fromCookie).toHaveLength(2);
    expect(fromCookie.find((s) => s.current)!.id).not.toBe(fromBearer.find((s) => s.current)!.id);
  });

  it('state-changing routes work over bearer: profile, organizations, MFA setup, all without Set-Cookie', async () => {
    const { token } = await registerBearerUser();
    const patched = await call('/v1/auth/me', bearer(token, { method: 'PATCH', json: { name: 'Native' } }));
    expect((await json<{ user: { name: string } }>(patched)).user.name).toBe('Native');
    const created = await call('/v1/auth/organizations', bearer(token, { method: 'POST', json: { name: 'Mobile' } }));
    const orgId = (await json<{ organization: { id: string } }>(created, 201)).organization.id;
    const switched = await call(`/v1/auth/organizations/${orgId}/switch`, bearer(token, { method: 'POST' }));
    expect((await json<{ organization: { id: string } }>(switched)).organization.id).toBe(orgId);
    const setup = await json<{ secret: string }>(await call('/v1/auth/mfa/totp/setup', bearer(token, { method: 'POST' })));
    const confirmed = await call('/v1/auth/mfa/totp/confirm', bearer(token, { method: 'POST', json: { code: await totp(setup.secret) } }));
    expect(confirmed.status).toBe(200);
    for (const res of [patched, created, switched, confirmed]) expect(res.headers.getSetCookie()).toEqual([]);
    expect((await json<{ enabled: boolean }>(await call('/v1/auth/mfa', bearer(token)))).enabled).toBe(true);
  });
});
