// Production refuses an http:// IDENTSPHERE_APP_URL: emailed reset / verification links carry single-use
// tokens and open at the app URL, so over plain http a network attacker would read (and use) them.
import { describe, expect, it, vi } from 'vitest';
import { callWithEnv, envWith, expectError, SAFE_PRODUCTION } from '../support/index.ts';

describe('production app URL', () => {
  it('an http:// app URL: every request is 503 misconfigured and the log names IDENTSPHERE_APP_URL', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const env = envWith({ ...SAFE_PRODUCTION, IDENTSPHERE_APP_URL: 'http://app.example.com' });
    await expectError(await callWithEnv(env, '/v1/health'), 503, 'misconfigured');
    const line = spy.mock.calls.map((args) => String(args[0])).find((l) => l.includes('refusing to serve'));
    expect(JSON.parse(line!).settings).toEqual(['IDENTSPHERE_APP_URL']);
  });

  it('an https:// app URL serves', async () => {
    expect(SAFE_PRODUCTION.IDENTSPHERE_APP_URL).toMatch(/^https:\/\//);
    expect((await callWithEnv(envWith(SAFE_PRODUCTION), '/v1/health')).status).toBe(200);
  });

  it('http:// stays allowed outside production (local frontends)', async () => {
    const res = await callWithEnv(envWith({ IDENTSPHERE_APP_URL: 'http://localhost:5173' }), '/v1/health');
    expect(res.status).toBe(200);
  });
});
