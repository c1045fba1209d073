// A bearer session ends like a cookie session: logout with the bearer token revokes it (no cookie to clear,
// no Set-Cookie), revoking it by id or from another session ends it at once even with the cache warm, and
// ending the account ends it.
import { describe, expect, it } from 'vitest';
import { bearer, call, expectError, json, PASSWORD, registerBearerUser, sql } from '../support/index.ts';

const signInBearer = async (email: string) =>
  (
    await json<{ session_token: string }>(
      await call('/v1/auth/login', {
        method: 'POST',
        json: { email, password: PASSWORD },
        headers: { 'IdentSphere-Session-Transport': 'bearer' },
      }),
    )
  ).session_token;

describe('bearer session revocation', () => {
  it('logout with the bearer token: 204 without Set-Cookie, the token refused at once (cache warm), audited', async () => {
    const { token, user } = await registerBearerUser();
    expect((await call('/v1/auth/session', bearer(token))).status).toBe(200);
    expect((await call('/v1/auth/session', bearer(token))).status).toBe(200);
    const out = await call('/v1/auth/logout', bearer(token, { method: 'POST' }));
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie()).toEqual([]);
    await expectError(await call('/v1/auth/session', bearer(token)), 401, 'unauthorized');
    expect(await sql("select 1 from $schema.audit_logs where user_id = $1 and event = 'logout'", [user.id])).toHaveLength(1);
    expect(await sql('select 1 from $schema.sessions where user_id = $1', [user.id])).toHaveLength(0);
  });

  it('revoking the current session by id over bearer: 204 without Set-Cookie, then 401', async () => {
    const { token } = await registerBearerUser();
    const { session } = await json<{ session: { id: string } }>(await call('/v1/auth/session', bearer(token)));
    const res = await call(`/v1/auth/sessions/${session.id}`, bearer(token, { method: 'DELETE' }));
    expect(res.status).toBe(204);
    expect(res.headers.getSetCookie()).toEqual([]);
    await expectError(await call('/v1/auth/session', bearer(token)), 401, 'unauthorized');
  });

  it('revoked from another session (by id, or revoke-others): the bearer token is refused at once', async () => {
    const { email, token } = await registerBearerUser();
    const other = await signInBearer(email);
    expect((await call('/v1/auth/session', bearer(other))).status).toBe(200); // warm the cache
    const { sessions } = await json<{ sessions: { id: string; current: boolean }[] }>(await call('/v1/auth/sessions', bearer(token)));
    const target = sessions.find((s) => !s.current)!;
    expect((await call(`/v1/auth/sessions/${target.id}`, bearer(token, { method: 'DELETE' }))).status).toBe(204);
    await expectError(await call('/v1/auth/session', bearer(other)), 401, 'unauthorized');

    const third = await signInBearer(email);
    expect((await call('/v1/auth/session', bearer(third))).status).toBe(200);
    expect((await call('/v1/auth/sessions/revoke-others', bearer(token, { method: 'POST' }))).status).toBe(204);
    await expectError(await call('/v1/auth/session', bearer(third)), 401, 'unauthorized');
    expect((await call('/v1/auth/session', bearer(token))).status).toBe(200);
  });

  it('deleting the account over bearer: 204 without Set-Cookie, every token of the account refused', async () => {
    const { email, token, user } = await registerBearerUser();
    const other = await signInBearer(email);
    const res = await call('/v1/auth/me', bearer(token, { method: 'DELETE', json: { password: PASSWORD } }));
    expect(res.status).toBe(204);
    expect(res.headers.getSetCookie()).toEqual([]);
    for (const t of [token, other]) await expectError(await call('/v1/auth/session', bearer(t)), 401, 'unauthorized');
    expect(await sql('select 1 from $schema.users where id = $1', [user.id])).toHaveLength(0);
  });
});
