// Credentialed CORS for the allow-list only; CSRF defence for state-changing requests.
import { describe, expect, it } from 'vitest';
import { call, expectError, uniqueEmail } from './support.ts';

const APP = 'http://app.localhost:5173';

describe('CORS', () => {
  it('answers a preflight from an allowed origin with credentials', async () => {
    const res = await call('/v1/auth/register', {
      method: 'OPTIONS',
      headers: { origin: APP, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP);
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('content-type');
  });

  it('gives a foreign origin no Access-Control-Allow-Origin', async () => {
    const res = await call('/v1/auth/session', { headers: { origin: 'https://evil.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await call('/v1/auth/register', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('a sibling-origin frontend registers and reads its session with credentials', async () => {
    const reg = await call('/v1/auth/register', { method: 'POST', headers: { origin: APP }, json: { email: uniqueEmail(), password: 'long enough pw' } });
    expect(reg.status).toBe(201);
    expect(reg.headers.get('access-control-allow-origin')).toBe(APP);
    expect(reg.headers.get('access-control-allow-credentials')).toBe('true');
  });
});

describe('CSRF', () => {
  it('refuses a state-changing request from a foreign Origin', async () => {
    const res = await call('/v1/auth/register', { method: 'POST', headers: { origin: 'https://evil.example' }, json: { email: uniqueEmail(), password: 'long enough pw' } });
    await expectError(res, 403, 'csrf');
  });

  it('refuses form-encoded and text/plain bodies', async () => {
    for (const type of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x']) {
      const res = await call('/v1/auth/register', { method: 'POST', headers: { 'content-type': type }, body: 'email=a@b.c&password=12345678' });
      await expectError(res, 403, 'csrf');
    }
  });

  it('lets Origin-less, bodiless requests through (curl, the smoke test)', async () => {
    expect((await call('/v1/auth/logout', { method: 'POST' })).status).toBe(204);
  });
});
