// Credentialed CORS for the explicit allow-list only (a wildcard is refused at config time: production-config).
import { describe, expect, it } from 'vitest';
import { call, uniqueEmail } from '../support/index.ts';

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
    // A retry-safe client sends Idempotency-Key (src/features/idempotency/idempotency.middleware.ts) from the browser too.
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('idempotency-key');
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
    const reg = await call('/v1/auth/register', {
      method: 'POST',
      headers: { origin: APP },
      json: { email: uniqueEmail(), password: 'long enough pw' },
    });
    expect(reg.status).toBe(201);
    expect(reg.headers.get('access-control-allow-origin')).toBe(APP);
    expect(reg.headers.get('access-control-allow-credentials')).toBe('true');
  });
});
