// Security requirement 25 (email provider): a provider answering 5xx/4xx or not at all (timeout) spends
// nothing. A send the client waits for fails with a clear 503; a background send (queued) leaves the 202
// unchanged, is logged and retried, and one given up leaves no undelivered secret that would stop the user
// from simply asking again.
import { describe, expect, it, vi } from 'vitest';
import { type EmailMessage, type EmailSender, MemorySender } from '../../../src/platform/adapters/email.ts';
import { PostmarkSender, ResendSender } from '../../../src/platform/adapters/email-providers.ts';
import { codeIn, expectError, fakeFetch, flowEnv, hangingFetch, mails, mailsTo, sql, tokenIn } from '../support/index.ts';

const failing = {
  '503': () =>
    new ResendSender({
      apiKey: 're_test',
      from: 'no-reply@example.com',
      fetch: fakeFetch(() => new Response('{"message":"down"}', { status: 503 })).fetch,
    }),
  '422': () =>
    new PostmarkSender({
      apiKey: 'pm_test',
      from: 'no-reply@example.com',
      fetch: fakeFetch(() => Response.json({ ErrorCode: 300, Message: 'Invalid email request' }, { status: 422 })).fetch,
    }),
  timeout: () => new ResendSender({ apiKey: 're_test', from: 'no-reply@example.com', fetch: hangingFetch(), timeoutMs: 50 }),
};

function logLines(spy: { mock: { calls: unknown[][] } }, msg: string) {
  return spy.mock.calls
    .map((args) => String(args[0]))
    .filter((line) => line.includes(msg))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
const retryLogs = (spy: { mock: { calls: unknown[][] } }) => logLines(spy, 'email provider failed: retrying');
const givenUp = (spy: { mock: { calls: unknown[][] } }) => logLines(spy, 'given up (dead letter)');

/** The in-memory mailbox, or while `down` is set, that failing provider. */
class OutageSender implements EmailSender {
  down: EmailSender | null = null;
  private readonly working = new MemorySender();
  send(message: EmailMessage): Promise<void> {
    return (this.down ?? this.working).send(message);
  }
}

/** A flow whose mailer withOutage can take down. */
function outageFlow() {
  const mailer = new OutageSender();
  return { ...flowEnv({}, undefined, { mailer }), mailer };
}

/** Runs `fn` with the provider down, then restores the in-memory mailbox. */
async function withOutage<T>(flow: { mailer: OutageSender }, kind: keyof typeof failing, fn: () => Promise<T>): Promise<T> {
  flow.mailer.down = failing[kind]();
  try {
    return await fn();
  } finally {
    flow.mailer.down = null;
  }
}

describe('email provider outage', () => {
  it.each(['503', '422', 'timeout'] as const)(
    'verify/request (synchronous), provider %s: 503, nothing written, the earlier link still works',
    async (kind) => {
      vi.spyOn(console, 'error').mockImplementation(() => {});
      const flow = outageFlow();
      const { email, user, cookie } = await flow.register();
      const earlier = tokenIn(email, 'verify_email');
      flow.clock.advance(61 * 1000); // past the resend window
      const before = await sql('select id from $schema.one_time_tokens where user_id = $1 order by id', [user.id]);

      const res = await withOutage(flow, kind, () => flow.call('/v1/auth/email/verify/request', { method: 'POST', cookie }));
      const body = await expectError(res, 503, 'service_unavailable');
      expect(body.error.message).toMatch(/email could not be sent/);
      expect(await sql('select id from $schema.one_time_tokens where user_id = $1 order by id', [user.id])).toEqual(before);
      expect(
        await sql("select 1 from $schema.audit_logs where user_id = $1 and event = 'email.verification_sent'", [user.id]),
      ).toHaveLength(0);
      expect((await flow.call('/v1/auth/email/verify', { method: 'POST', cookie, json: { token: earlier } })).status).toBe(200);
    },
  );

  it.each(['503', 'timeout'] as const)(
    'forgot (background), provider %s: same 202; each failed attempt is logged for a retry, without the link or address',
    async (kind) => {
      const warnings = vi.spyOn(console, 'warn').mockImplementation(() => {});
      const flow = outageFlow();
      const { email, user } = await flow.register();

      const res = await withOutage(flow, kind, async () => {
        const r = await flow.call('/v1/auth/password/forgot', { method: 'POST', json: { email } });
        await flow.settle();
        return r;
      });
      expect(res.status).toBe(202);
      expect(await res.text()).toBe('');
      // The in-process twin (tests, dev) tries 3 times at once; the JOBS queue retries with backoff (email-queue.test.ts).
      const retries = retryLogs(warnings);
      expect(retries).toHaveLength(3);
      expect(retries[0]).toMatchObject({ tag: 'password_reset', attempt: 1, provider: 'resend', status: kind === '503' ? 503 : null });
      for (const line of warnings.mock.calls) expect(String(line[0])).not.toContain(email);
      // The link stays live for the retries to deliver.
      const tokens = await sql("select 1 from $schema.one_time_tokens where user_id = $1 and purpose = 'password_reset'", [user.id]);
      expect(tokens).toHaveLength(1);
      expect(mails(email, 'password_reset')).toEqual([]);
    },
  );

  it('email OTP request (background), provider refusing (4xx): same 202, given up, code withdrawn so an immediate retry is sent', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const flow = outageFlow();
    const { email } = await flow.register();
    const request = () => flow.call('/v1/auth/email-otp/request', { method: 'POST', json: { email } });

    const res = await withOutage(flow, '422', async () => {
      const r = await request();
      await flow.settle();
      return r;
    });
    expect(res.status).toBe(202);
    expect(givenUp(errors)).toMatchObject([{ tag: 'email_otp', status: 422 }]);
    // No usable-but-undelivered code, and the 60 s window is not held by it.
    expect(await sql('select 1 from $schema.email_otp_codes where email = $1', [email])).toHaveLength(0);

    await request(); // provider back, no clock movement
    await flow.settle();
    expect(mails(email, 'email_otp')).toHaveLength(1);
    expect((await flow.call('/v1/auth/email-otp/verify', { method: 'POST', json: { email, code: codeIn(email) } })).status).toBe(200);
  });

  it('registration with the provider refusing: 201 all the same, logged; the undelivered link is withdrawn so verify/request works at once', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const flow = outageFlow();
    const { email, user, cookie } = await withOutage(flow, '422', () => flow.register());
    expect(givenUp(errors)).toMatchObject([{ tag: 'verify_email', status: 422 }]);
    expect(await sql('select 1 from $schema.one_time_tokens where user_id = $1', [user.id])).toHaveLength(0);
    expect(mailsTo(email)).toEqual([]);

    expect((await flow.call('/v1/auth/email/verify/request', { method: 'POST', cookie })).status).toBe(202);
    expect(
      (await flow.call('/v1/auth/email/verify', { method: 'POST', cookie, json: { token: tokenIn(email, 'verify_email') } })).status,
    ).toBe(200);
  });
});
