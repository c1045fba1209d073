// Security requirement 13: idle timeout and absolute lifetime are both enforced (time is injected), with
// sliding renewal of the idle window at most once a day.
import { describe, expect, it } from 'vitest';
import { call, clockedEnv, expectError, registerUser, sql } from '../support/index.ts';

const DAY = 24 * 3600 * 1000;

describe('session lifetime', () => {
  it('ends a session idle for longer than the idle timeout (7 days by default), even from the cache', async () => {
    const { env, clock } = clockedEnv();
    const { cookie } = await registerUser(undefined, undefined, env);
    clock.advance(6 * DAY + 23 * 3600 * 1000);
    // Still inside the idle window (and this check renews it).
    expect((await call('/v1/auth/session', { cookie, env })).status).toBe(200);
    clock.advance(7 * DAY + 1000);
    await expectError(await call('/v1/auth/session', { cookie, env }), 401, 'unauthorized');
  });

  it('renews the idle window on use, at most once a day', async () => {
    const { env, clock } = clockedEnv();
    const { cookie, user } = await registerUser(undefined, undefined, env);
    const idleExpiry = async () =>
      new Date(
        (await sql<{ idle_expires_at: string }>('select idle_expires_at from $schema.sessions where user_id = $1', [user.id]))[0]!
          .idle_expires_at,
      ).getTime();
    const initial = await idleExpiry();
    clock.advance(3600 * 1000);
    expect((await call('/v1/auth/session', { cookie, env })).status).toBe(200);
    expect(await idleExpiry()).toBe(initial); // less than a day: no write
    clock.advance(DAY);
    expect((await call('/v1/auth/session', { cookie, env })).status).toBe(200);
    expect(await idleExpiry()).toBe(clock.now().getTime() + 7 * DAY);
  });

  it('ends a session at its absolute lifetime (30 days) however active it is', async () => {
    const { env, clock } = clockedEnv();
    const { cookie } = await registerUser(undefined, undefined, env);
    for (let day = 1; day < 30; day += 2) {
      clock.advance(2 * DAY);
      const res = await call('/v1/auth/session', { cookie, env });
      expect({ day: day + 1, status: res.status }).toEqual({ day: day + 1, status: day + 1 < 30 ? 200 : 401 });
    }
    clock.advance(DAY);
    await expectError(await call('/v1/auth/session', { cookie, env }), 401, 'unauthorized');
  });

  it('the idle window never extends past the absolute expiry', async () => {
    const { env, clock } = clockedEnv();
    const { cookie, user } = await registerUser(undefined, undefined, env);
    for (let i = 0; i < 28; i++) {
      clock.advance(DAY);
      expect((await call('/v1/auth/session', { cookie, env })).status).toBe(200);
    }
    const [row] = await sql<{ idle_expires_at: string; expires_at: string }>(
      'select idle_expires_at, expires_at from $schema.sessions where user_id = $1',
      [user.id],
    );
    expect(new Date(row!.idle_expires_at).getTime()).toBe(new Date(row!.expires_at).getTime());
  });
});
