// Security requirement 17 (per account): consecutive failures earn an exponential backoff kept in Postgres,
// counted atomically under concurrency; while backed off even the right password fails generically.
import { describe, expect, it } from 'vitest';
import { FREE_FAILURES, MAX_BACKOFF_SECONDS } from '../../../src/features/sign-in/password-login.ts';
import { call, clockedEnv, expectError, PASSWORD, registerUser, sql } from '../support/index.ts';

async function state(userId: string) {
  const [row] = await sql<{ failed_login_count: number; locked_until: Date | null }>(
    'select failed_login_count, locked_until from $schema.users where id = $1',
    [userId],
  );
  return row!;
}

describe('brute-force backoff', () => {
  it('allows a few failures, then backs off 1, 2, 4 … seconds; the right password fails while backed off', async () => {
    const { env, clock } = clockedEnv();
    const { email, user } = await registerUser(undefined, undefined, env);
    const login = (password: string) => call('/v1/auth/login', { method: 'POST', json: { email, password }, env });

    for (let i = 1; i <= FREE_FAILURES; i++) {
      await expectError(await login('wrong password'), 401, 'invalid_credentials');
      expect(await state(user.id)).toMatchObject({ failed_login_count: i, locked_until: null });
    }
    for (const [n, seconds] of [
      [FREE_FAILURES + 1, 1],
      [FREE_FAILURES + 2, 2],
      [FREE_FAILURES + 3, 4],
    ] as const) {
      await expectError(await login('wrong password'), 401, 'invalid_credentials');
      const s = await state(user.id);
      expect(s.failed_login_count).toBe(n);
      expect(new Date(s.locked_until!).getTime()).toBe(clock.now().getTime() + seconds * 1000);
      // Backed off: the right password is refused with the same answer, and the counter does not move.
      await expectError(await login(PASSWORD), 401, 'invalid_credentials');
      expect((await state(user.id)).failed_login_count).toBe(n);
      clock.advance(seconds * 1000);
    }
    // Backoff over: the right password works and clears the counter.
    expect((await login(PASSWORD)).status).toBe(200);
    expect(await state(user.id)).toMatchObject({ failed_login_count: 0, locked_until: null });
    const events = await sql<{ event: string }>(
      "select event from $schema.audit_logs where user_id = $1 and event like 'login.%' order by id",
      [user.id],
    );
    expect(events.map((e) => e.event)).toEqual([
      ...Array(FREE_FAILURES).fill('login.failed'),
      'login.failed',
      'login.throttled',
      'login.failed',
      'login.throttled',
      'login.failed',
      'login.throttled',
      'login.succeeded',
    ]);
  });

  it('caps the backoff', async () => {
    const { env, clock } = clockedEnv();
    const { email, user } = await registerUser(undefined, undefined, env);
    await sql('update $schema.users set failed_login_count = 40 where id = $1', [user.id]);
    await expectError(
      await call('/v1/auth/login', { method: 'POST', json: { email, password: 'nope nope' }, env }),
      401,
      'invalid_credentials',
    );
    expect(new Date((await state(user.id)).locked_until!).getTime()).toBe(clock.now().getTime() + MAX_BACKOFF_SECONDS * 1000);
  });

  it('counts every one of 16 concurrent failures (atomic increments, no lost updates)', async () => {
    const { email, user } = await registerUser();
    const results = await Promise.all(
      Array.from({ length: 16 }, () => call('/v1/auth/login', { method: 'POST', json: { email, password: 'wrong password' } })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(16).fill(401));
    // All 16 were checked before any backoff was visible to them, or were throttled: every checked one counted.
    const failed = await sql<{ n: string }>("select count(*) as n from $schema.audit_logs where user_id = $1 and event = 'login.failed'", [
      user.id,
    ]);
    expect((await state(user.id)).failed_login_count).toBe(Number(failed[0]!.n));
    expect(Number(failed[0]!.n)).toBeGreaterThan(FREE_FAILURES);
  });
});
