// Security requirement 4 (superseding): asking again kills every earlier reset link; only the newest works.
import { describe, expect, it } from 'vitest';
import { expectError, flowEnv, mails, sql, tokenIn } from '../support/index.ts';

describe('reset token superseded', () => {
  it('two requests: the first link is refused even though unexpired, the second works', async () => {
    const flow = flowEnv();
    const { email, password, user } = await flow.register();
    await flow.call('/v1/auth/password/forgot', { method: 'POST', json: { email } });
    await flow.settle();
    const first = tokenIn(email, 'password_reset');
    flow.clock.advance(60 * 1000);
    await flow.call('/v1/auth/password/forgot', { method: 'POST', json: { email } });
    await flow.settle();
    const second = tokenIn(email, 'password_reset');
    expect(mails(email, 'password_reset')).toHaveLength(2);
    expect(second).not.toBe(first);
    const live = await sql(
      "select 1 from $schema.one_time_tokens where user_id = $1 and purpose = 'password_reset' and consumed_at is null",
      [user.id],
    );
    expect(live).toHaveLength(1);

    await expectError(
      await flow.call('/v1/auth/password/reset', { method: 'POST', json: { token: first, password: 'first link password' } }),
      400,
      'invalid_token',
    );
    expect((await flow.login(email, password)).status).toBe(200);
    expect(
      (await flow.call('/v1/auth/password/reset', { method: 'POST', json: { token: second, password: 'second link password' } })).status,
    ).toBe(204);
    expect((await flow.login(email, 'second link password')).status).toBe(200);
  });
});
