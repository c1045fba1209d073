// Security requirement 4 (expiry): a reset link works for one hour, not a millisecond more (injected clock).
import { describe, expect, it } from 'vitest';
import { expectError, flowEnv, tokenIn } from '../support/index.ts';

const HOUR = 3600 * 1000;

describe('reset token expiry', () => {
  it('refused at exactly 1 h (nothing changes); a link 1 ms younger works', async () => {
    const flow = flowEnv();
    const { email, password } = await flow.register();
    const forgot = async () => {
      await flow.call('/v1/auth/password/forgot', { method: 'POST', json: { email } });
      await flow.settle();
      return tokenIn(email, 'password_reset');
    };

    const expired = await forgot();
    flow.clock.advance(HOUR);
    await expectError(
      await flow.call('/v1/auth/password/reset', { method: 'POST', json: { token: expired, password: 'too late password' } }),
      400,
      'invalid_token',
    );
    expect((await flow.login(email, password)).status).toBe(200);

    const fresh = await forgot();
    flow.clock.advance(HOUR - 1);
    expect(
      (await flow.call('/v1/auth/password/reset', { method: 'POST', json: { token: fresh, password: 'just in time password' } })).status,
    ).toBe(204);
    expect((await flow.login(email, 'just in time password')).status).toBe(200);
  });
});
