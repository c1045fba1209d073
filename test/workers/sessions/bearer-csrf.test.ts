// CSRF rules guard ambient credentials (cookies). A bearer request carrying no cookie at all is exempt: a
// browser never attaches an Authorization header by itself, and a foreign page cannot add one without a CORS
// preflight. Any cookie on the request brings every rule back; cookie requests keep them all.
import { describe, expect, it } from 'vitest';
import { bearer, call, expectError, json, registerBearerUser, registerUser } from '../support/index.ts';

const evil = { origin: 'https://evil.example' };

describe('CSRF and bearer requests', () => {
  it('a bearer POST succeeds without Origin, and from any Origin', async () => {
    const { token } = await registerBearerUser();
    const plain = await call('/v1/auth/me', bearer(token, { method: 'PATCH', json: { name: 'No Origin' } }));
    expect((await json<{ user: { name: string } }>(plain)).user.name).toBe('No Origin');
    const foreign = await call('/v1/auth/me', bearer(token, { method: 'PATCH', json: { name: 'Any Origin' }, headers: evil }));
    expect((await json<{ user: { name: string } }>(foreign)).user.name).toBe('Any Origin');
    const out = await call('/v1/auth/logout', bearer(token, { method: 'POST', headers: evil }));
    expect(out.status).toBe(204);
    await expectError(await call('/v1/auth/session', bearer(token)), 401, 'unauthorized');
  });

  it('a cookie POST from a foreign Origin is still refused, and the session survives', async () => {
    const { cookie } = await registerUser();
    await expectError(await call('/v1/auth/logout', { method: 'POST', headers: evil, cookie }), 403, 'csrf');
    await expectError(await call('/v1/auth/me', { method: 'PATCH', headers: evil, cookie, json: { name: 'Evil' } }), 403, 'csrf');
    expect((await call('/v1/auth/session', { cookie })).status).toBe(200);
  });

  it('a bearer request that also carries any cookie (the device cookie, a stray one) keeps every CSRF rule', async () => {
    const { token } = await registerBearerUser();
    for (const cookie of ['identsphere_device=x', 'unrelated=1']) {
      await expectError(await call('/v1/auth/logout', bearer(token, { method: 'POST', headers: evil, cookie })), 403, 'csrf');
      const form = await call(
        '/v1/auth/me',
        bearer(token, { method: 'PATCH', cookie, headers: { 'content-type': 'text/plain' }, body: '{"name":"Form"}' }),
      );
      await expectError(form, 403, 'csrf');
    }
    expect((await call('/v1/auth/session', bearer(token))).status).toBe(200);
  });

  it('the CORS preflight does not allow an Authorization header from an allow-listed page', async () => {
    const res = await call('/v1/auth/me', {
      method: 'OPTIONS',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'PATCH',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('access-control-allow-headers') ?? '').not.toMatch(/authorization/i);
  });
});
