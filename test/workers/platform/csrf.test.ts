// CSRF: a state-changing request must come from an allowed Origin (or none: non-browser clients) and carry
// JSON — which a foreign page cannot send without a CORS preflight we refuse.
import { describe, expect, it } from 'vitest';
import { call, expectError, PASSWORD, registerUser, uniqueEmail } from '../support/index.ts';

const APP = 'http://app.localhost:5173';

describe('CSRF', () => {
  it('refuses a state-changing request from a foreign Origin', async () => {
    const res = await call('/v1/auth/register', {
      method: 'POST',
      headers: { origin: 'https://evil.example' },
      json: { email: uniqueEmail(), password: 'long enough pw' },
    });
    await expectError(res, 403, 'csrf');
  });

  it('refuses form-encoded and text/plain bodies', async () => {
    for (const type of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x']) {
      const res = await call('/v1/auth/register', {
        method: 'POST',
        headers: { 'content-type': type },
        body: 'email=a@b.c&password=12345678',
      });
      await expectError(res, 403, 'csrf');
    }
  });

  it('refuses a foreign-origin login, logout and session revocation (the cookie would ride along)', async () => {
    const { email, cookie } = await registerUser();
    const evil = { origin: 'https://evil.example' };
    await expectError(await call('/v1/auth/login', { method: 'POST', headers: evil, json: { email, password: PASSWORD } }), 403, 'csrf');
    await expectError(await call('/v1/auth/logout', { method: 'POST', headers: evil, cookie }), 403, 'csrf');
    await expectError(await call('/v1/auth/sessions/revoke-others', { method: 'POST', headers: evil, cookie }), 403, 'csrf');
    // The session survived every attempt.
    expect((await call('/v1/auth/session', { cookie })).status).toBe(200);
  });

  it('refuses a form-encoded or text/plain login', async () => {
    const { email } = await registerUser();
    for (const type of ['application/x-www-form-urlencoded', 'text/plain']) {
      const res = await call('/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': type },
        body: JSON.stringify({ email, password: PASSWORD }),
      });
      await expectError(res, 403, 'csrf');
    }
  });

  it("accepts the allowed sibling origin and the Worker's own origin", async () => {
    const { email } = await registerUser();
    for (const origin of [APP, 'http://localhost:8787']) {
      expect((await call('/v1/auth/login', { method: 'POST', headers: { origin }, json: { email, password: PASSWORD } })).status).toBe(200);
    }
  });

  it('lets Origin-less, bodiless requests through (curl, the smoke test)', async () => {
    expect((await call('/v1/auth/logout', { method: 'POST' })).status).toBe(204);
  });
});
