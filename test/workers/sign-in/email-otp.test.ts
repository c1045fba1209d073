// Email sign-in codes end to end: request → code by email → verify → session; codes are 6 digits, stored
// hashed, expire after 10 minutes, and an address gets at most one email per 60 s.
import { describe, expect, it } from 'vitest';
import { codeIn, expectError, flowEnv, mails, sessionCookie, sql, uniqueEmail } from '../support/index.ts';

const request = (flow: ReturnType<typeof flowEnv>, email: string) =>
  flow.call('/v1/auth/email-otp/request', { method: 'POST', json: { email } });
const verify = (flow: ReturnType<typeof flowEnv>, email: string, code: string) =>
  flow.call('/v1/auth/email-otp/verify', { method: 'POST', json: { email, code } });

describe('email OTP sign-in', () => {
  it('request → 202 → code by email → verify → 200 {user, session} with a new session cookie; email verified', async () => {
    const flow = flowEnv();
    const { email, user } = await flow.register();
    const res = await request(flow, email);
    expect(res.status).toBe(202);
    expect(await res.text()).toBe('');
    await flow.settle();
    const code = codeIn(email);
    expect(code).toMatch(/^\d{6}$/);
    expect(mails(email, 'email_otp').at(-1)!.html).toContain(code);

    const [stored] = await sql<{ code_hash: string; attempts: number; expires_at: Date; created_at: Date }>(
      'select code_hash, attempts, expires_at, created_at from $schema.email_otp_codes where email = $1',
      [email],
    );
    expect(stored!.code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(code);
    expect(new Date(stored!.expires_at).getTime() - new Date(stored!.created_at).getTime()).toBe(600 * 1000);

    const signedIn = await verify(flow, email, code);
    expect(signedIn.status).toBe(200);
    const body = (await signedIn.json()) as { user: { id: string; email_verified: boolean }; session: { id: string } };
    expect(body.user).toMatchObject({ id: user.id, email_verified: true });
    const cookie = sessionCookie(signedIn);
    const session = await flow.call('/v1/auth/session', { cookie });
    expect(session.status).toBe(200);
    expect(((await session.json()) as { session: { id: string } }).session.id).toBe(body.session.id);

    // Used: gone, and refused a second time.
    expect(await sql('select 1 from $schema.email_otp_codes where email = $1', [email])).toHaveLength(0);
    await expectError(await verify(flow, email, code), 401, 'invalid_code');
    const events = await sql<{ event: string; metadata: { method?: string } }>(
      "select event, metadata from $schema.audit_logs where user_id = $1 and (event like 'email_otp.%' or event = 'login.succeeded') order by id",
      [user.id],
    );
    expect(events.map((e) => e.event)).toEqual(['email_otp.requested', 'login.succeeded', 'email_otp.failed']);
    expect(events[1]!.metadata.method).toBe('email_otp');
  });

  it('expires after 10 minutes (injected clock)', async () => {
    const flow = flowEnv();
    const { email } = await flow.register();
    await request(flow, email);
    await flow.settle();
    const code = codeIn(email);
    flow.clock.advance(600 * 1000);
    await expectError(await verify(flow, email, code), 401, 'invalid_code');
  });

  it('at most one email per address per 60 s; after the window a new code is sent', async () => {
    const flow = flowEnv();
    const { email } = await flow.register();
    for (let i = 0; i < 3; i++) expect((await request(flow, email)).status).toBe(202);
    await flow.settle();
    expect(mails(email, 'email_otp')).toHaveLength(1);
    flow.clock.advance(59 * 1000);
    await request(flow, email);
    await flow.settle();
    expect(mails(email, 'email_otp')).toHaveLength(1);
    flow.clock.advance(1000);
    await request(flow, email);
    await flow.settle();
    expect(mails(email, 'email_otp')).toHaveLength(2);
  });

  it('concurrent requests for one address send exactly one email', async () => {
    const flow = flowEnv();
    const { email } = await flow.register();
    await Promise.all(Array.from({ length: 8 }, () => request(flow, email)));
    await flow.settle();
    expect(mails(email, 'email_otp')).toHaveLength(1);
    expect((await verify(flow, email, codeIn(email))).status).toBe(200);
  });

  it('a code for one address does not work for another; malformed codes are 400', async () => {
    const flow = flowEnv();
    const alice = await flow.register();
    const bob = await flow.register();
    await request(flow, alice.email);
    await flow.settle();
    await expectError(await verify(flow, bob.email, codeIn(alice.email)), 401, 'invalid_code');
    await expectError(await verify(flow, uniqueEmail('nobody'), codeIn(alice.email)), 401, 'invalid_code');
    await expectError(await verify(flow, alice.email, '12345'), 400, 'invalid_request');
    await expectError(await verify(flow, alice.email, '12345a'), 400, 'invalid_request');
    expect((await verify(flow, alice.email, codeIn(alice.email))).status).toBe(200);
  });

  it('a disabled account gets no code and cannot sign in with one', async () => {
    const flow = flowEnv();
    const { email, user } = await flow.register();
    await request(flow, email);
    await flow.settle();
    const code = codeIn(email);
    await sql('update $schema.users set disabled_at = now() where id = $1', [user.id]);
    await expectError(await verify(flow, email, code), 401, 'invalid_code');
    flow.clock.advance(61 * 1000);
    await request(flow, email);
    await flow.settle();
    expect(mails(email, 'email_otp')).toHaveLength(1);
  });
});
