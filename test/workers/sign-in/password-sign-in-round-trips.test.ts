// A password sign-in costs two database round trips, MFA on or off: one query before the hash (the user, their
// first organization and their MFA status together) and one atomic batch after it. Across the planet each
// round trip to the database's region is 20-150 ms, so this is what a distant user waits for.
import { describe, expect, it } from 'vitest';
import { type Flow, flowEnv, PASSWORD, roundTrips, totp } from '../support/index.ts';

async function signIn(flow: Flow, email: string) {
  const { res, trips } = await roundTrips(flow, '/v1/auth/login', { method: 'POST', json: { email, password: PASSWORD } });
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, trips };
}

describe('password sign-in round trips', () => {
  it('MFA off: one query before the hash, one batch after it', async () => {
    const flow = flowEnv();
    const { email } = await flow.register();
    const result = await signIn(flow, email);
    expect(result.status).toBe(200);
    expect(result.trips).toEqual(['query', 'batch']);
  });

  it('MFA on: the same two, ending in the MFA step (no separate MFA status query)', async () => {
    const flow = flowEnv();
    const { email, cookie } = await flow.register();
    const setup = await flow.call('/v1/auth/mfa/totp/setup', { method: 'POST', cookie });
    const { secret } = (await setup.json()) as { secret: string };
    const confirmed = await flow.call('/v1/auth/mfa/totp/confirm', {
      method: 'POST',
      cookie,
      json: { code: await totp(secret, flow.clock.now().getTime()) },
    });
    expect(confirmed.status).toBe(200);
    const result = await signIn(flow, email);
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ mfa_required: true });
    expect(result.trips).toEqual(['query', 'batch']);
  });
});
