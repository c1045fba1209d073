// An independent verifier: plain `jose` in Node, outside the Worker and its code, accepts IdentSphere's access
// tokens knowing only the JWKS URL. The real stack runs as `npm run dev` does (scripts/dev.ts: the local Neon
// endpoint on PGlite, then wrangler dev).
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer } from './cli-support.ts';

let BASE = '';
let stop = () => {};

beforeAll(async () => {
  // The tokens' `iss` is the public base URL: the address this test reaches the Worker at.
  ({ base: BASE, stop } = await startDevServer((base) => ({ IDENTSPHERE_PUBLIC_BASE_URL: base })));
}, 120_000);

afterAll(() => stop());

describe('an access token from the running Worker', () => {
  it('verifies with plain jose and the JWKS URL alone', async () => {
    const email = `verifier-${Date.now()}@example.com`;
    const registered = await fetch(`${BASE}/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'verifier-test-password', organization_name: 'Verifier' }),
    });
    expect(registered.status).toBe(201);
    const user = ((await registered.json()) as { user: { id: string } }).user;
    const cookie = registered.headers
      .getSetCookie()
      .find((c) => c.startsWith('identsphere_session='))!
      .split(';')[0]!;

    const issued = await fetch(`${BASE}/v1/auth/token`, { method: 'POST', headers: { cookie } });
    expect(issued.status).toBe(200);
    const { access_token } = (await issued.json()) as { access_token: string };

    const jwks = createRemoteJWKSet(new URL('/.well-known/jwks.json', BASE));
    const { payload, protectedHeader } = await jwtVerify(access_token, jwks, {
      issuer: BASE,
      audience: BASE,
      algorithms: ['EdDSA'],
      typ: 'at+jwt',
    });
    expect(protectedHeader.kid).toBe(decodeProtectedHeader(access_token).kid);
    expect(payload).toMatchObject({ sub: user.id, email, email_verified: false, amr: ['pwd'] });
    expect(payload.org_id).toEqual(expect.any(String));

    // The same key set refuses a token whose payload was altered.
    const [header, , signature] = access_token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...payload, sub: crypto.randomUUID() })).toString('base64url');
    await expect(jwtVerify(`${header}.${forged}.${signature}`, jwks, { issuer: BASE, algorithms: ['EdDSA'] })).rejects.toThrow();
  });
});
