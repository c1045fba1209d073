// Changing the email (security requirement 9): fresh authentication, the new address proves itself with a
// single-use link (built from the configured URL, never the Host header), the old address is told.
import { describe, expect, it, vi } from 'vitest';
import {
  call,
  clockedEnv,
  envWith,
  expectError,
  FlakyMailer,
  json,
  lastMailTo,
  loginUser,
  mailsTo,
  me,
  PASSWORD,
  registerUser,
  sessionCookie,
  sql,
  tokenFromMail,
  uniqueEmail,
  withDeps,
} from '../support/index.ts';

const patch = (cookie: string, body: unknown, init = {}) => call('/v1/auth/me', { method: 'PATCH', cookie, json: body, ...init });
const confirm = (token: string, init = {}) => call('/v1/auth/me/email/confirm', { method: 'POST', json: { token }, ...init });

describe('email change', () => {
  it('with the password: link to the new address, confirmation switches and verifies it, the old address is notified', async () => {
    const { env, clock } = clockedEnv();
    const { cookie, email: oldEmail, user } = await registerUser(undefined, undefined, env);
    clock.advance(10 * 60 * 1000); // the session is no longer fresh
    const newEmail = uniqueEmail('new');
    const res = await patch(
      cookie,
      { email: newEmail, current_password: PASSWORD },
      { env, headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example' } },
    );
    expect(await json(res)).toMatchObject({ email_change: { email: newEmail, status: 'verification_sent' }, user: { email: oldEmail } });
    const mail = lastMailTo(newEmail)!;
    expect(mail.tag).toBe('email_change_verify');
    expect(mail.text).toContain('http://localhost:8787/email-change/confirm#token=');
    expect(mail.html).toContain('http://localhost:8787/email-change/confirm#token=');
    expect(mail.text + mail.html).not.toContain('evil.example');

    const token = tokenFromMail(newEmail, 'email_change_verify');
    const { user: changed } = await json<{ user: { email: string; email_verified: boolean } }>(await confirm(token, { env }));
    expect(changed).toMatchObject({ id: user.id, email: newEmail, email_verified: true });
    expect(lastMailTo(oldEmail)).toMatchObject({ tag: 'email_changed_notice' });
    expect(lastMailTo(oldEmail)!.text).toContain(newEmail);
    // The session check (cache warm before) shows the new address; the new address signs in, the old does not.
    expect((await json<{ user: { email: string } }>(await call('/v1/auth/session', { cookie, env }))).user.email).toBe(newEmail);
    expect((await loginUser(newEmail)).status).toBe(200);
    await expectError(await loginUser(oldEmail), 401, 'invalid_credentials');
    // Single use.
    await expectError(await confirm(token, { env }), 400, 'invalid_token');
    const events = await sql<{ event: string }>(
      "select event from $schema.audit_logs where user_id = $1 and event like 'user.email%' order by id",
      [user.id],
    );
    expect(events.map((e) => e.event)).toEqual(['user.email_change_requested', 'user.email_changed']);
  });

  it('links point at IDENTSPHERE_APP_URL when it is set', async () => {
    const app = envWith({ IDENTSPHERE_APP_URL: 'https://app.example.com/' });
    const { cookie } = await registerUser(undefined, undefined, app);
    const newEmail = uniqueEmail('app');
    await json(await patch(cookie, { email: newEmail }, { env: app, headers: { host: 'evil.example' } }));
    expect(lastMailTo(newEmail)!.text).toMatch(/^https:\/\/app\.example\.com\/email-change\/confirm#token=[A-Za-z0-9_-]{43}$/m);
  });

  it('needs fresh authentication: a wrong password or an old session without one is refused, nothing sent', async () => {
    const { env, clock } = clockedEnv();
    const { cookie, email } = await registerUser(undefined, undefined, env);
    clock.advance(6 * 60 * 1000);
    const newEmail = uniqueEmail('new');
    await expectError(await patch(cookie, { email: newEmail }, { env }), 403, 'reauthentication_required');
    await expectError(
      await patch(cookie, { email: newEmail, current_password: 'wrong password' }, { env }),
      403,
      'reauthentication_required',
    );
    expect(mailsTo(newEmail)).toHaveLength(0);
    // A session from a sign-in minutes ago counts as fresh.
    const fresh = sessionCookie(await loginUser(email, PASSWORD, { env }));
    expect((await patch(fresh, { email: newEmail }, { env })).status).toBe(200);
    expect(mailsTo(newEmail)).toHaveLength(1);
  });

  it('a name change in the same request is not applied when fresh authentication fails', async () => {
    const { env, clock } = clockedEnv();
    const { cookie } = await registerUser(undefined, undefined, env);
    clock.advance(6 * 60 * 1000);
    await expectError(await patch(cookie, { name: 'X', email: uniqueEmail() }, { env }), 403, 'reauthentication_required');
    expect((await me(cookie, { env })).name).toBeNull();
  });

  it('an address taken by another account: same answer, no link; its owner is told instead', async () => {
    const { cookie } = await registerUser();
    const taken = await registerUser();
    const body = await json(await patch(cookie, { email: taken.email, current_password: PASSWORD }));
    expect(body).toMatchObject({ email_change: { email: taken.email, status: 'verification_sent' } });
    expect(lastMailTo(taken.email)).toMatchObject({ tag: 'email_change_in_use' });
    expect(lastMailTo(taken.email)!.text).not.toMatch(/token=/);
  });

  it('the link expires after an hour, and a newer request supersedes it', async () => {
    const { env, clock } = clockedEnv();
    const { cookie } = await registerUser(undefined, undefined, env);
    const a = uniqueEmail('a');
    await json(await patch(cookie, { email: a }, { env }));
    const expiring = tokenFromMail(a, 'email_change_verify');
    clock.advance(3600 * 1000 + 1);
    await expectError(await confirm(expiring, { env }), 400, 'invalid_token');
    const b = uniqueEmail('b');
    await json(await patch(cookie, { email: b, current_password: PASSWORD }, { env }));
    const older = tokenFromMail(b, 'email_change_verify');
    await json(await patch(cookie, { email: b, current_password: PASSWORD }, { env }));
    await expectError(await confirm(older, { env }), 400, 'invalid_token');
    expect((await confirm(tokenFromMail(b, 'email_change_verify'), { env })).status).toBe(200);
  });

  it('16 concurrent confirmations: exactly one succeeds', async () => {
    const { cookie } = await registerUser();
    const newEmail = uniqueEmail('race');
    await json(await patch(cookie, { email: newEmail, current_password: PASSWORD }));
    const token = tokenFromMail(newEmail, 'email_change_verify');
    const results = await Promise.all(Array.from({ length: 16 }, () => confirm(token)));
    expect(results.map((r) => r.status).sort()).toEqual([200, ...Array(15).fill(400)]);
    expect(
      await sql(
        "select 1 from $schema.audit_logs where event = 'user.email_changed' and user_id = (select id from $schema.users where email = $1)",
        [newEmail],
      ),
    ).toHaveLength(1);
  });

  it('an email provider failure is a 503 and nothing is written or changed', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { cookie, user } = await registerUser();
    const mailer = new FlakyMailer();
    const env = envWith({});
    withDeps(env, { mailer });
    mailer.failNext();
    await expectError(
      await patch(cookie, { name: 'Kept?', email: uniqueEmail(), current_password: PASSWORD }, { env }),
      503,
      'service_unavailable',
    );
    expect((await me(cookie)).name).toBeNull();
    expect(await sql("select 1 from $schema.one_time_tokens where user_id = $1 and purpose = 'email_change'", [user.id])).toHaveLength(0);
  });

  it('confirming kills the pending links sent to the old address (password reset, verification)', async () => {
    const { cookie, user } = await registerUser();
    await sql(
      "insert into $schema.one_time_tokens (id, user_id, purpose, token_hash, expires_at, created_at) values (gen_random_uuid(), $1, 'password_reset', md5(random()::text), now() + interval '1 hour', now())",
      [user.id],
    );
    const newEmail = uniqueEmail('new');
    await json(await patch(cookie, { email: newEmail, current_password: PASSWORD }));
    await json(await confirm(tokenFromMail(newEmail, 'email_change_verify')));
    expect(await sql('select 1 from $schema.one_time_tokens where user_id = $1 and consumed_at is null', [user.id])).toHaveLength(0);
  });
});
