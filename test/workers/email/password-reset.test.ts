// The forgot → reset flow end to end: the link arrives, sets the new password once, and signs nobody in.
import { describe, expect, it } from 'vitest';
import { expectError, flowEnv, mails, sql, tokenIn, uniqueEmail } from '../support/index.ts';

const NEW_PASSWORD = 'a brand new passphrase';

describe('password reset', () => {
  it('forgot → 202 → emailed link → reset 204 → old password refused, new one works; no session is set', async () => {
    const flow = flowEnv();
    const { email, password, user } = await flow.register();
    const forgot = await flow.call('/v1/auth/password/forgot', { method: 'POST', json: { email: email.toUpperCase() } });
    expect(forgot.status).toBe(202);
    expect(await forgot.text()).toBe('');
    await flow.settle();

    const [message] = mails(email, 'password_reset');
    expect(message!.subject).toBe('Reset your password');
    expect(message!.text).toContain('http://localhost:8787/reset-password#token=');
    expect(message!.html).toContain('href="http://localhost:8787/reset-password#token=');
    const token = tokenIn(email, 'password_reset');
    // >= 128 bits: 32 random bytes, base64url.
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [stored] = await sql<{ token_hash: string; expires_at: Date; created_at: Date }>(
      "select token_hash, expires_at, created_at from $schema.one_time_tokens where user_id = $1 and purpose = 'password_reset'",
      [user.id],
    );
    expect(stored!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(new Date(stored!.expires_at).getTime() - new Date(stored!.created_at).getTime()).toBe(3600 * 1000);

    const reset = await flow.call('/v1/auth/password/reset', { method: 'POST', json: { token, password: NEW_PASSWORD } });
    expect(reset.status).toBe(204);
    expect(reset.headers.getSetCookie()).toEqual([]);
    await flow.settle();

    await expectError(await flow.login(email, password), 401, 'invalid_credentials');
    expect((await flow.login(email, NEW_PASSWORD)).status).toBe(200);
    const events = await sql<{ event: string }>(
      "select event from $schema.audit_logs where user_id = $1 and event like 'password.%' order by id",
      [user.id],
    );
    expect(events.map((e) => e.event)).toEqual(['password.reset_requested', 'password.reset']);
  });

  it('forgot for an unknown address: 202, nothing stored, nothing sent', async () => {
    const flow = flowEnv();
    const email = uniqueEmail('ghost');
    expect((await flow.call('/v1/auth/password/forgot', { method: 'POST', json: { email } })).status).toBe(202);
    await flow.settle();
    expect(mails(email, 'password_reset')).toEqual([]);
  });

  it('the new password must meet the policy; a bad token is 400 invalid_token; unknown fields are refused', async () => {
    const flow = flowEnv();
    const { email } = await flow.register();
    await flow.call('/v1/auth/password/forgot', { method: 'POST', json: { email } });
    await flow.settle();
    const token = tokenIn(email, 'password_reset');
    await expectError(
      await flow.call('/v1/auth/password/reset', { method: 'POST', json: { token, password: 'short' } }),
      400,
      'invalid_request',
    );
    await expectError(
      await flow.call('/v1/auth/password/reset', { method: 'POST', json: { token: 'nope', password: NEW_PASSWORD } }),
      400,
      'invalid_token',
    );
    await expectError(await flow.call('/v1/auth/password/forgot', { method: 'POST', json: { email, extra: 1 } }), 400, 'invalid_request');
    // The failed attempts did not spend the token.
    expect((await flow.call('/v1/auth/password/reset', { method: 'POST', json: { token, password: NEW_PASSWORD } })).status).toBe(204);
  });
});
