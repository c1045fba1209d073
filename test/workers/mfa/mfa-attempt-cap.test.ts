// Security requirement 19: an mfa_token allows at most 5 attempts — also when 20 wrong codes arrive at once —
// and is dead afterwards, even for the right code. The route has its own per-IP rate limit (429).
import { describe, expect, it } from 'vitest';
import { RATE_LIMITS } from '../../../src/platform/adapters/rate-limiter.ts';
import { challenge, expectError, mfaToken, randomIp, sql, startEarlyInRateLimitWindow, totp, userWithTotp } from '../support/index.ts';

async function wrongCode(secret: string): Promise<string> {
  const near = await Promise.all([-1, 0, 1].map((o) => totp(secret, Date.now(), o)));
  for (let n = 0; ; n++) {
    const candidate = String(n).padStart(6, '0');
    if (!near.includes(candidate)) return candidate;
  }
}

describe('MFA attempt cap', () => {
  it('20 parallel wrong codes: at most 5 are counted (checked), the token is dead after', async () => {
    const u = await userWithTotp();
    const token = await mfaToken(u.email);
    const wrong = await wrongCode(u.secret);
    // Distinct client IPs: this is about the per-token cap, not the per-IP rate limit.
    const results = await Promise.all(Array.from({ length: 20 }, () => challenge({ mfa_token: token, code: wrong }, { ip: randomIp() })));
    const codes = await Promise.all(results.map(async (r) => ((await r.json()) as { error: { code: string } }).error.code));
    expect(results.every((r) => r.status === 401)).toBe(true);
    const checked = codes.filter((c) => c === 'invalid_mfa_code').length;
    expect(checked).toBeLessThanOrEqual(5);
    expect(codes.filter((c) => c === 'invalid_mfa_token')).toHaveLength(20 - checked);
    const [row] = await sql<{ attempts: number }>('select attempts from $schema.mfa_challenges where user_id = $1', [u.user.id]);
    expect(row!.attempts).toBe(5);
    const failures = await sql("select 1 from $schema.audit_logs where event = 'mfa.failed' and user_id = $1", [u.user.id]);
    expect(failures.length).toBe(checked);

    // Dead: even the right code is refused now, and no cookie is set.
    const late = await challenge({ mfa_token: token, code: await totp(u.secret) });
    expect(late.headers.getSetCookie()).toEqual([]);
    await expectError(late, 401, 'invalid_mfa_token');
  });

  it('sequentially: 5 wrong codes, then the right code is refused', async () => {
    const u = await userWithTotp();
    const token = await mfaToken(u.email);
    const wrong = await wrongCode(u.secret);
    for (let i = 0; i < 5; i++) await expectError(await challenge({ mfa_token: token, code: wrong }), 401, 'invalid_mfa_code');
    await expectError(await challenge({ mfa_token: token, code: await totp(u.secret) }), 401, 'invalid_mfa_token');
    await expectError(await challenge({ mfa_token: token, recovery_code: u.recoveryCodes[0]! }), 401, 'invalid_mfa_token');
  });

  it('4 wrong codes, then the right one still works (the cap is 5, not less)', async () => {
    const u = await userWithTotp();
    const token = await mfaToken(u.email);
    const wrong = await wrongCode(u.secret);
    for (let i = 0; i < 4; i++) await expectError(await challenge({ mfa_token: token, code: wrong }), 401, 'invalid_mfa_code');
    expect((await challenge({ mfa_token: token, code: await totp(u.secret) })).status).toBe(200);
  });

  it('POST /v1/auth/mfa/challenge is rate limited per IP: 429 with Retry-After', async () => {
    await startEarlyInRateLimitWindow();
    const ip = randomIp();
    const statuses: number[] = [];
    for (let i = 0; i <= RATE_LIMITS.mfaChallenge.limit; i++) {
      statuses.push((await challenge({ mfa_token: `unknown-${i}`, code: '123456' }, { ip })).status);
    }
    expect(statuses).toEqual([...Array(RATE_LIMITS.mfaChallenge.limit).fill(401), 429]);
    const limited = await challenge({ mfa_token: 'x', code: '123456' }, { ip });
    await expectError(limited, 429, 'rate_limited');
    expect(limited.headers.get('retry-after')).toBe(String(RATE_LIMITS.mfaChallenge.period));
  }, 30_000);
});
