// Security requirements 5 and 18: an email code allows at most 5 attempts, then it is dead — even for the
// right digits — and the cap holds under concurrency (one conditional UPDATE counts each attempt). One code
// yields at most one session however many submissions race.
import { describe, expect, it } from 'vitest';
import { OTP_MAX_ATTEMPTS } from '../../../src/features/sign-in/email-otp.ts';
import { codeIn, expectError, type Flow, flowEnv, sql } from '../support/index.ts';

async function withCode(flow: Flow) {
  const { email, user } = await flow.register();
  await flow.call('/v1/auth/email-otp/request', { method: 'POST', json: { email } });
  await flow.settle();
  const code = codeIn(email);
  const wrong = (i: number) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0');
  return { email, user, code, wrong };
}

const verify = (flow: Flow, email: string, code: string) =>
  flow.call('/v1/auth/email-otp/verify', { method: 'POST', json: { email, code } });

async function attempts(email: string): Promise<number> {
  const [row] = await sql<{ attempts: number }>('select attempts from $schema.email_otp_codes where email = $1', [email]);
  return row!.attempts;
}

describe('email OTP attempt cap', () => {
  it('5 wrong codes, then the right one is refused: the code is dead', async () => {
    const flow = flowEnv();
    const { email, user, code, wrong } = await withCode(flow);
    for (let i = 0; i < OTP_MAX_ATTEMPTS; i++) await expectError(await verify(flow, email, wrong(i)), 401, 'invalid_code');
    expect(await attempts(email)).toBe(OTP_MAX_ATTEMPTS);
    await expectError(await verify(flow, email, code), 401, 'invalid_code');
    expect(await attempts(email)).toBe(OTP_MAX_ATTEMPTS);
    expect(await sql('select 1 from $schema.sessions where user_id = $1', [user.id])).toHaveLength(1); // registration's only
  });

  it('4 wrong codes leave the fifth attempt for the right one', async () => {
    const flow = flowEnv();
    const { email, code, wrong } = await withCode(flow);
    for (let i = 0; i < OTP_MAX_ATTEMPTS - 1; i++) await expectError(await verify(flow, email, wrong(i)), 401, 'invalid_code');
    expect((await verify(flow, email, code)).status).toBe(200);
  });

  it('20 parallel wrong codes: at most 5 are counted, then the right code is refused', async () => {
    const flow = flowEnv();
    const { email, user, code, wrong } = await withCode(flow);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => verify(flow, email, wrong(i))));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(401));
    expect(await attempts(email)).toBe(OTP_MAX_ATTEMPTS);
    await expectError(await verify(flow, email, code), 401, 'invalid_code');
    const failures = await sql("select 1 from $schema.audit_logs where user_id = $1 and event = 'email_otp.failed'", [user.id]);
    expect(failures).toHaveLength(21);
  });

  it('16 parallel submissions of the right code: exactly one session', async () => {
    const flow = flowEnv();
    const { email, user, code } = await withCode(flow);
    const results = await Promise.all(Array.from({ length: 16 }, () => verify(flow, email, code)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, ...Array(15).fill(401)]);
    // The winner's only: the registration's session ended with this first proof of the mailbox (pre-hijacking).
    expect(await sql('select 1 from $schema.sessions where user_id = $1', [user.id])).toHaveLength(1);
    const wins = await sql("select 1 from $schema.audit_logs where user_id = $1 and event = 'login.succeeded'", [user.id]);
    expect(wins).toHaveLength(1);
  });
});
