// POST /v1/auth/token hands a signed-in caller a short-lived EdDSA JWT that any service verifies offline with
// the JWKS alone: the claims say who, for which organization and audience, and how the session was established.
import { createLocalJWKSet, decodeProtectedHeader, type JSONWebKeySet, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { BASE, call, evictSessionCache, expectError, loginUser, registerUser, sessionCookie, sql } from '../support/index.ts';

async function jwks(): Promise<JSONWebKeySet> {
  const res = await call('/.well-known/jwks.json');
  expect(res.status).toBe(200);
  return (await res.json()) as JSONWebKeySet;
}

async function accessToken(cookie: string) {
  const res = await call('/v1/auth/token', { method: 'POST', cookie });
  expect(res.status).toBe(200);
  return { res, body: (await res.json()) as { access_token: string; token_type: string; expires_in: number } };
}

describe('access tokens', () => {
  it('carry the documented claims and verify against the published JWKS', async () => {
    const { cookie, user, email } = await registerUser();
    const { res, body } = await accessToken(cookie);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(body.token_type).toBe('Bearer');
    expect(body.expires_in).toBe(600);
    const { payload, protectedHeader } = await jwtVerify(body.access_token, createLocalJWKSet(await jwks()), {
      issuer: BASE,
      audience: BASE,
      algorithms: ['EdDSA'],
    });
    expect(protectedHeader).toMatchObject({ alg: 'EdDSA', typ: 'at+jwt' });
    const session = (await (await call('/v1/auth/session', { cookie })).json()) as {
      session: { id: string; amr: string[] };
      organization: { id: string; role: string };
    };
    expect(payload).toMatchObject({
      iss: BASE,
      sub: user.id,
      aud: [BASE],
      sid: session.session.id,
      org_id: session.organization.id,
      org_role: 'owner',
      email,
      email_verified: false,
      amr: ['pwd'],
    });
    expect(session.session.amr).toEqual(['pwd']);
    expect(payload.exp! - payload.iat!).toBe(600);
    expect(Math.abs(payload.iat! - Date.now() / 1000)).toBeLessThan(60);
    expect(payload.jti).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    expect((await accessToken(cookie)).body.access_token).not.toBe(body.access_token);
  });

  it('a password sign-in records amr pwd on the session row', async () => {
    const { email } = await registerUser();
    const login = await loginUser(email);
    expect(login.status).toBe(200);
    const { body } = await accessToken(sessionCookie(login));
    const { payload } = await jwtVerify(body.access_token, createLocalJWKSet(await jwks()), { algorithms: ['EdDSA'] });
    expect(payload.amr).toEqual(['pwd']);
    const [row] = await sql<{ amr: string[] }>('select amr from $schema.sessions where id = $1', [payload.sid]);
    expect(row!.amr).toEqual(['pwd']);
  });

  it('401 without a session, and once the session is revoked', async () => {
    await expectError(await call('/v1/auth/token', { method: 'POST' }), 401, 'unauthorized');
    const { cookie } = await registerUser();
    await accessToken(cookie);
    expect((await call('/v1/auth/logout', { method: 'POST', cookie })).status).toBe(204);
    await expectError(await call('/v1/auth/token', { method: 'POST', cookie }), 401, 'unauthorized');
  });

  it('401 for a disabled user (once the session cache entry is gone, as for every session check)', async () => {
    const { cookie, user } = await registerUser();
    await accessToken(cookie);
    await sql('update $schema.users set disabled_at = now() where id = $1', [user.id]);
    await evictSessionCache(cookie);
    await expectError(await call('/v1/auth/token', { method: 'POST', cookie }), 401, 'unauthorized');
  });

  it('the JWKS holds public keys only, each named by the kid tokens carry', async () => {
    const { cookie } = await registerUser();
    const { body } = await accessToken(cookie);
    const { keys } = await jwks();
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(Object.keys(key).sort()).toEqual(['alg', 'crv', 'kid', 'kty', 'use', 'x']);
      expect(key).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
    }
    expect(keys.map((k) => k.kid)).toContain(decodeProtectedHeader(body.access_token).kid);
  });
});
