// A password typed again to confirm a sensitive change is a password guess like a login: on every route that
// accepts one it counts towards the per-account backoff, is audited (`password.reentry_failed`), is refused
// while the account is backed off, and goes through the login rate limits (per IP and per IP+account).
import { describe, expect, it } from 'vitest';
import { FREE_FAILURES } from '../../../src/features/sign-in/password-login.ts';
import {
  call,
  clockedEnv,
  expectError,
  loginUser,
  PASSWORD,
  randomIp,
  registerUser,
  sql,
  startEarlyInRateLimitWindow,
  uniqueEmail,
} from '../support/index.ts';

type Reentry = (cookie: string, password: string) => [string, { method: string; json: unknown }, string];

/** Every route that accepts a password re-entry, with the error a wrong one gets. */
const ROUTES: Record<string, Reentry> = {
  'email change': (_, password) => [
    '/v1/auth/me',
    { method: 'PATCH', json: { email: uniqueEmail('new'), current_password: password } },
    'reauthentication_required',
  ],
  'account deletion': (_, password) => ['/v1/auth/me', { method: 'DELETE', json: { password } }, 'reauthentication_required'],
  'TOTP setup': (_, password) => ['/v1/auth/mfa/totp/setup', { method: 'POST', json: { password } }, 'reauthentication_required'],
  'recovery codes': (_, password) => ['/v1/auth/mfa/recovery-codes', { method: 'POST', json: { password } }, 'reauthentication_required'],
  'passkey registration': (_, password) => [
    '/v1/auth/passkeys/register/options',
    { method: 'POST', json: { password } },
    'reauthentication_required',
  ],
  'password change': (_, password) => [
    '/v1/auth/password/change',
    { method: 'POST', json: { current_password: password, new_password: 'a brand new passphrase' } },
    'invalid_password',
  ],
};

async function failures(userId: string) {
  const [row] = await sql<{ failed_login_count: number }>('select failed_login_count from $schema.users where id = $1', [userId]);
  const audited = await sql<{ metadata: { reason: string } }>(
    "select metadata from $schema.audit_logs where user_id = $1 and event = 'password.reentry_failed' order by id",
    [userId],
  );
  return { count: row!.failed_login_count, reasons: audited.map((a) => a.metadata.reason) };
}

describe('password re-entry lockout', () => {
  it('a wrong password on every re-entry route counts towards the account backoff and is audited', async () => {
    const { env, clock } = clockedEnv();
    const { user, cookie } = await registerUser(undefined, undefined, env);
    let expected = 0;
    for (const [name, route] of Object.entries(ROUTES)) {
      const [path, init, code] = route(cookie, 'not my password');
      await expectError(await call(path, { ...init, cookie, env }), 403, code);
      expected++;
      expect(await failures(user.id), name).toEqual({ count: expected, reasons: Array(expected).fill('wrong_password') });
      clock.advance(10 * 60 * 1000); // past any backoff: the next route's attempt is counted, not refused
    }
  });

  it('while backed off the right password is refused on every re-entry route, and a login is refused too', async () => {
    const { env, clock } = clockedEnv();
    const { email, user, cookie } = await registerUser(undefined, undefined, env);
    for (let i = 0; i <= FREE_FAILURES; i++) {
      await expectError(
        await call('/v1/auth/me', { method: 'DELETE', json: { password: 'not my password' }, cookie, env }),
        403,
        'reauthentication_required',
      );
    }
    for (const [name, route] of Object.entries(ROUTES)) {
      const [path, init, code] = route(cookie, PASSWORD);
      await expectError(await call(path, { ...init, cookie, env }), 403, code);
      expect((await failures(user.id)).reasons.at(-1), name).toBe('backoff');
    }
    await expectError(await loginUser(email, PASSWORD, { env }), 401, 'invalid_credentials');
    expect(await sql('select 1 from $schema.users where id = $1', [user.id])).toHaveLength(1);
    // Once the backoff has passed, the right password is honoured again.
    clock.advance(10 * 60 * 1000);
    expect((await call('/v1/auth/me', { method: 'DELETE', json: { password: PASSWORD }, cookie, env })).status).toBe(204);
  });

  it('re-entries go through the login rate limits: they use up the per-IP+account allowance of the login', async () => {
    await startEarlyInRateLimitWindow();
    const { env } = clockedEnv();
    const { email, cookie } = await registerUser(undefined, undefined, env);
    const ip = randomIp();
    const res: number[] = [];
    for (let i = 0; i < 6; i++)
      res.push(
        (await call('/v1/auth/me', { method: 'PATCH', json: { email: uniqueEmail('new'), current_password: 'guess' }, cookie, ip, env }))
          .status,
      );
    expect(res).toEqual([403, 403, 403, 403, 403, 429]);
    // The same allowance as a login for this account from this IP: used up.
    await expectError(await loginUser(email, PASSWORD, { ip, env }), 429, 'rate_limited');
  });
});
