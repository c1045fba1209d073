// Security requirement 20: recovery codes are stored hashed, work once (also under concurrency), and
// regenerating the set invalidates every old code.
import { describe, expect, it } from 'vitest';
import { call, challenge, expectError, mfaToken, sessionSetCookies, sql, userWithTotp } from '../support/index.ts';

describe('recovery codes', () => {
  it('a code signs in once; the same code again is refused', async () => {
    const u = await userWithTotp();
    const code = u.recoveryCodes[3]!;
    const first = await challenge({ mfa_token: await mfaToken(u.email), recovery_code: code });
    expect(first.status).toBe(200);
    expect(sessionSetCookies(first)).toHaveLength(1);
    const again = await challenge({ mfa_token: await mfaToken(u.email), recovery_code: code });
    expect(again.headers.getSetCookie()).toEqual([]);
    await expectError(again, 401, 'invalid_mfa_code');
    // Typed differently (upper case, no dash): still the same, already used, code.
    await expectError(
      await challenge({ mfa_token: await mfaToken(u.email), recovery_code: code.toUpperCase().replace('-', '') }),
      401,
      'invalid_mfa_code',
    );
    const status = (await (await call('/v1/auth/mfa', { cookie: u.cookie })).json()) as { recovery_codes_remaining: number };
    expect(status.recovery_codes_remaining).toBe(9);
  });

  it('16 concurrent uses of one code (16 mfa_tokens): exactly one session', async () => {
    const u = await userWithTotp();
    const tokens = await Promise.all(Array.from({ length: 16 }, () => mfaToken(u.email)));
    const results = await Promise.all(tokens.map((mfa_token) => challenge({ mfa_token, recovery_code: u.recoveryCodes[0]! })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 401)).toHaveLength(15);
    expect(results.flatMap(sessionSetCookies)).toHaveLength(1);
    const used = await sql('select 1 from $schema.recovery_codes where user_id = $1 and used_at is not null', [u.user.id]);
    expect(used).toHaveLength(1);
  });

  it("another user's code does not work, nor does a made-up one", async () => {
    const a = await userWithTotp();
    const b = await userWithTotp();
    await expectError(await challenge({ mfa_token: await mfaToken(a.email), recovery_code: b.recoveryCodes[0]! }), 401, 'invalid_mfa_code');
    await expectError(await challenge({ mfa_token: await mfaToken(a.email), recovery_code: 'aaaaa-aaaaa' }), 401, 'invalid_mfa_code');
  });

  it('regenerating (fresh auth) returns 10 new codes and kills every old one', async () => {
    const u = await userWithTotp();
    const res = await call('/v1/auth/mfa/recovery-codes', { method: 'POST', cookie: u.cookie });
    expect(res.status).toBe(200);
    const { recovery_codes: fresh } = (await res.json()) as { recovery_codes: string[] };
    expect(fresh).toHaveLength(10);
    expect(fresh.some((c) => u.recoveryCodes.includes(c))).toBe(false);
    await expectError(await challenge({ mfa_token: await mfaToken(u.email), recovery_code: u.recoveryCodes[0]! }), 401, 'invalid_mfa_code');
    expect((await challenge({ mfa_token: await mfaToken(u.email), recovery_code: fresh[0]! })).status).toBe(200);
    const rows = await sql('select 1 from $schema.recovery_codes where user_id = $1', [u.user.id]);
    expect(rows).toHaveLength(10); // the old set is deleted, not just outranked
  });

  it('concurrent regenerations: losers get 409, and exactly one shown set is live', async () => {
    const u = await userWithTotp();
    const results = await Promise.all(
      Array.from({ length: 4 }, () => call('/v1/auth/mfa/recovery-codes', { method: 'POST', cookie: u.cookie })),
    );
    const winners = results.filter((r) => r.status === 200);
    expect(winners.length).toBeGreaterThanOrEqual(1);
    for (const r of results.filter((r) => r.status !== 200)) await expectError(r, 409, 'conflict');
    const sets = await Promise.all(winners.map(async (r) => ((await r.json()) as { recovery_codes: string[] }).recovery_codes));
    let live = 0;
    for (const set of sets) {
      if ((await challenge({ mfa_token: await mfaToken(u.email), recovery_code: set[9]! })).status === 200) live++;
    }
    expect(live).toBe(1);
    await expectError(await challenge({ mfa_token: await mfaToken(u.email), recovery_code: u.recoveryCodes[9]! }), 401, 'invalid_mfa_code');
  });

  it('disabling TOTP deletes the codes', async () => {
    const u = await userWithTotp();
    expect((await call('/v1/auth/mfa/totp', { method: 'DELETE', cookie: u.cookie })).status).toBe(204);
    expect(await sql('select 1 from $schema.recovery_codes where user_id = $1', [u.user.id])).toHaveLength(0);
  });
});
