// The JWKS is cacheable by Cloudflare and verifiers, and a warm isolate answers it — and mints access
// tokens for a cached session — without a database round trip (counted at the Neon driver's fetch boundary).
import { describe, expect, it } from 'vitest';
import { call, interceptDatabase, registerUser } from '../support/index.ts';

describe('JWKS and token caching', () => {
  it('GET /.well-known/jwks.json is publicly cacheable and passes CORS/CSRF untouched', async () => {
    const res = await call('/.well-known/jwks.json', { headers: { origin: 'https://elsewhere.example' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('a warm JWKS request and a warm token request make no database query', async () => {
    const { cookie } = await registerUser();
    expect((await call('/.well-known/jwks.json')).status).toBe(200);
    expect((await call('/v1/auth/token', { method: 'POST', cookie })).status).toBe(200);
    const db = interceptDatabase();
    try {
      expect((await call('/.well-known/jwks.json')).status).toBe(200);
      expect((await call('/v1/auth/token', { method: 'POST', cookie })).status).toBe(200);
    } finally {
      db.restore();
    }
    expect(db.requests).toEqual([]);
  });
});
