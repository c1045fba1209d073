// The per-account MFA backoff counts guesses, not race losers: many submissions of the same RIGHT second
// factor at once sign in once, and the others (refused: the code was used meanwhile) must not back the
// account's second step off. A wrong code still counts.
import { describe, expect, it } from 'vitest';
import { MFA_FREE_FAILURES } from '../../../src/features/mfa/mfa-challenge.ts';
import { challenge, expectError, mfaToken, sql, totp, userWithTotp } from '../support/index.ts';

const RACERS = MFA_FREE_FAILURES + 7;

async function backoff(userId: string) {
  const [row] = await sql<{ failed_attempts: number; locked_until: string | null }>(
    'select failed_attempts, locked_until from $schema.totp_credentials where user_id = $1',
    [userId],
  );
  return row!;
}

describe('MFA backoff ignores race losers', () => {
  it(`${RACERS} concurrent submissions of one right recovery code: one session, no backoff, TOTP still accepted`, async () => {
    const u = await userWithTotp();
    const tokens = await Promise.all(Array.from({ length: RACERS }, () => mfaToken(u.email)));
    const results = await Promise.all(tokens.map((mfa_token) => challenge({ mfa_token, recovery_code: u.recoveryCodes[0]! })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of results.filter((r) => r.status !== 200)) await expectError(r, 401, 'invalid_mfa_code');
    expect(await backoff(u.user.id)).toEqual({ failed_attempts: 0, locked_until: null });
    // Not backed off: the right TOTP code signs in at once.
    const ok = await challenge({ mfa_token: await mfaToken(u.email), code: await totp(u.secret) });
    expect(ok.status).toBe(200);
  });

  it(`${RACERS} concurrent submissions of one right TOTP code: one session, no backoff`, async () => {
    const u = await userWithTotp();
    const tokens = await Promise.all(Array.from({ length: RACERS }, () => mfaToken(u.email)));
    const code = await totp(u.secret);
    const results = await Promise.all(tokens.map((mfa_token) => challenge({ mfa_token, code })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(await backoff(u.user.id)).toEqual({ failed_attempts: 0, locked_until: null });
  });

  it('a made-up recovery code still counts as a failure', async () => {
    const u = await userWithTotp();
    await expectError(await challenge({ mfa_token: await mfaToken(u.email), recovery_code: 'aaaaa-aaaaa' }), 401, 'invalid_mfa_code');
    expect((await backoff(u.user.id)).failed_attempts).toBe(1);
  });
});
