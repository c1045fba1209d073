// Security requirement 18: requesting a new email code kills the previous one (and its spent attempts do
// not carry over to the new one).
import { describe, expect, it } from 'vitest';
import { codeIn, expectError, flowEnv, mails, sql } from '../support/index.ts';

describe('email OTP resend invalidation', () => {
  it('after a resend the previous code is refused and the new one works', async () => {
    const flow = flowEnv();
    const { email } = await flow.register();
    const request = () => flow.call('/v1/auth/email-otp/request', { method: 'POST', json: { email } });
    const verify = (code: string) => flow.call('/v1/auth/email-otp/verify', { method: 'POST', json: { email, code } });

    await request();
    await flow.settle();
    const first = codeIn(email);
    // Spend some attempts on the first code.
    await verify(first === '000000' ? '000001' : '000000');
    flow.clock.advance(60 * 1000);
    await request();
    await flow.settle();
    expect(mails(email, 'email_otp')).toHaveLength(2);
    const second = codeIn(email);
    expect(second).not.toBe(first); // a collision has probability 1e-6
    const [row] = await sql<{ attempts: number }>('select attempts from $schema.email_otp_codes where email = $1', [email]);
    expect(row!.attempts).toBe(0);

    await expectError(await verify(first), 401, 'invalid_code');
    expect((await verify(second)).status).toBe(200);
  });
});
