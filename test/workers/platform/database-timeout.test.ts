// A database that accepts connections and never answers (a black hole, started by test/global-setup.ts) costs a
// request its deadline, not the platform's limit: routes answer 503, readiness 503, and a warm session check
// still answers from KV alone.
import { describe, expect, inject, it, vi } from 'vitest';
import { callWithEnv, envWith, evictSessionCache, expectError, registerUser, uniqueEmail } from '../support/index.ts';

const DEADLINE_MS = 1000;
const HUNG = envWith({
  DATABASE_URL: `postgres://identsphere:local@127.0.0.1:${inject('blackHolePort')}/identsphere`,
  IDENTSPHERE_DATABASE_TIMEOUT_MS: String(DEADLINE_MS),
});

async function timed(run: () => Promise<Response>) {
  const started = Date.now();
  const res = await run();
  return { res, elapsed: Date.now() - started };
}

describe('database timeout', () => {
  it('a database route answers 503 service_unavailable within the deadline', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { res, elapsed } = await timed(() =>
      callWithEnv(HUNG, '/v1/auth/register', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'cf-connecting-ip': '10.9.9.9' },
        body: JSON.stringify({ email: uniqueEmail('hung'), password: 'long enough pw' }),
      }),
    );
    await expectError(res, 503, 'service_unavailable');
    expect(elapsed).toBeGreaterThanOrEqual(DEADLINE_MS - 50);
    // Registration makes one batch after hashing: one deadline plus the hash, far below a hang.
    expect(elapsed).toBeLessThan(DEADLINE_MS + 4000);
  });

  it('readiness answers 503 within the deadline', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { res, elapsed } = await timed(() => callWithEnv(HUNG, '/v1/health/ready'));
    await expectError(res, 503, 'service_unavailable');
    expect(elapsed).toBeLessThan(DEADLINE_MS + 1500);
  });

  it('a cold session check answers 503; a warm one keeps answering 200 from KV', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { cookie } = await registerUser(); // registration warms the cache
    const warm = await timed(() => callWithEnv(HUNG, new Request('http://localhost:8787/v1/auth/session', { headers: { cookie } })));
    expect(warm.res.status).toBe(200);
    expect(warm.elapsed).toBeLessThan(DEADLINE_MS);
    await evictSessionCache(cookie);
    const cold = await timed(() => callWithEnv(HUNG, new Request('http://localhost:8787/v1/auth/session', { headers: { cookie } })));
    await expectError(cold.res, 503, 'service_unavailable');
    expect(cold.elapsed).toBeLessThan(DEADLINE_MS + 1500);
  });

  it('the deadline is validated at start-up', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await callWithEnv(envWith({ IDENTSPHERE_DATABASE_TIMEOUT_MS: '0' }), '/v1/health');
    await expectError(res, 503, 'misconfigured');
  });
});
