// Production guard for the accounts settings: real object storage (the AVATARS R2 binding) is required, an
// avatar CDN URL must be https, and the retention setting must be a number of days.
import { describe, expect, it, vi } from 'vitest';
import type { Env } from '../../../src/platform/config.ts';
import { callWithEnv, envWith, expectError, SAFE_PRODUCTION } from '../support/index.ts';

const SAFE = SAFE_PRODUCTION;

function settingsLogged(spy: { mock: { calls: unknown[][] } }): string[] {
  const line = spy.mock.calls.map((args) => String(args[0])).find((l: string) => l.includes('refusing to serve'));
  return line ? (JSON.parse(line).settings as string[]) : [];
}

describe('production configuration guard (accounts)', () => {
  it('refuses to serve without the AVATARS R2 binding (the in-memory twin is one isolate’s memory)', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const env: Env = { ...envWith(SAFE), AVATARS: undefined };
    await expectError(await callWithEnv(env, '/v1/health'), 503, 'misconfigured');
    expect(settingsLogged(spy)).toEqual(['AVATARS']);
  });

  it('refuses an http avatar base URL in production, and a retention that is not a number of days anywhere', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    await expectError(
      await callWithEnv(envWith({ ...SAFE, IDENTSPHERE_AVATAR_BASE_URL: 'http://cdn.example.com' }), '/v1/health'),
      503,
      'misconfigured',
    );
    expect(settingsLogged(spy)).toEqual(['IDENTSPHERE_AVATAR_BASE_URL']);
    spy.mockClear();
    await expectError(await callWithEnv(envWith({ IDENTSPHERE_AUDIT_RETENTION_DAYS: '-1' }), '/v1/health'), 503, 'misconfigured');
    expect(settingsLogged(spy)).toEqual(['IDENTSPHERE_AUDIT_RETENTION_DAYS']);
  });

  it('serves with the binding and an https avatar CDN', async () => {
    expect((await callWithEnv(envWith({ ...SAFE, IDENTSPHERE_AVATAR_BASE_URL: 'https://avatars.example.com' }), '/v1/health')).status).toBe(
      200,
    );
  });
});
