// Idempotency-Key over bearer: the key is scoped to the bearer session's user, as for the cookie — a retry
// replays, another user with the same key runs their own request, and the user's cookie and bearer sessions
// share the scope (one caller).
import { describe, expect, it } from 'vitest';
import { bearer, type CallInit, call, json, me, PASSWORD, registerBearerUser, registerUser } from '../support/index.ts';

const keyed = (key: string, init: CallInit): CallInit => ({
  ...init,
  headers: { ...Object.fromEntries(new Headers(init.headers)), 'idempotency-key': key },
});

describe('Idempotency-Key with a bearer session', () => {
  it('a retry replays; another bearer user with the same key gets their own answer', async () => {
    const key = crypto.randomUUID();
    const alice = await registerBearerUser();
    const bob = await registerBearerUser();
    const patch = (token: string, name: string) => call('/v1/auth/me', keyed(key, bearer(token, { method: 'PATCH', json: { name } })));
    const first = await patch(alice.token, 'Same');
    expect(first.status).toBe(200);
    const retry = await patch(alice.token, 'Same');
    expect(retry.headers.get('idempotency-replayed')).toBe('true');
    expect(await retry.json()).toEqual(await first.json());
    const forBob = await patch(bob.token, 'Same');
    expect(forBob.headers.get('idempotency-replayed')).toBeNull();
    expect((await json<{ user: { id: string } }>(forBob)).user.id).toBe(bob.user.id);
  });

  it('scoped to the user, not the IP: a cookie session of the same user replays the bearer answer', async () => {
    const key = crypto.randomUUID();
    const cookieUser = await registerUser();
    const login = await call('/v1/auth/login', {
      method: 'POST',
      json: { email: cookieUser.email, password: PASSWORD },
      headers: { 'IdentSphere-Session-Transport': 'bearer' },
    });
    const { session_token } = await json<{ session_token: string }>(login);
    const viaBearer = await call(
      '/v1/auth/me',
      keyed(key, bearer(session_token, { method: 'PATCH', json: { name: 'Once' }, ip: '10.9.9.1' })),
    );
    expect(viaBearer.status).toBe(200);
    const viaCookie = await call(
      '/v1/auth/me',
      keyed(key, { method: 'PATCH', json: { name: 'Once' }, cookie: cookieUser.cookie, ip: '10.9.9.2' }),
    );
    expect(viaCookie.headers.get('idempotency-replayed')).toBe('true');
    // An anonymous caller from the bearer request's IP does not see it either.
    const anonymous = await call('/v1/auth/me', keyed(key, { method: 'PATCH', json: { name: 'Once' }, ip: '10.9.9.1' }));
    expect(anonymous.status).toBe(401);
    expect((await me(cookieUser.cookie)).name).toBe('Once');
  });
});
