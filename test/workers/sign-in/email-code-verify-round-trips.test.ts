// An email-code sign-in costs two database round trips: one batch that counts the attempt, consumes the code
// and — for the request holding it — ends the credentials set up before a first proof of the address, marks
// it verified and reads the account with its organization and MFA status; one batch that creates the session
// (or the pending MFA sign-in). A wrong code costs one, the same for every address (the timing test).
import { describe, expect, it } from 'vitest';
import { codeIn, type Flow, flowEnv, roundTrips, sessionCookie, sql, totp } from '../support/index.ts';

async function requestCode(flow: Flow, email: string) {
  expect((await flow.call('/v1/auth/email-otp/request', { method: 'POST', json: { email } })).status).toBe(202);
  await flow.settle();
  return codeIn(email);
}

function verify(flow: Flow, email: string, code: string) {
  return roundTrips(flow, '/v1/auth/email-otp/verify', { method: 'POST', json: { email, code } });
}

describe('email-code verify round trips', () => {
  it('first proof of the address (prior credentials end): two batches, and the wipe happened', async () => {
    const flow = flowEnv();
    const { email, user, cookie } = await flow.register();
    const { res, trips } = await verify(flow, email, await requestCode(flow, email));
    expect(res.status).toBe(200);
    expect(trips).toEqual(['batch', 'batch']);
    // The registration's session and password ended with the proof; the address is verified.
    expect((await flow.call('/v1/auth/session', { cookie })).status).toBe(401);
    const [row] = await sql<{ verified: boolean; password: boolean }>(
      'select email_verified_at is not null as verified, password_hash is not null as password from $schema.users where id = $1',
      [user.id],
    );
    expect(row).toEqual({ verified: true, password: false });
  });

  it('verified address with MFA on: the same two, ending in the MFA step', async () => {
    const flow = flowEnv();
    const { email } = await flow.register();
    const first = await verify(flow, email, await requestCode(flow, email));
    expect(first.res.status).toBe(200);
    const cookie = sessionCookie(first.res);
    const setup = await flow.call('/v1/auth/mfa/totp/setup', { method: 'POST', cookie });
    const { secret } = (await setup.json()) as { secret: string };
    const code = await totp(secret, flow.clock.now().getTime());
    expect((await flow.call('/v1/auth/mfa/totp/confirm', { method: 'POST', cookie, json: { code } })).status).toBe(200);
    flow.clock.advance(61_000); // past the resend window

    const { res, trips } = await verify(flow, email, await requestCode(flow, email));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ mfa_required: true });
    expect(trips).toEqual(['batch', 'batch']);
  });

  it('a wrong code: one batch (the attempt counted and audited), no second round trip', async () => {
    const flow = flowEnv();
    const { email } = await flow.register();
    const code = await requestCode(flow, email);
    const { res, trips } = await verify(flow, email, code === '000000' ? '000001' : '000000');
    expect(res.status).toBe(401);
    expect(trips).toEqual(['batch']);
  });
});
