// A session check whose session is in no cache costs one database round trip before the answer (the read,
// with the sliding renewal when due, in one batch); the re-read that confirms the cache entry runs after the
// answer. A check answered from the cache costs none (session-check-no-database.test.ts).
import { describe, expect, it } from 'vitest';
import { evictSessionCache, flowEnv, roundTrips } from '../support/index.ts';

const DAY = 24 * 3600 * 1000;

describe('cold session check round trips', () => {
  it('one batch before the answer; the cache confirmation after it', async () => {
    const flow = flowEnv();
    const { cookie } = await flow.register();
    await evictSessionCache(cookie);
    const cold = await roundTrips(flow, '/v1/auth/session', { cookie });
    expect(cold.res.status).toBe(200);
    expect(cold.trips).toEqual(['batch']);
    expect(cold.background).toEqual(['query']);

    const warm = await roundTrips(flow, '/v1/auth/session', { cookie });
    expect(warm.res.status).toBe(200);
    expect(warm.trips).toEqual([]);
  });

  it('a renewal due (cached or not) is the same one batch', async () => {
    const flow = flowEnv();
    const { cookie } = await flow.register();
    const before = (await (await flow.call('/v1/auth/session', { cookie })).json()) as { session: { idle_expires_at: string } };
    flow.clock.advance(DAY + 1000);
    const due = await roundTrips(flow, '/v1/auth/session', { cookie });
    expect(due.res.status).toBe(200);
    const after = (await due.res.json()) as { session: { idle_expires_at: string } };
    expect(Date.parse(after.session.idle_expires_at)).toBeGreaterThan(Date.parse(before.session.idle_expires_at));
    expect(due.trips).toEqual(['batch']);

    flow.clock.advance(DAY + 1000);
    await evictSessionCache(cookie);
    const coldDue = await roundTrips(flow, '/v1/auth/session', { cookie });
    expect(coldDue.res.status).toBe(200);
    expect(coldDue.trips).toEqual(['batch']);
  });

  it('a revoked session: one batch, refused, nothing cached', async () => {
    const flow = flowEnv();
    const { cookie } = await flow.register();
    expect((await flow.call('/v1/auth/logout', { method: 'POST', cookie })).status).toBe(204);
    const revoked = await roundTrips(flow, '/v1/auth/session', { cookie });
    expect(revoked.res.status).toBe(401);
    expect(revoked.trips).toEqual(['batch']);
    expect(revoked.background).toEqual([]);
  });
});
