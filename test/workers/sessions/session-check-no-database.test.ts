// A session check with a warm cache makes no database query: with the database unreachable it still answers
// 200 from KV alone, while the same check with the cache entry gone needs the database (503). `npm run bench`
// counts the same thing at the local Neon-HTTP endpoint under load (SQL statements per request).
import { describe, expect, it, vi } from 'vitest';
import { call, callWithEnv, envWith, evictSessionCache, expectError, registerUser } from '../support/index.ts';

// Nothing listens on port 9 (discard): any query fails, so any 200 below was served without one.
const NO_DATABASE = envWith({ DATABASE_URL: 'postgres://identsphere:local@127.0.0.1:9/identsphere' });

function sessionCheck(cookie: string, useEnv = NO_DATABASE) {
  return callWithEnv(useEnv, new Request('http://localhost:8787/v1/auth/session', { headers: { cookie } }));
}

describe('warm session check', () => {
  it('answers from the cache with the database unreachable, identically to the database-backed answer', async () => {
    const { cookie } = await registerUser();
    const live = await call('/v1/auth/session', { cookie }); // warms the cache (registration already did)
    expect(live.status).toBe(200);
    const cached = await sessionCheck(cookie);
    expect(cached.status).toBe(200);
    expect(await cached.json()).toEqual(await live.json());
  });

  it('control: without its cache entry the same check needs the database (503 when it is down)', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { cookie } = await registerUser();
    expect((await sessionCheck(cookie)).status).toBe(200);
    await evictSessionCache(cookie);
    await expectError(await sessionCheck(cookie), 503, 'service_unavailable');
    expect((await call('/v1/auth/session', { cookie })).status).toBe(200); // the database path refills the cache
    expect((await sessionCheck(cookie)).status).toBe(200);
  });
});
