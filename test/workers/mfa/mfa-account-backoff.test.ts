// Whoever holds the password can mint new mfa_tokens, so besides the per-token cap wrong second factors are
// counted per account (in Postgres, atomically): after 5 in a row the second step backs off exponentially,
// refusing even the right code meanwhile; a success clears the counter.
import { describe, expect, it } from 'vitest';
import { MFA_FREE_FAILURES } from '../../../src/features/mfa/mfa-challenge.ts';
import { challenge, clockedEnv, expectError, mfaToken, sql, totp, userWithTotp } from '../support/index.ts';

describe('MFA per-account backoff', () => {
  it('after 5 wrong codes across tokens, a 6th locks for 1 s (right code refused), then 2 s; success resets', async () => {
    const { env, clock } = clockedEnv();
    const u = await userWithTotp({ env, now: () => clock.now().getTime() });
    const near = await Promise.all([-1, 0, 1].map((o) => totp(u.secret, clock.now().getTime(), o)));
    const wrong = ['000000', '111111', '222222'].find((c) => !near.includes(c))!;
    const guess = async (code: string) => challenge({ mfa_token: await mfaToken(u.email, { env }), code }, { env });

    for (let i = 0; i < MFA_FREE_FAILURES; i++) await expectError(await guess(wrong), 401, 'invalid_mfa_code');
    const [free] = await sql<{ failed_attempts: number; locked_until: string | null }>(
      'select failed_attempts, locked_until from $schema.totp_credentials where user_id = $1',
      [u.user.id],
    );
    expect(free).toEqual({ failed_attempts: MFA_FREE_FAILURES, locked_until: null });

    await expectError(await guess(wrong), 401, 'invalid_mfa_code'); // 6th: locks for 1 s
    const right = await totp(u.secret, clock.now().getTime());
    const locked = await guess(right);
    expect(locked.headers.getSetCookie()).toEqual([]);
    await expectError(locked, 401, 'invalid_mfa_code');
    const [throttled] = await sql(
      "select 1 from $schema.audit_logs where event = 'mfa.failed' and metadata->>'reason' = 'throttled' and user_id = $1",
      [u.user.id],
    );
    expect(throttled).toBeDefined();

    clock.advance(1_100);
    await expectError(await guess(wrong), 401, 'invalid_mfa_code'); // 7th: locks for 2 s
    clock.advance(1_100);
    await expectError(await guess(await totp(u.secret, clock.now().getTime())), 401, 'invalid_mfa_code');
    clock.advance(1_000);
    const ok = await guess(await totp(u.secret, clock.now().getTime()));
    expect(ok.status).toBe(200);
    const [after] = await sql<{ failed_attempts: number }>('select failed_attempts from $schema.totp_credentials where user_id = $1', [
      u.user.id,
    ]);
    expect(after!.failed_attempts).toBe(0);
  });

  it('concurrent wrong codes are all counted (no lost increments)', async () => {
    const u = await userWithTotp();
    const tokens = await Promise.all(Array.from({ length: 4 }, () => mfaToken(u.email)));
    const near = await Promise.all([-1, 0, 1].map((o) => totp(u.secret, Date.now(), o)));
    const wrong = ['000000', '111111', '222222'].find((c) => !near.includes(c))!;
    await Promise.all(tokens.flatMap((mfa_token) => [0, 1, 2].map(() => challenge({ mfa_token, code: wrong }))));
    const [row] = await sql<{ failed_attempts: number }>('select failed_attempts from $schema.totp_credentials where user_id = $1', [
      u.user.id,
    ]);
    const failures = await sql(
      "select 1 from $schema.audit_logs where event = 'mfa.failed' and metadata->>'reason' <> 'throttled' and user_id = $1",
      [u.user.id],
    );
    expect(row!.failed_attempts).toBe(failures.length);
    expect(failures.length).toBeGreaterThan(MFA_FREE_FAILURES);
  });
});
