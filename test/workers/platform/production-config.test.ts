// Production mode fails closed: an unsafe setting means every request is 503 `misconfigured`, and one log
// line names the setting(s).
import { describe, expect, it, vi } from 'vitest';
import { callWithEnv, envWith, expectError, SAFE_PRODUCTION } from '../support/index.ts';

const SAFE = SAFE_PRODUCTION;

function captureErrors() {
  return vi.spyOn(console, 'error').mockImplementation(() => {});
}

function loggedSettings(spy: ReturnType<typeof captureErrors>): string[] {
  const lines = spy.mock.calls.map((args) => String(args[0])).filter((l) => l.includes('refusing to serve'));
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0]!).settings as string[];
}

describe('production configuration guard', () => {
  it('a 10-byte JWT secret: every request is 503 misconfigured and the log names IDENTSPHERE_JWT_SECRET', async () => {
    const spy = captureErrors();
    // One env object, as an isolate has: configuration is checked once, logged once, enforced on every request.
    const overrides = envWith({ ...SAFE, IDENTSPHERE_JWT_SECRET: '0123456789' });
    const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' };
    for (const [path, req] of [
      ['/v1/health', {}],
      ['/v1/auth/session', {}],
      ['/v1/auth/register', init],
      ['/nope', {}],
    ] as const) {
      await expectError(await callWithEnv(overrides, path, req), 503, 'misconfigured');
    }
    expect(loggedSettings(spy)).toEqual(['IDENTSPHERE_JWT_SECRET']);
  });

  it.each([
    ['IDENTSPHERE_COOKIES_SECURE', { IDENTSPHERE_COOKIES_SECURE: 'false' }],
    ['IDENTSPHERE_PUBLIC_BASE_URL', { IDENTSPHERE_PUBLIC_BASE_URL: 'http://auth.example.com' }],
    ['DATABASE_URL', { DATABASE_URL: 'postgres://u:p@db.example.com/neondb' }],
    ['DATABASE_URL', { DATABASE_URL: 'postgres://u:p@db.example.com/neondb?sslmode=prefer' }],
    ['IDENTSPHERE_DATABASE_LOCAL_HTTP', { IDENTSPHERE_DATABASE_LOCAL_HTTP: 'true' }],
    ['IDENTSPHERE_RP_ID', { IDENTSPHERE_RP_ID: 'example.org' }],
    ['IDENTSPHERE_RP_ID', { IDENTSPHERE_RP_ID: 'com', IDENTSPHERE_RP_ORIGIN: 'https://app.example.com' }],
    ['IDENTSPHERE_RP_ID', { IDENTSPHERE_RP_ID: 'ample.com' }],
    ['IDENTSPHERE_RP_ORIGIN', { IDENTSPHERE_RP_ORIGIN: 'http://app.example.com' }],
    ['IDENTSPHERE_RP_ORIGIN', { IDENTSPHERE_RP_ORIGIN: 'https://app.example.org' }],
    ['IDENTSPHERE_ENCRYPTION_KEY', { IDENTSPHERE_ENCRYPTION_KEY: '' }],
    ['IDENTSPHERE_ENCRYPTION_KEY', { IDENTSPHERE_ENCRYPTION_KEY: 'a'.repeat(64) }], // equal to the JWT secret
    ['IDENTSPHERE_CORS_ORIGINS', { IDENTSPHERE_CORS_ORIGINS: '*' }],
    // The log-only and in-memory senders deliver nothing; a real sender needs a verified from address.
    ['IDENTSPHERE_EMAIL_PROVIDER', { IDENTSPHERE_EMAIL_PROVIDER: 'log' }],
    ['IDENTSPHERE_EMAIL_PROVIDER', { IDENTSPHERE_EMAIL_PROVIDER: 'memory' }],
    ['IDENTSPHERE_FROM_EMAIL', { IDENTSPHERE_FROM_EMAIL: '' }],
    ['IDENTSPHERE_EMAIL_API_KEY', { IDENTSPHERE_EMAIL_API_KEY: '' }],
  ])('refuses to serve when %s is unsafe', async (setting, change) => {
    const spy = captureErrors();
    await expectError(await callWithEnv(envWith({ ...SAFE, ...change }), '/v1/health'), 503, 'misconfigured');
    expect(loggedSettings(spy)).toContain(setting);
  });

  it('names every unsafe setting at once', async () => {
    const spy = captureErrors();
    await expectError(
      await callWithEnv(
        envWith({
          ...SAFE,
          IDENTSPHERE_JWT_SECRET: 'short',
          IDENTSPHERE_COOKIES_SECURE: 'false',
          IDENTSPHERE_PUBLIC_BASE_URL: 'http://x.example.com',
        }),
        '/v1/health',
      ),
      503,
      'misconfigured',
    );
    expect(loggedSettings(spy).sort()).toEqual(['IDENTSPHERE_COOKIES_SECURE', 'IDENTSPHERE_JWT_SECRET', 'IDENTSPHERE_PUBLIC_BASE_URL']);
  });

  it('serves with a safe production configuration', async () => {
    const res = await callWithEnv(envWith(SAFE), '/v1/health');
    expect(res.status).toBe(200);
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=/);
  });

  it.each([
    ['the public host itself', { IDENTSPHERE_RP_ID: 'auth.example.com', IDENTSPHERE_RP_ORIGIN: 'https://auth.example.com' }],
    ['derived from the public URL', { IDENTSPHERE_RP_ID: '', IDENTSPHERE_RP_ORIGIN: '' }],
  ])('serves with the RP ID as %s', async (_, change) => {
    expect((await callWithEnv(envWith({ ...SAFE, ...change }), '/v1/health')).status).toBe(200);
  });

  it('serves with Postmark too', async () => {
    expect((await callWithEnv(envWith({ ...SAFE, IDENTSPHERE_EMAIL_PROVIDER: 'postmark' }), '/v1/health')).status).toBe(200);
  });

  it('a real email provider without its API key is misconfigured in any mode', async () => {
    const spy = captureErrors();
    await expectError(
      await callWithEnv(envWith({ IDENTSPHERE_EMAIL_PROVIDER: 'postmark', IDENTSPHERE_FROM_EMAIL: 'a@example.com' }), '/v1/health'),
      503,
      'misconfigured',
    );
    expect(loggedSettings(spy)).toEqual(['IDENTSPHERE_EMAIL_API_KEY']);
  });

  it('an invalid value is misconfigured in any mode, a missing secret too', async () => {
    const spy = captureErrors();
    await expectError(await callWithEnv(envWith({ IDENTSPHERE_COOKIES_SECURE: 'maybe' }), '/v1/health'), 503, 'misconfigured');
    expect(loggedSettings(spy)).toEqual(['IDENTSPHERE_COOKIES_SECURE']);
    spy.mockClear();
    await expectError(await callWithEnv(envWith({ IDENTSPHERE_JWT_SECRET: '' }), '/v1/health'), 503, 'misconfigured');
    expect(loggedSettings(spy)).toEqual(['IDENTSPHERE_JWT_SECRET']);
    spy.mockClear();
    await expectError(await callWithEnv(envWith({ IDENTSPHERE_ENCRYPTION_KEY: 'not-hex' }), '/v1/health'), 503, 'misconfigured');
    expect(loggedSettings(spy)).toEqual(['IDENTSPHERE_ENCRYPTION_KEY']);
  });
});
