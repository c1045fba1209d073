// The example API (examples/api-worker, a second Worker on its own origin) verifies IdentSphere's access tokens
// with jose's remote JWKS alone: its JWKS requests are routed to the real auth Worker and counted, so the test
// also proves it does not call the auth Worker per request. Both Workers run on one clock: the auth Worker's
// ManualClock, and jose's (Date, faked to the same instant) for expiry and the JWKS cache age.
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApiWorker } from '../../../examples/api-worker/src/index.ts';
import { ACTIVATION_DELAY_MS } from '../../../src/features/tokens/signing-key-material.ts';
import { rotateSigningKey } from '../../../src/features/tokens/signing-keys.ts';
import { base64Url } from '../../../src/lib/encoding.ts';
import { BASE, call, clockedEnv, registerUser } from '../support/index.ts';

const HOUR = 3600_000;
const JWKS_URL = `${BASE}/.well-known/jwks.json`;
const apiEnv = { AUTH_ORIGIN: BASE, TOKEN_AUDIENCE: BASE };

/** The auth Worker on a manual clock, the example API fetching its JWKS from it, and a signed-in user. */
async function twoWorkers(start = Date.now()) {
  vi.useFakeTimers({ toFake: ['Date'], now: start });
  const auth = clockedEnv(start);
  const jwksFetches: string[] = [];
  const api = createApiWorker(async (input) => {
    const url = new URL(input instanceof Request ? input.url : input);
    jwksFetches.push(url.href);
    if (url.origin !== BASE) return new Response('not found', { status: 404 });
    return call(url.pathname, { env: auth.env });
  });
  const { cookie, user } = await registerUser(undefined, undefined, auth.env);
  const accessToken = async () => {
    const res = await call('/v1/auth/token', { method: 'POST', cookie, env: auth.env });
    expect(res.status).toBe(200);
    return ((await res.json()) as { access_token: string }).access_token;
  };
  const callApi = (token: string, env = apiEnv) =>
    api.fetch(new Request('https://api.example.test/me', { headers: { authorization: `Bearer ${token}` } }), env);
  const advance = (ms: number) => {
    auth.clock.advance(ms);
    vi.setSystemTime(auth.clock.now());
  };
  return { ...auth, user, jwksFetches, accessToken, callApi, advance };
}

async function expectRefused(res: Response) {
  expect(res.status).toBe(401);
  expect(res.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
  expect(await res.json()).toEqual({ error: { code: 'invalid_token' } });
}

const encodeJson = (value: unknown) => base64Url(new TextEncoder().encode(JSON.stringify(value)));

afterEach(() => {
  vi.useRealTimers();
});

describe('the example API verifies access tokens with the JWKS alone', () => {
  it('a valid token answers {user_id, org_id}; the JWKS is fetched once for many requests', async () => {
    const { user, jwksFetches, accessToken, callApi } = await twoWorkers();
    const token = await accessToken();
    for (let i = 0; i < 5; i++) {
      const res = await callApi(i % 2 ? token : await accessToken());
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ user_id: user.id, org_id: decodeJwt(token).org_id });
    }
    expect(decodeJwt(token).org_id).toEqual(expect.any(String));
    expect(jwksFetches).toEqual([JWKS_URL]);
  });

  it('refuses a missing, expired, tampered, wrong-audience or alg "none" token', async () => {
    const { jwksFetches, accessToken, callApi, advance } = await twoWorkers();
    const token = await accessToken();
    expect((await callApi(token)).status).toBe(200);
    const [header, payload, signature] = token.split('.') as [string, string, string];

    await expectRefused(await callApi(''));
    await expectRefused(await callApi('not-a-jwt'));
    // Payload tampered (another user), signature kept.
    await expectRefused(await callApi(`${header}.${encodeJson({ ...decodeJwt(token), sub: crypto.randomUUID() })}.${signature}`));
    // Signature tampered (one byte flipped).
    const flipped = signature.startsWith('A') ? `B${signature.slice(1)}` : `A${signature.slice(1)}`;
    await expectRefused(await callApi(`${header}.${payload}.${flipped}`));
    // Unsigned: alg none, the real kid and claims, empty signature.
    const none = encodeJson({ ...decodeProtectedHeader(token), alg: 'none' });
    await expectRefused(await callApi(`${none}.${payload}.`));
    // Signed by IdentSphere, but for another audience than this API's.
    await expectRefused(await callApi(token, { ...apiEnv, TOKEN_AUDIENCE: 'https://other-api.example' }));
    // Signed by IdentSphere, but not by the issuer this API trusts.
    await expectRefused(await callApi(token, { ...apiEnv, AUTH_ORIGIN: 'https://auth.elsewhere.example' }));
    // The untrusted issuer's keys were looked up at its own origin, never taken from the auth Worker's JWKS.
    expect(jwksFetches).toEqual([JWKS_URL, 'https://auth.elsewhere.example/.well-known/jwks.json']);

    // Expired: valid until exp, refused after.
    advance((decodeJwt(token).exp! - decodeJwt(token).iat!) * 1000 - 1000);
    expect((await callApi(token)).status).toBe(200);
    advance(2000);
    await expectRefused(await callApi(token));
  });

  it('after a key rotation old tokens still verify and new ones carry the new kid', async () => {
    // Played out in the past on the shared signing_keys table, in a window of its own (key-rotation.test.ts uses
    // two hours ago). A first rotation gives this test a key that is active then, whatever keys other files
    // created on the real clock; every rotation here has completed by now, so they keep finding a live key.
    // (Not in the future: the scheduled-rotation test, a month ahead, prunes keys whose retirement a future
    // rotation set before then, the real-clock key included.)
    const { deps, jwksFetches, accessToken, callApi, advance } = await twoWorkers(Date.now() - 3 * HOUR);
    await rotateSigningKey(deps);
    advance(ACTIVATION_DELAY_MS + 1000);
    const before = await accessToken();
    const oldKid = decodeProtectedHeader(before).kid;
    expect((await callApi(before)).status).toBe(200);
    expect(jwksFetches).toHaveLength(1);

    const rotated = await rotateSigningKey(deps);
    expect(rotated.kid).not.toBe(oldKid);
    expect((await callApi(before)).status).toBe(200);
    advance(ACTIVATION_DELAY_MS - 1000);
    const lastOld = await accessToken();
    expect(decodeProtectedHeader(lastOld).kid).toBe(oldKid);
    expect((await callApi(lastOld)).status).toBe(200);

    advance(2000);
    const after = await accessToken();
    expect(decodeProtectedHeader(after).kid).toBe(rotated.kid);
    expect((await callApi(after)).status).toBe(200);
    expect((await callApi(lastOld)).status).toBe(200);
    // The API's cache expired once in the ten minutes (JWKS max-age five minutes) and learnt the new key then:
    // the new kid needed no extra fetch, and requests in between made none.
    expect(jwksFetches).toEqual([JWKS_URL, JWKS_URL]);
    for (let i = 0; i < 3; i++) expect((await callApi(await accessToken())).status).toBe(200);
    expect(jwksFetches).toHaveLength(2);
  });
});
