// The mfa_token lives 5 minutes (injected clock) and is single use.
import { describe, expect, it } from 'vitest';
import { challenge, clockedEnv, expectError, mfaToken, totp, userWithTotp } from '../support/index.ts';

describe('mfa_token expiry and single use', () => {
  it('works at 4:59, is refused at 5:00 and after', async () => {
    const { env, clock } = clockedEnv();
    const u = await userWithTotp({ env, now: () => clock.now().getTime() });
    const valid = await mfaToken(u.email, { env });
    const expiring = await mfaToken(u.email, { env });
    clock.advance(5 * 60_000 - 1000);
    expect((await challenge({ mfa_token: valid, code: await totp(u.secret, clock.now().getTime()) }, { env })).status).toBe(200);
    clock.advance(1000);
    const late = await challenge({ mfa_token: expiring, code: await totp(u.secret, clock.now().getTime(), 1) }, { env });
    expect(late.headers.getSetCookie()).toEqual([]);
    await expectError(late, 401, 'invalid_mfa_token');
    // A recovery code does not revive it either.
    await expectError(await challenge({ mfa_token: expiring, recovery_code: u.recoveryCodes[0]! }, { env }), 401, 'invalid_mfa_token');
  });

  it('is single use: after a successful challenge the same token is refused', async () => {
    const { env, clock } = clockedEnv();
    const u = await userWithTotp({ env, now: () => clock.now().getTime() });
    const token = await mfaToken(u.email, { env });
    expect((await challenge({ mfa_token: token, code: await totp(u.secret, clock.now().getTime()) }, { env })).status).toBe(200);
    clock.advance(30_000);
    await expectError(
      await challenge({ mfa_token: token, code: await totp(u.secret, clock.now().getTime()) }, { env }),
      401,
      'invalid_mfa_token',
    );
    await expectError(await challenge({ mfa_token: token, recovery_code: u.recoveryCodes[1]! }, { env }), 401, 'invalid_mfa_token');
  });
});
