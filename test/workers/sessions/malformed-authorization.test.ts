// A malformed Authorization header is an invalid credential: 401 on the routes that need a session, never a
// 500, and it ends nothing. Schemes other than Bearer are not ours and are ignored.
import { describe, expect, it } from 'vitest';
import { call, expectError, registerBearerUser, registerUser } from '../support/index.ts';

describe('malformed Authorization header', () => {
  it('answers 401 unauthorized on a session route, never 5xx', async () => {
    const { token } = await registerBearerUser();
    const headers = [
      'Bearer',
      'Bearer ',
      'Bearer      ',
      'bearer garbage',
      `Bearer ${token}x`,
      `Bearer ${token.slice(0, -2)}`,
      `Bearer ${token} ${token}`,
      `Bearer ${token.replaceAll('.', '')}`,
      `Bearer ${'a'.repeat(8000)}`,
      'Bearer ..',
      'Bearer %00',
      `Bearer\t${token}x`,
      'Basic dXNlcjpwYXNz',
      'Token abc',
      'garbage',
    ];
    for (const authorization of headers) {
      const res = await call('/v1/auth/session', { headers: { authorization } });
      expect(res.status, authorization.slice(0, 40)).toBe(401);
      if (/^bearer/i.test(authorization)) expect(res.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
      await expectError(res, 401, 'unauthorized');
      const write = await call('/v1/auth/me', { method: 'PATCH', headers: { authorization }, json: { name: 'Never' } });
      await expectError(write, 401, 'unauthorized');
    }
    // Logout does not need a session: 204, and the real token still works.
    expect((await call('/v1/auth/logout', { method: 'POST', headers: { authorization: 'Bearer nonsense' } })).status).toBe(204);
    expect((await call('/v1/auth/session', { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
  });

  it('the scheme is case-insensitive; extra whitespace around the token is tolerated', async () => {
    const { token } = await registerBearerUser();
    for (const authorization of [`bearer ${token}`, `BEARER ${token}`, `Bearer   ${token}  `]) {
      expect((await call('/v1/auth/session', { headers: { authorization } })).status, authorization.slice(0, 10)).toBe(200);
    }
  });

  it('a non-Bearer Authorization header (a proxy’s Basic auth) leaves the cookie in charge', async () => {
    const { cookie } = await registerUser();
    const res = await call('/v1/auth/session', { cookie, headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    expect(res.status).toBe(200);
  });
});
