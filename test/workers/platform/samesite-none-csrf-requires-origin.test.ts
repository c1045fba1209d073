// Frontends on another site: IDENTSPHERE_COOKIE_SAMESITE=none sends the session cookie on cross-site requests,
// so it needs Secure (refusing to start otherwise) and CSRF then requires an allow-listed Origin on every
// state-changing request — no Origin-less pass, no bearer exemption, no Sec-Fetch-Site or Referer fallback.
import { describe, expect, it } from 'vitest';
import { buildDeps } from '../../../src/platform/deps.ts';
import { call, callWithEnv, envWith, expectError, flowEnv, PASSWORD, sessionCookie, sql, uniqueEmail } from '../support/index.ts';

const APP = 'http://app.localhost:5173';
const NONE = { IDENTSPHERE_COOKIE_SAMESITE: 'none', IDENTSPHERE_COOKIES_SECURE: 'true' } as const;

const userExists = async (email: string) => (await sql('select 1 from $schema.users where email = $1', [email])).length === 1;

function crossSite() {
  const flow = flowEnv(NONE);
  const post = (path: string, init: { json?: unknown; headers?: Record<string, string>; cookie?: string } = {}) =>
    flow.call(path, { method: 'POST', ...init });
  /** A signed-in browser session, made from the allowed frontend. */
  async function signedIn() {
    const email = uniqueEmail('xsite');
    const res = await post('/v1/auth/register', { json: { email, password: PASSWORD }, headers: { origin: APP } });
    expect(res.status).toBe(201);
    return { email, res, cookie: sessionCookie(res) };
  }
  const sessionStatus = async (cookie: string) => (await flow.call('/v1/auth/session', { cookie })).status;
  return { flow, post, signedIn, sessionStatus };
}

describe('IDENTSPHERE_COOKIE_SAMESITE=none', () => {
  it('refuses to start without Secure cookies (503 misconfigured), and refuses unknown values', async () => {
    const insecure = envWith({ IDENTSPHERE_COOKIE_SAMESITE: 'none' });
    const built = buildDeps(insecure);
    expect(built.ok).toBe(false);
    expect(!built.ok && built.problems.map((p) => p.setting)).toEqual(['IDENTSPHERE_COOKIE_SAMESITE']);
    await expectError(await callWithEnv(insecure, '/v1/auth/session'), 503, 'misconfigured');
    expect(buildDeps(envWith({ IDENTSPHERE_COOKIE_SAMESITE: 'sometimes' })).ok).toBe(false);
    expect(buildDeps(envWith(NONE)).ok).toBe(true);
    for (const value of ['lax', 'strict']) expect(buildDeps(envWith({ IDENTSPHERE_COOKIE_SAMESITE: value })).ok).toBe(true);
  });

  it('sets the session and device cookies SameSite=None; Secure (and keeps Lax by default)', async () => {
    const { post, signedIn } = crossSite();
    const { res, email } = await signedIn();
    const session = res.headers.getSetCookie().find((c) => c.startsWith('__Host-identsphere_session='));
    expect(session).toMatch(/; SameSite=None/);
    expect(session).toMatch(/; Secure/);
    expect(session).toMatch(/; HttpOnly/);
    const login = await post('/v1/auth/login', { json: { email, password: PASSWORD }, headers: { origin: APP } });
    expect(login.status).toBe(200);
    const device = login.headers.getSetCookie().find((c) => c.startsWith('__Host-identsphere_device='));
    expect(device).toMatch(/; SameSite=None/);
    expect(device).toMatch(/; Secure/);

    const lax = await call('/v1/auth/register', { method: 'POST', json: { email: uniqueEmail(), password: PASSWORD } });
    expect(lax.headers.getSetCookie().find((c) => c.startsWith('identsphere_session='))).toMatch(/; SameSite=Lax/);
    const strict = flowEnv({ IDENTSPHERE_COOKIE_SAMESITE: 'strict' });
    const strictRes = await strict.call('/v1/auth/register', { method: 'POST', json: { email: uniqueEmail(), password: PASSWORD } });
    expect(strictRes.headers.getSetCookie().find((c) => c.startsWith('identsphere_session='))).toMatch(/; SameSite=Strict/);
  });

  it('refuses a state-changing request without Origin (403 csrf), even from curl; nothing changes', async () => {
    const { post, signedIn, sessionStatus } = crossSite();
    const email = uniqueEmail('no-origin');
    await expectError(await post('/v1/auth/register', { json: { email, password: PASSWORD } }), 403, 'csrf');
    expect(await userExists(email)).toBe(false);

    const { cookie } = await signedIn();
    // The smoke test's bodiless logout, and a revocation, with the cookie and no Origin.
    await expectError(await post('/v1/auth/logout', { cookie }), 403, 'csrf');
    await expectError(await post('/v1/auth/sessions/revoke-others', { cookie }), 403, 'csrf');
    // No fallback to other signals a same-site page would send.
    const sameSiteLooking = { 'sec-fetch-site': 'same-origin', referer: `${APP}/account` };
    await expectError(await post('/v1/auth/logout', { cookie, headers: sameSiteLooking }), 403, 'csrf');
    expect(await sessionStatus(cookie)).toBe(200);
  });

  it('refuses a foreign or opaque Origin (403 csrf); nothing changes', async () => {
    const { post, signedIn, sessionStatus } = crossSite();
    const { cookie, email } = await signedIn();
    for (const origin of ['https://evil.example', 'null', 'http://app.localhost:5174', 'https://app.localhost:5173']) {
      await expectError(await post('/v1/auth/logout', { cookie, headers: { origin } }), 403, 'csrf');
      await expectError(await post('/v1/auth/login', { json: { email, password: PASSWORD }, headers: { origin } }), 403, 'csrf');
      const other = uniqueEmail('foreign');
      await expectError(await post('/v1/auth/register', { json: { email: other, password: PASSWORD }, headers: { origin } }), 403, 'csrf');
      expect(await userExists(other)).toBe(false);
    }
    expect(await sessionStatus(cookie)).toBe(200);
  });

  it('has no bearer exemption: a bearer request needs the allowed Origin too', async () => {
    const { post, flow } = crossSite();
    const res = await post('/v1/auth/register', {
      json: { email: uniqueEmail('bearer'), password: PASSWORD },
      headers: { origin: APP, 'identsphere-session-transport': 'bearer' },
    });
    const { session_token: token } = (await res.json()) as { session_token: string };
    const bearer = { authorization: `Bearer ${token}` };
    await expectError(await post('/v1/auth/logout', { headers: bearer }), 403, 'csrf');
    expect((await flow.call('/v1/auth/session', { headers: bearer })).status).toBe(200);
    expect((await post('/v1/auth/logout', { headers: { ...bearer, origin: APP } })).status).toBe(204);
    expect((await flow.call('/v1/auth/session', { headers: bearer })).status).toBe(401);
  });

  it('lets the allow-listed frontend (and the Worker’s own origin) act, and reads need no Origin', async () => {
    const { post, signedIn, sessionStatus } = crossSite();
    const { cookie, email } = await signedIn();
    expect(await sessionStatus(cookie)).toBe(200);
    expect(
      (await post('/v1/auth/login', { json: { email, password: PASSWORD }, headers: { origin: 'http://localhost:8787' } })).status,
    ).toBe(200);
    expect((await post('/v1/auth/logout', { cookie, headers: { origin: APP } })).status).toBe(204);
    expect(await sessionStatus(cookie)).toBe(401);
  });
});
