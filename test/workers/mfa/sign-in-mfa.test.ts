// completeSignIn is the one place MFA is enforced: every first factor (password today; email OTP and OAuth
// call the same function) gets the MFA answer once TOTP is on, and its own statements still commit with it.
// A failed `all_or_nothing` guard writes nothing at all; refusals are returned as values, never thrown.
import { sql as dsql, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { completeSignIn } from '../../../src/features/sign-in/sign-in.ts';
import type { SignInPlan } from '../../../src/features/sign-in/sign-in-types.ts';
import { challenge, clockedEnv, registerUser, sql, totp, userWithTotp } from '../support/index.ts';

const ctx = { requestId: 'test-sign-in-mfa', ip: '10.0.0.1', userAgent: 'vitest' };

type TestDeps = ReturnType<typeof clockedEnv>['deps'];

async function userRow(deps: TestDeps, id: string) {
  const [row] = await deps.db.select().from(deps.t.users).where(eq(deps.t.users.id, id));
  return row!;
}

function plan(user: SignInPlan['user'], method: SignInPlan['method'], commit: Partial<SignInPlan['commit']> = {}): SignInPlan {
  return {
    user,
    method,
    organization: { kind: 'lookup' },
    commit: { statements: [], guard: { kind: 'always' }, ...commit },
    auditMetadata: {},
  };
}

const noSuchName = (deps: TestDeps) => dsql`exists (select 1 from ${deps.t.users} where ${deps.t.users.name} = 'no such name')`;

describe('completeSignIn and MFA', () => {
  it.each(['email_otp', 'oauth', 'password'] as const)(
    'a %s first factor with TOTP on yields mfa_required (no session), statements committed',
    async (method) => {
      const { env, deps, clock } = clockedEnv();
      const u = await userWithTotp({ env, now: () => clock.now().getTime() });
      const before = await sql('select 1 from $schema.sessions where user_id = $1', [u.user.id]);
      const outcome = await completeSignIn(
        deps,
        ctx,
        plan(await userRow(deps, u.user.id), method, {
          statements: [
            deps.db
              .update(deps.t.users)
              .set({ name: `via ${method}` })
              .where(eq(deps.t.users.id, u.user.id)),
          ],
        }),
      );
      expect(outcome.ok).toBe(true);
      if (!outcome.ok) return;
      const result = outcome.result;
      expect(result.kind).toBe('mfa_required');
      if (result.kind !== 'mfa_required') return;
      expect(result.methods).toEqual(['totp', 'recovery_code']);
      expect(await sql('select 1 from $schema.sessions where user_id = $1', [u.user.id])).toHaveLength(before.length);
      expect((await userRow(deps, u.user.id)).name).toBe(`via ${method}`);
      const [pending] = await sql<{ first_factor: string }>('select first_factor from $schema.mfa_challenges where user_id = $1', [
        u.user.id,
      ]);
      expect(pending!.first_factor).toBe(method);
      // And the token it handed out completes at the challenge route.
      const done = await challenge({ mfa_token: result.mfaToken, code: await totp(u.secret, clock.now().getTime()) }, { env });
      expect(done.status).toBe(200);
    },
  );

  it('without MFA the same call creates a session', async () => {
    const { env, deps } = clockedEnv();
    const u = await registerUser(undefined, undefined, env);
    const outcome = await completeSignIn(deps, ctx, plan(await userRow(deps, u.user.id), 'email_otp'));
    expect(outcome.ok && outcome.result.kind).toBe('session');
  });

  it('a failed all_or_nothing guard returns guard_failed and writes nothing (no session, no statements, no audit)', async () => {
    const { env, deps } = clockedEnv();
    const u = await registerUser(undefined, undefined, env);
    const sessions = (await sql('select 1 from $schema.sessions where user_id = $1', [u.user.id])).length;
    const audits = (await sql('select 1 from $schema.audit_logs where user_id = $1', [u.user.id])).length;
    const outcome = await completeSignIn(
      deps,
      ctx,
      plan(await userRow(deps, u.user.id), 'email_otp', {
        statements: [deps.db.update(deps.t.users).set({ name: 'should not stick' }).where(eq(deps.t.users.id, u.user.id))],
        guard: { kind: 'all_or_nothing', condition: noSuchName(deps) },
      }),
    );
    expect(outcome).toEqual({ ok: false, reason: 'guard_failed' });
    expect((await userRow(deps, u.user.id)).name).toBeNull();
    expect(await sql('select 1 from $schema.sessions where user_id = $1', [u.user.id])).toHaveLength(sessions);
    expect(await sql('select 1 from $schema.audit_logs where user_id = $1', [u.user.id])).toHaveLength(audits);
  });

  it('a failed secret_consumed guard returns guard_failed: its statements and cleanup commit, no session, no audit', async () => {
    const { env, deps } = clockedEnv();
    const u = await registerUser(undefined, undefined, env);
    const sessions = (await sql('select 1 from $schema.sessions where user_id = $1', [u.user.id])).length;
    const audits = (await sql('select 1 from $schema.audit_logs where user_id = $1', [u.user.id])).length;
    const setName = (name: string) => deps.db.update(deps.t.users).set({ name }).where(eq(deps.t.users.id, u.user.id));
    const outcome = await completeSignIn(
      deps,
      ctx,
      plan(await userRow(deps, u.user.id), 'email_otp', {
        statements: [setName('counted')],
        guard: { kind: 'secret_consumed', condition: noSuchName(deps), cleanup: [setName('cleaned up')] },
      }),
    );
    expect(outcome).toEqual({ ok: false, reason: 'guard_failed' });
    expect((await userRow(deps, u.user.id)).name).toBe('cleaned up');
    expect(await sql('select 1 from $schema.sessions where user_id = $1', [u.user.id])).toHaveLength(sessions);
    expect(await sql('select 1 from $schema.audit_logs where user_id = $1', [u.user.id])).toHaveLength(audits);
  });

  it.each([false, true])(
    'a factor proven before a credential change returns credentials_changed (TOTP on: %s), no session or challenge',
    async (withTotp) => {
      const { env, deps, clock } = clockedEnv();
      const userId = withTotp
        ? (await userWithTotp({ env, now: () => clock.now().getTime() })).user.id
        : (await registerUser(undefined, undefined, env)).user.id;
      const proven = await userRow(deps, userId);
      await sql('update $schema.users set credential_version = credential_version + 1 where id = $1', [userId]);
      const sessions = (await sql('select 1 from $schema.sessions where user_id = $1', [userId])).length;
      const challenges = (await sql('select 1 from $schema.mfa_challenges where user_id = $1', [userId])).length;
      const outcome = await completeSignIn(deps, ctx, plan(proven, 'password'));
      expect(outcome).toEqual({ ok: false, reason: 'credentials_changed' });
      expect(await sql('select 1 from $schema.sessions where user_id = $1', [userId])).toHaveLength(sessions);
      expect(await sql('select 1 from $schema.mfa_challenges where user_id = $1', [userId])).toHaveLength(challenges);
    },
  );
});
