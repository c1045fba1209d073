// Finishing an MFA sign-in costs two database round trips: one batch that counts the attempt and reads what
// the check needs (the user, the TOTP seed, the organizations), one that consumes the token and the factor
// and creates the session. A wrong code costs the same two (the second records the failure); a dead token one.
import { describe, expect, it } from 'vitest';
import { type Flow, flowEnv, roundTrips, totp } from '../support/index.ts';

/** A user with TOTP on, signed in with the password: the mfa_token, the seed and the recovery codes. */
async function pendingSignIn(flow: Flow) {
  const { email, cookie } = await flow.register();
  const setup = await flow.call('/v1/auth/mfa/totp/setup', { method: 'POST', cookie });
  const { secret } = (await setup.json()) as { secret: string };
  const code = await totp(secret, flow.clock.now().getTime());
  const confirmed = await flow.call('/v1/auth/mfa/totp/confirm', { method: 'POST', cookie, json: { code } });
  const { recovery_codes } = (await confirmed.json()) as { recovery_codes: string[] };
  const login = await flow.login(email);
  const { mfa_token } = (await login.json()) as { mfa_token: string };
  flow.clock.advance(30_000); // the next step: the confirmation used this one
  return { secret, mfaToken: mfa_token, recoveryCodes: recovery_codes };
}

function challenge(flow: Flow, json: Record<string, string>) {
  return roundTrips(flow, '/v1/auth/mfa/challenge', { method: 'POST', json });
}

describe('MFA challenge round trips', () => {
  it('TOTP: the counting batch, then the sign-in batch', async () => {
    const flow = flowEnv();
    const { secret, mfaToken } = await pendingSignIn(flow);
    const { res, trips } = await challenge(flow, { mfa_token: mfaToken, code: await totp(secret, flow.clock.now().getTime()) });
    expect(res.status).toBe(200);
    expect(trips).toEqual(['batch', 'batch']);
  });

  it('recovery code: the same two', async () => {
    const flow = flowEnv();
    const { mfaToken, recoveryCodes } = await pendingSignIn(flow);
    const { res, trips } = await challenge(flow, { mfa_token: mfaToken, recovery_code: recoveryCodes[0]! });
    expect(res.status).toBe(200);
    expect(trips).toEqual(['batch', 'batch']);
  });

  it('a wrong code: the counting batch, then the failure (audit and backoff counter) in one batch', async () => {
    const flow = flowEnv();
    const { secret, mfaToken } = await pendingSignIn(flow);
    const right = await totp(secret, flow.clock.now().getTime());
    const { res, trips } = await challenge(flow, { mfa_token: mfaToken, code: right === '000000' ? '000001' : '000000' });
    expect(res.status).toBe(401);
    expect(trips).toEqual(['batch', 'batch']);
  });

  it('an unknown or dead token: one batch', async () => {
    const flow = flowEnv();
    const { res, trips } = await challenge(flow, { mfa_token: 'not-a-live-token', code: '123456' });
    expect(res.status).toBe(401);
    expect(trips).toEqual(['batch']);
  });
});
