// A token request never fails because no key is active yet (an isolate whose clock lags the one that rotated,
// a database restored from an older backup): the published key that activates first signs, and it is in the
// JWKS the verifier fetches.
import { createLocalJWKSet, decodeProtectedHeader, type JSONWebKeySet, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { call, clockedEnv, registerUser } from '../support/index.ts';

const YEAR = 365 * 24 * 3600_000;

describe('signing without an active key', () => {
  it('signs with a published key and the token verifies against the JWKS', async () => {
    // Make sure a key exists (on the real clock), then look at the key set from ten years before any of them.
    expect((await call('/.well-known/jwks.json')).status).toBe(200);
    const { env, clock } = clockedEnv(Date.now() - 10 * YEAR);
    const { cookie } = await registerUser(undefined, undefined, env);
    const res = await call('/v1/auth/token', { method: 'POST', cookie, env });
    expect(res.status).toBe(200);
    const { access_token } = (await res.json()) as { access_token: string };
    const jwks = (await (await call('/.well-known/jwks.json', { env })).json()) as JSONWebKeySet;
    expect(jwks.keys.map((k) => k.kid)).toContain(decodeProtectedHeader(access_token).kid);
    const { payload } = await jwtVerify(access_token, createLocalJWKSet(jwks), { algorithms: ['EdDSA'], currentDate: clock.now() });
    expect(payload.sub).toBeTruthy();
  });
});
