// A request must not carry both a bearer token and a session cookie: it is refused with 400
// `ambiguous_credentials` before anything runs — no session ends, nothing changes, no cookie is touched.
import { describe, expect, it } from 'vitest';
import { BEARER_TRANSPORT, bearer, call, expectError, json, PASSWORD, registerBearerUser, registerUser, sql } from '../support/index.ts';

describe('bearer token and session cookie together', () => {
  it('refused with 400 ambiguous_credentials on reads, writes, logout and revocation; both sessions live on', async () => {
    const cookieUser = await registerUser();
    const bearerUser = await registerBearerUser();
    const both = (init: Parameters<typeof bearer>[1] = {}) => bearer(bearerUser.token, { ...init, cookie: cookieUser.cookie });
    const { session } = await json<{ session: { id: string } }>(await call('/v1/auth/session', { cookie: cookieUser.cookie }));
    const attempts = [
      await call('/v1/auth/session', both()),
      await call('/v1/auth/me', both({ method: 'PATCH', json: { name: 'Changed' } })),
      await call('/v1/auth/logout', both({ method: 'POST' })),
      await call(`/v1/auth/sessions/${session.id}`, both({ method: 'DELETE' })),
      await call('/v1/auth/sessions/revoke-others', both({ method: 'POST' })),
      await call('/v1/auth/me', both({ method: 'DELETE', json: { password: PASSWORD } })),
      await call('/v1/auth/login', both({ method: 'POST', json: { email: cookieUser.email, password: PASSWORD } })),
    ];
    for (const res of attempts) {
      expect(res.headers.getSetCookie()).toEqual([]);
      const body = await expectError(res, 400, 'ambiguous_credentials');
      expect(body.error.message).toMatch(/both a bearer/);
    }
    expect((await call('/v1/auth/session', { cookie: cookieUser.cookie })).status).toBe(200);
    expect((await call('/v1/auth/session', bearer(bearerUser.token))).status).toBe(200);
    for (const id of [cookieUser.user.id, bearerUser.user.id]) {
      expect(await sql('select name from $schema.users where id = $1', [id])).toEqual([{ name: null }]);
      expect(await sql("select 1 from $schema.audit_logs where user_id = $1 and event = 'logout'", [id])).toHaveLength(0);
    }
  });

  it('refused even with an invalid bearer token or on an Idempotency-Key request (nothing stored)', async () => {
    const { cookie, user } = await registerUser();
    await expectError(await call('/v1/auth/session', bearer('not-a-token', { cookie })), 400, 'ambiguous_credentials');
    const keyed = await call(
      '/v1/auth/me',
      bearer('not-a-token', { method: 'PATCH', cookie, json: { name: 'X' }, headers: { 'idempotency-key': 'k-1' } }),
    );
    await expectError(keyed, 400, 'ambiguous_credentials');
    expect(await sql('select name from $schema.users where id = $1', [user.id])).toEqual([{ name: null }]);
    // The key was never claimed: the same request with the cookie alone runs (not a replay of the 400).
    const alone = await call('/v1/auth/me', { method: 'PATCH', cookie, json: { name: 'X' }, headers: { 'idempotency-key': 'k-1' } });
    expect(alone.status).toBe(200);
    expect(alone.headers.get('idempotency-replayed')).toBeNull();
  });

  it('a bearer sign-in request is not a credential: the transport header with a cookie signs in (bearer answer)', async () => {
    const { cookie, email } = await registerUser();
    const res = await call('/v1/auth/login', { method: 'POST', cookie, headers: BEARER_TRANSPORT, json: { email, password: PASSWORD } });
    expect(res.status).toBe(200);
    expect(await res.json()).toHaveProperty('session_token');
  });
});
