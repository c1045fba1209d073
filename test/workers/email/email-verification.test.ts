// Email verification: registration mails a link; the link verifies the address it was sent to (once);
// signed-in users can ask for a new one (at most one per minute; the newest link supersedes older ones).
import { describe, expect, it } from 'vitest';
import { expectError, flowEnv, mails, sql, tokenIn } from '../support/index.ts';

interface SessionBody {
  user: { email_verified: boolean };
}

describe('email verification', () => {
  it('registration sends the link; verifying sets email_verified_at and the session shows it at once (cache warm)', async () => {
    const flow = flowEnv();
    const { email, user, cookie } = await flow.register();
    const [message] = mails(email, 'verify_email');
    expect(message!.subject).toBe('Confirm your email address');
    expect(message!.text).toContain('expires in 24 hours');
    // Warm the session cache with email_verified: false.
    expect(((await (await flow.call('/v1/auth/session', { cookie })).json()) as SessionBody).user.email_verified).toBe(false);

    const token = tokenIn(email, 'verify_email');
    expect((await flow.call('/v1/auth/email/verify', { method: 'POST', cookie, json: { token } })).status).toBe(200);
    const [row] = await sql<{ email_verified_at: Date | null }>('select email_verified_at from $schema.users where id = $1', [user.id]);
    expect(new Date(row!.email_verified_at!).getTime()).toBe(flow.clock.now().getTime());
    expect(((await (await flow.call('/v1/auth/session', { cookie })).json()) as SessionBody).user.email_verified).toBe(true);

    // Single use.
    await expectError(await flow.call('/v1/auth/email/verify', { method: 'POST', json: { token } }), 400, 'invalid_token');
    const events = await sql<{ event: string }>("select event from $schema.audit_logs where user_id = $1 and event like 'email.%'", [
      user.id,
    ]);
    expect(events.map((e) => e.event)).toEqual(['email.verified']);
  });

  it('verify/request needs a session, sends at most one email a minute, and the newest link supersedes the older', async () => {
    const flow = flowEnv();
    const { email, cookie } = await flow.register();
    const first = tokenIn(email, 'verify_email');
    await expectError(await flow.call('/v1/auth/email/verify/request', { method: 'POST' }), 401, 'unauthorized');
    const tooSoon = await flow.call('/v1/auth/email/verify/request', { method: 'POST', cookie });
    await expectError(tooSoon, 429, 'rate_limited');
    expect(Number(tooSoon.headers.get('retry-after'))).toBeGreaterThan(0);

    flow.clock.advance(60 * 1000);
    const again = await flow.call('/v1/auth/email/verify/request', { method: 'POST', cookie });
    expect(again.status).toBe(202);
    expect(mails(email, 'verify_email')).toHaveLength(2);
    await expectError(await flow.call('/v1/auth/email/verify', { method: 'POST', json: { token: first } }), 400, 'invalid_token');
    expect(
      (await flow.call('/v1/auth/email/verify', { method: 'POST', cookie, json: { token: tokenIn(email, 'verify_email') } })).status,
    ).toBe(200);

    // Already verified: nothing to send.
    flow.clock.advance(60 * 1000);
    expect((await flow.call('/v1/auth/email/verify/request', { method: 'POST', cookie })).status).toBe(202);
    expect(mails(email, 'verify_email')).toHaveLength(2);
  });

  it('expires after 24 h (injected clock)', async () => {
    const flow = flowEnv();
    const { email } = await flow.register();
    flow.clock.advance(24 * 3600 * 1000);
    await expectError(
      await flow.call('/v1/auth/email/verify', { method: 'POST', json: { token: tokenIn(email, 'verify_email') } }),
      400,
      'invalid_token',
    );
  });

  it('a link sent to a previous address does not verify the current one', async () => {
    const flow = flowEnv();
    const { email, user } = await flow.register();
    const token = tokenIn(email, 'verify_email');
    await sql('update $schema.users set email = $2 where id = $1', [user.id, `changed-${email}`]);
    await expectError(await flow.call('/v1/auth/email/verify', { method: 'POST', json: { token } }), 400, 'invalid_token');
    const [row] = await sql<{ email_verified_at: Date | null }>('select email_verified_at from $schema.users where id = $1', [user.id]);
    expect(row!.email_verified_at).toBeNull();
    expect(await sql("select 1 from $schema.audit_logs where user_id = $1 and event = 'email.verified'", [user.id])).toHaveLength(0);
  });
});
