// Security requirement 9 (password): changing it needs the current password; a wrong one counts towards the
// per-account backoff. Success: 204, every other session revoked at once (cache warm), this one kept, and
// the owner is told by email.
import { describe, expect, it } from 'vitest';
import { FREE_FAILURES } from '../../../src/features/sign-in/password-login.ts';
import { expectError, flowEnv, mails, sessionCookie, sql } from '../support/index.ts';

const change = (flow: ReturnType<typeof flowEnv>, cookie: string | undefined, current_password: string, new_password: string) =>
  flow.call('/v1/auth/password/change', { method: 'POST', cookie, json: { current_password, new_password } });

describe('password change', () => {
  it('204; other sessions 401 at once with the cache warm; this session lives on; new password works; email sent', async () => {
    const flow = flowEnv();
    const { email, password, user, cookie } = await flow.register();
    const phone = sessionCookie(await flow.login(email, password));
    expect((await flow.call('/v1/auth/session', { cookie: phone })).status).toBe(200); // warm

    const res = await change(flow, cookie, password, 'my changed passphrase');
    expect(res.status).toBe(204);
    await flow.settle();
    await expectError(await flow.call('/v1/auth/session', { cookie: phone }), 401, 'unauthorized');
    expect((await flow.call('/v1/auth/session', { cookie })).status).toBe(200);
    await expectError(await flow.login(email, password), 401, 'invalid_credentials');
    expect((await flow.login(email, 'my changed passphrase')).status).toBe(200);
    expect(mails(email, 'password_changed')).toHaveLength(1);
    expect(await sql("select 1 from $schema.audit_logs where user_id = $1 and event = 'password.changed'", [user.id])).toHaveLength(1);
  });

  it('a wrong current password: 403 invalid_password, nothing changes, and it counts towards the backoff', async () => {
    const flow = flowEnv();
    const { email, password, user, cookie } = await flow.register();
    const phone = sessionCookie(await flow.login(email, password));
    for (let i = 0; i <= FREE_FAILURES; i++)
      await expectError(await change(flow, cookie, 'not my password', 'whatever new one'), 403, 'invalid_password');
    const [row] = await sql<{ failed_login_count: number; locked_until: Date | null }>(
      'select failed_login_count, locked_until from $schema.users where id = $1',
      [user.id],
    );
    expect(row!.failed_login_count).toBe(FREE_FAILURES + 1);
    expect(row!.locked_until).not.toBeNull();
    // Backed off: even the right current password is refused for now.
    await expectError(await change(flow, cookie, password, 'whatever new one'), 403, 'invalid_password');
    expect((await flow.call('/v1/auth/session', { cookie: phone })).status).toBe(200);
    flow.clock.advance(10 * 60 * 1000);
    expect((await flow.login(email, password)).status).toBe(200);
    const failures = await sql("select 1 from $schema.audit_logs where user_id = $1 and event = 'password.reentry_failed'", [user.id]);
    expect(failures).toHaveLength(FREE_FAILURES + 2);
  });

  it('requires a session and a policy-conforming new password', async () => {
    const flow = flowEnv();
    const { password, cookie } = await flow.register();
    await expectError(await change(flow, undefined, password, 'a fine new password'), 401, 'unauthorized');
    await expectError(await change(flow, cookie, password, 'short'), 400, 'invalid_request');
    await expectError(await change(flow, cookie, password, 'x'.repeat(129)), 400, 'invalid_request');
  });
});
