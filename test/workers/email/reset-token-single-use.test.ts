// Security requirement 5 (reset tokens): 16 concurrent submissions of one reset link — exactly one succeeds,
// and only its password, its session revocation and its audit event take effect.
import { describe, expect, it } from 'vitest';
import { verifyPassword } from '../../../src/crypto/password.ts';
import { expectError, flowEnv, sql, tokenIn } from '../support/index.ts';

describe('reset token single use', () => {
  it('16 concurrent resets with one token: one 204, fifteen 400 invalid_token; only the winner’s password works', async () => {
    const flow = flowEnv();
    const { email, user } = await flow.register();
    await flow.call('/v1/auth/password/forgot', { method: 'POST', json: { email } });
    await flow.settle();
    const token = tokenIn(email, 'password_reset');

    const passwords = Array.from({ length: 16 }, (_, i) => `concurrent new password ${i}`);
    const results = await Promise.all(
      passwords.map((password) => flow.call('/v1/auth/password/reset', { method: 'POST', json: { token, password } })),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 204)).toHaveLength(1);
    expect(statuses.filter((s) => s === 400)).toHaveLength(15);
    for (const res of results.filter((r) => r.status === 400)) await expectError(res, 400, 'invalid_token');
    const winner = passwords[statuses.indexOf(204)]!;

    // The stored hash is the winner's and nobody else's (checked directly: 15 failed logins would trip the backoff).
    const [row] = await sql<{ password_hash: string }>('select password_hash from $schema.users where id = $1', [user.id]);
    const matches = [];
    for (const password of passwords) if (await verifyPassword(row!.password_hash, password)) matches.push(password);
    expect(matches).toEqual([winner]);
    expect((await flow.login(email, winner)).status).toBe(200);
    const resets = await sql("select 1 from $schema.audit_logs where user_id = $1 and event = 'password.reset'", [user.id]);
    expect(resets).toHaveLength(1);
    // And a late replay still fails.
    await expectError(
      await flow.call('/v1/auth/password/reset', { method: 'POST', json: { token, password: 'one more try, later' } }),
      400,
      'invalid_token',
    );
  });
});
