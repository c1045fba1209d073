// Security requirements 6 and 17: a completed reset revokes every session (row and cache entry: the old
// cookie is refused at once even with the cache warm), clears the brute-force backoff (a locked-out user can
// recover), notifies the owner by email, and signs nobody in.
import { describe, expect, it } from 'vitest';
import { FREE_FAILURES } from '../../../src/features/sign-in/password-login.ts';
import { expectError, flowEnv, mails, sessionCookie, sql, tokenIn } from '../support/index.ts';

describe('password reset revokes sessions', () => {
  it('old cookies 401 with the cache warm, backoff cleared, "password changed" email, no new session', async () => {
    const flow = flowEnv();
    const { email, password, user, cookie } = await flow.register();
    const laptop = sessionCookie(await flow.login(email, password));
    for (const c of [cookie, laptop]) {
      // Warm the session cache: these checks are answered from KV, not Postgres.
      expect((await flow.call('/v1/auth/session', { cookie: c })).status).toBe(200);
      expect((await flow.call('/v1/auth/session', { cookie: c })).status).toBe(200);
    }
    // Lock the account: an attacker hammered it. The backoff must not block recovery.
    for (let i = 0; i <= FREE_FAILURES; i++) await flow.login(email, 'attacker guess');
    const [locked] = await sql<{ locked_until: Date | null }>('select locked_until from $schema.users where id = $1', [user.id]);
    expect(locked!.locked_until).not.toBeNull();

    await flow.call('/v1/auth/password/forgot', { method: 'POST', json: { email } });
    await flow.settle();
    const reset = await flow.call('/v1/auth/password/reset', {
      method: 'POST',
      json: { token: tokenIn(email, 'password_reset'), password: 'recovered passphrase' },
    });
    expect(reset.status).toBe(204);
    expect(reset.headers.getSetCookie()).toEqual([]);
    await flow.settle();

    for (const c of [cookie, laptop]) await expectError(await flow.call('/v1/auth/session', { cookie: c }), 401, 'unauthorized');
    expect(await sql('select 1 from $schema.sessions where user_id = $1', [user.id])).toHaveLength(0);
    const [cleared] = await sql<{ failed_login_count: number; locked_until: Date | null }>(
      'select failed_login_count, locked_until from $schema.users where id = $1',
      [user.id],
    );
    expect(cleared).toEqual({ failed_login_count: 0, locked_until: null });
    // Not locked any more: the new password works at once, the old one not at all.
    expect((await flow.login(email, 'recovered passphrase')).status).toBe(200);
    await expectError(await flow.login(email, password), 401, 'invalid_credentials');

    const [notice] = mails(email, 'password_changed');
    expect(notice!.subject).toBe('Your password was changed');
    expect(notice!.text).toContain('other sessions were signed out');
  });
});
