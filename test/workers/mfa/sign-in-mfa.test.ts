// completeSignIn is the one place MFA is enforced: every first factor (password today; email OTP and OAuth
// call the same function) gets the MFA answer once TOTP is on, and its own statements still commit with it.
// A failed `onlyIf` guard writes nothing at all.
import { eq, sql as dsql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/lib/errors.ts';
import { completeSignIn } from '../../../src/features/sign-in/sign-in.ts';
import { challenge, clockedEnv, registerUser, sql, totp, userWithTotp } from '../support/index.ts';

const ctx = { requestId: 'test-sign-in-mfa', ip: '10.0.0.1', userAgent: 'vitest' };

async function userRow(deps: ReturnType<typeof clockedEnv>['deps'], id: string) {
  const [row] = await deps.db.select().from(deps.t.users).where(eq(deps.t.users.id, id));
  return row!;
}

describe('completeSignIn and MFA', () => {
  it.each(['email_otp', 'oauth', 'password'] as const)('a %s first factor with TOTP on yields mfa_required (no session), statements committed', async (method) => {
    const { env, deps, clock } = clockedEnv();
    const u = await userWithTotp({ env, now: () => clock.now().getTime() });
    const before = await sql('select 1 from $schema.sessions where user_id = $1', [u.user.id]);
    const result = await completeSignIn(deps, ctx, await userRow(deps, u.user.id), {
      method,
      statements: [deps.db.update(deps.t.users).set({ name: `via ${method}` }).where(eq(deps.t.users.id, u.user.id))],
    });
    expect(result.kind).toBe('mfa_required');
    if (result.kind !== 'mfa_required') return;
    expect(result.methods).toEqual(['totp', 'recovery_code']);
    expect(await sql('select 1 from $schema.sessions where user_id = $1', [u.user.id])).toHaveLength(before.length);
    expect((await userRow(deps, u.user.id)).name).toBe(`via ${method}`);
    const [pending] = await sql<{ first_factor: string }>('select first_factor from $schema.mfa_challenges where user_id = $1', [u.user.id]);
    expect(pending!.first_factor).toBe(method);
    // And the token it handed out completes at the challenge route.
    const done = await challenge({ mfa_token: result.mfaToken, code: await totp(u.secret, clock.now().getTime()) }, { env });
    expect(done.status).toBe(200);
  });

  it('without MFA the same call creates a session', async () => {
    const { env, deps } = clockedEnv();
    const u = await registerUser(undefined, undefined, env);
    const result = await completeSignIn(deps, ctx, await userRow(deps, u.user.id), { method: 'email_otp' });
    expect(result.kind).toBe('session');
  });

  it('a failed onlyIf guard throws the caller’s error and writes nothing (no session, no statements, no audit)', async () => {
    const { env, deps } = clockedEnv();
    const u = await registerUser(undefined, undefined, env);
    const sessions = (await sql('select 1 from $schema.sessions where user_id = $1', [u.user.id])).length;
    const audits = (await sql('select 1 from $schema.audit_logs where user_id = $1', [u.user.id])).length;
    const attempt = completeSignIn(deps, ctx, await userRow(deps, u.user.id), {
      method: 'email_otp',
      statements: [deps.db.update(deps.t.users).set({ name: 'should not stick' }).where(eq(deps.t.users.id, u.user.id))],
      onlyIf: { condition: dsql`exists (select 1 from ${deps.t.users} where ${deps.t.users.name} = 'no such name')`, otherwise: () => new ApiError('conflict') },
    });
    await expect(attempt).rejects.toMatchObject({ code: 'conflict' });
    expect((await userRow(deps, u.user.id)).name).toBeNull();
    expect(await sql('select 1 from $schema.sessions where user_id = $1', [u.user.id])).toHaveLength(sessions);
    expect(await sql('select 1 from $schema.audit_logs where user_id = $1', [u.user.id])).toHaveLength(audits);
  });
});
