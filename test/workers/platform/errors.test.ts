// The error model: every failure is `{"error":{"code","message","request_id"}}`, client mistakes are 4xx.
import { describe, expect, it } from 'vitest';
import { call, expectError, sql, uniqueEmail } from '../support/index.ts';

describe('error model', () => {
  it('malformed JSON is 400 invalid_json and writes nothing', async () => {
    const email = uniqueEmail('bad');
    const res = await call('/v1/auth/register', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"email":"${email}","password":`,
    });
    await expectError(res, 400, 'invalid_json');
    expect(await sql('select 1 from $schema.users where email = $1', [email])).toHaveLength(0);
  });

  it('validation failures are 400 invalid_request with field details; unknown fields are refused', async () => {
    const short = await call('/v1/auth/register', { method: 'POST', json: { email: uniqueEmail(), password: 'short' } });
    const body = await expectError(short, 400, 'invalid_request');
    expect(JSON.stringify(body)).toMatch(/password/);
    await expectError(
      await call('/v1/auth/register', { method: 'POST', json: { email: 'not-an-email', password: 'long enough pw' } }),
      400,
      'invalid_request',
    );
    await expectError(
      await call('/v1/auth/register', { method: 'POST', json: { email: uniqueEmail(), password: 'long enough pw', is_admin: true } }),
      400,
      'invalid_request',
    );
    await expectError(await call('/v1/auth/register', { method: 'POST', json: ['array'] }), 400, 'invalid_request');
  });

  it('passwords over 128 characters are refused, 128 are accepted (no truncation either way)', async () => {
    await expectError(
      await call('/v1/auth/register', { method: 'POST', json: { email: uniqueEmail(), password: 'x'.repeat(129) } }),
      400,
      'invalid_request',
    );
    expect((await call('/v1/auth/register', { method: 'POST', json: { email: uniqueEmail(), password: 'x'.repeat(128) } })).status).toBe(
      201,
    );
  });

  it('an over-size body is 413, counted while streaming', async () => {
    const big = JSON.stringify({ email: uniqueEmail(), password: 'long enough pw', name: 'x'.repeat(70_000) });
    await expectError(
      await call('/v1/auth/register', { method: 'POST', headers: { 'content-type': 'application/json' }, body: big }),
      413,
      'payload_too_large',
    );
    // Without a Content-Length (chunked), the limit still holds.
    const stream = new Blob([big]).stream();
    const res = await call('/v1/auth/register', { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream });
    await expectError(res, 413, 'payload_too_large');
  });

  it('unknown routes are a JSON 404', async () => {
    await expectError(await call('/v1/nope'), 404, 'not_found');
    await expectError(await call('/'), 404, 'not_found');
  });

  it('echoes a well-formed x-request-id and generates one otherwise', async () => {
    const res = await call('/v1/nope', { headers: { 'x-request-id': 'client-supplied-id-123' } });
    expect(res.headers.get('x-request-id')).toBe('client-supplied-id-123');
    expect((await expectError(res, 404, 'not_found')).error.request_id).toBe('client-supplied-id-123');
    const generated = await call('/v1/nope', { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sets secure response headers', async () => {
    const res = await call('/v1/health');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});
