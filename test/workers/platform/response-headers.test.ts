// The exact headers the global middlewares put on each kind of answer (a route's, a preflight, a refusal from
// the guards, a misconfigured Worker's), so merging or reordering them cannot drop or change one.
import { describe, expect, it, vi } from 'vitest';
import { call, callWithEnv, envWith, SAFE_PRODUCTION } from '../support/index.ts';

const APP = 'http://app.localhost:5173';
const SECURITY = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'cross-origin-resource-policy': 'same-site',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
};
const CORS = {
  'access-control-allow-credentials': 'true',
  'access-control-expose-headers': 'X-Request-Id,Retry-After,Idempotency-Replayed',
};

/** Every header but the generated request id (checked apart) and the body's length. */
function headersOf(res: Response): Record<string, string> {
  expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  const all = Object.fromEntries(res.headers);
  delete all['x-request-id'];
  delete all['content-length'];
  return all;
}

describe('response headers', () => {
  it('a route answer: security headers, no-store, CORS for an allowed origin, Vary: Origin', async () => {
    const res = await call('/v1/health', { headers: { origin: APP } });
    expect(res.status).toBe(200);
    expect(headersOf(res)).toEqual({
      ...SECURITY,
      ...CORS,
      'access-control-allow-origin': APP,
      'cache-control': 'no-store',
      'content-type': 'application/json',
      vary: 'Origin',
    });
  });

  it("a foreign origin: the same without Access-Control-Allow-Origin; a route's own Cache-Control stands", async () => {
    const res = await call('/.well-known/jwks.json', { headers: { origin: 'https://evil.example' } });
    expect(res.status).toBe(200);
    const headers = headersOf(res);
    expect(headers['cache-control']).toMatch(/^public, max-age=\d+$/);
    delete headers['cache-control'];
    expect(headers).toEqual({ ...SECURITY, ...CORS, 'content-type': 'application/json', vary: 'Origin' });
  });

  it('a preflight: 204 with the whole policy', async () => {
    const init = { method: 'OPTIONS', headers: { origin: APP, 'access-control-request-method': 'POST' } };
    const res = await call('/v1/auth/register', init);
    expect(res.status).toBe(204);
    expect(res.statusText).toBe('No Content');
    const policy = {
      ...SECURITY,
      ...CORS,
      'access-control-allow-headers': 'Content-Type,X-Request-Id,Idempotency-Key,CF-Turnstile-Response',
      'access-control-allow-methods': 'GET,POST,PUT,PATCH,DELETE,OPTIONS',
      'access-control-max-age': '600',
      'cache-control': 'no-store',
      vary: 'Origin, Access-Control-Request-Headers',
    };
    expect(headersOf(res)).toEqual({ ...policy, 'access-control-allow-origin': APP });
    const foreign = await call('/v1/auth/register', { ...init, headers: { ...init.headers, origin: 'https://evil.example' } });
    expect(foreign.status).toBe(204);
    expect(headersOf(foreign)).toEqual(policy);
  });

  it('a refusal by the guards (CSRF, two credentials) is dressed like any answer', async () => {
    const csrf = await call('/v1/auth/logout', { method: 'POST', headers: { origin: 'https://evil.example' } });
    expect(csrf.status).toBe(403);
    const refused = { ...SECURITY, ...CORS, 'cache-control': 'no-store', 'content-type': 'application/json', vary: 'Origin' };
    expect(headersOf(csrf)).toEqual(refused);
    const ambiguous = await call('/v1/auth/session', {
      headers: { origin: APP, authorization: 'Bearer x' },
      cookie: 'identsphere_session=y',
    });
    expect(ambiguous.status).toBe(400);
    expect(headersOf(ambiguous)).toEqual({ ...refused, 'access-control-allow-origin': APP });
  });

  it('a misconfigured Worker: security headers and the request id, no CORS', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await callWithEnv(
      envWith({ IDENTSPHERE_DATABASE_TIMEOUT_MS: '0' }),
      new Request('http://localhost:8787/v1/health', { headers: { origin: APP } }),
    );
    expect(res.status).toBe(503);
    expect(headersOf(res)).toEqual({ ...SECURITY, 'cache-control': 'no-store', 'content-type': 'application/json' });
  });

  it('served over https: Strict-Transport-Security too', async () => {
    const res = await callWithEnv(envWith(SAFE_PRODUCTION), '/v1/health');
    expect(res.status).toBe(200);
    expect(res.headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains');
    const plain = await call('/v1/health');
    expect(plain.headers.get('strict-transport-security')).toBeNull();
  });
});
