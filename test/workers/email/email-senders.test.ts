// The real email senders, against fakes of the providers' HTTP APIs at the fetch boundary: the exact request
// each one makes, and what a refusal (4xx), a failure (5xx) or silence (timeout) becomes.
import { describe, expect, it, vi } from 'vitest';
import { passwordResetMessage } from '../../../src/features/email/messages.ts';
import { type EmailMessage, LogOnlySender, MemorySender } from '../../../src/platform/adapters/email.ts';
import { createMailer, EmailDeliveryError, PostmarkSender, ResendSender } from '../../../src/platform/adapters/email-providers.ts';
import { loadConfig } from '../../../src/platform/config.ts';
import { fakeFetch, hangingFetch, testEnv } from '../support/index.ts';

const MESSAGE: EmailMessage = {
  to: 'ada@example.com',
  subject: 'Reset your password',
  text: 'plain body',
  html: '<p>html body</p>',
  tag: 'password_reset',
};
const FROM = 'no-reply@auth.example.com';

async function deliveryError(promise: Promise<unknown>): Promise<EmailDeliveryError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(EmailDeliveryError);
  return err as EmailDeliveryError;
}

describe('Resend sender', () => {
  it('POSTs the message to https://api.resend.com/emails with a Bearer key', async () => {
    const fake = fakeFetch(() => Response.json({ id: 'email_123' }));
    await new ResendSender({ apiKey: 're_secret', from: FROM, fetch: fake.fetch }).send(MESSAGE);
    expect(fake.requests).toEqual([
      {
        url: 'https://api.resend.com/emails',
        method: 'POST',
        headers: { accept: 'application/json', authorization: 'Bearer re_secret', 'content-type': 'application/json' },
        body: {
          from: FROM,
          to: ['ada@example.com'],
          subject: 'Reset your password',
          text: 'plain body',
          html: '<p>html body</p>',
          tags: [{ name: 'category', value: 'password_reset' }],
        },
      },
    ]);
  });

  it.each([
    [422, '{"name":"validation_error","message":"The from address is not verified"}'],
    [429, '{"name":"rate_limit_exceeded"}'],
    [500, 'upstream exploded'],
    [503, ''],
  ])('HTTP %i is a delivery error carrying the status, never the key', async (status, body) => {
    const fake = fakeFetch(() => new Response(body, { status }));
    const err = await deliveryError(new ResendSender({ apiKey: 're_secret', from: FROM, fetch: fake.fetch }).send(MESSAGE));
    expect(err.status).toBe(status);
    expect(err.message).toContain(`HTTP ${status}`);
    expect(err.message).not.toContain('re_secret');
  });

  it('a provider that never answers is abandoned after the timeout', async () => {
    const started = Date.now();
    const err = await deliveryError(
      new ResendSender({ apiKey: 're_secret', from: FROM, fetch: hangingFetch(), timeoutMs: 50 }).send(MESSAGE),
    );
    expect(err.status).toBeNull();
    expect(err.message).toBe('resend: no answer within 50 ms');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('a network failure is a delivery error', async () => {
    const fetchImpl = (async () => {
      throw new TypeError('Network connection lost.');
    }) as unknown as typeof fetch;
    const err = await deliveryError(new ResendSender({ apiKey: 'k', from: FROM, fetch: fetchImpl }).send(MESSAGE));
    expect(err.message).toMatch(/request failed/);
  });
});

describe('Postmark sender', () => {
  it('POSTs the message to https://api.postmarkapp.com/email with the server token header', async () => {
    const fake = fakeFetch(() => Response.json({ ErrorCode: 0, Message: 'OK', MessageID: 'abc' }));
    await new PostmarkSender({ apiKey: 'pm-server-token', from: FROM, fetch: fake.fetch }).send(MESSAGE);
    expect(fake.requests).toEqual([
      {
        url: 'https://api.postmarkapp.com/email',
        method: 'POST',
        headers: { accept: 'application/json', 'content-type': 'application/json', 'x-postmark-server-token': 'pm-server-token' },
        body: {
          From: FROM,
          To: 'ada@example.com',
          Subject: 'Reset your password',
          TextBody: 'plain body',
          HtmlBody: '<p>html body</p>',
          Tag: 'password_reset',
          MessageStream: 'outbound',
        },
      },
    ]);
  });

  it('422 with a Postmark ErrorCode, 5xx, and a non-zero ErrorCode inside a 200 are delivery errors', async () => {
    const send = (res: () => Response) => new PostmarkSender({ apiKey: 't', from: FROM, fetch: fakeFetch(res).fetch }).send(MESSAGE);
    expect(
      (await deliveryError(send(() => Response.json({ ErrorCode: 406, Message: 'Inactive recipient' }, { status: 422 })))).status,
    ).toBe(422);
    expect((await deliveryError(send(() => new Response('bad gateway', { status: 502 })))).status).toBe(502);
    const inOk = await deliveryError(send(() => Response.json({ ErrorCode: 412, Message: 'Account is pending' })));
    expect(inOk.message).toContain('ErrorCode 412');
  });

  it('times out like Resend', async () => {
    const err = await deliveryError(new PostmarkSender({ apiKey: 't', from: FROM, fetch: hangingFetch(), timeoutMs: 30 }).send(MESSAGE));
    expect(err.message).toBe('postmark: no answer within 30 ms');
  });
});

describe('sender selection (IDENTSPHERE_EMAIL_PROVIDER)', () => {
  const config = (overrides: Record<string, string>) => {
    const loaded = loadConfig({ ...testEnv, ...overrides });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    return loaded.config;
  };

  it('log, memory, resend and postmark', () => {
    expect(createMailer(config({ IDENTSPHERE_EMAIL_PROVIDER: 'log' }))).toMatchObject({ ok: true, mailer: expect.any(LogOnlySender) });
    expect(createMailer(config({ IDENTSPHERE_EMAIL_PROVIDER: 'memory' }))).toMatchObject({ ok: true, mailer: expect.any(MemorySender) });
    const keyed = { IDENTSPHERE_EMAIL_API_KEY: 'k', IDENTSPHERE_FROM_EMAIL: FROM };
    expect(createMailer(config({ IDENTSPHERE_EMAIL_PROVIDER: 'resend', ...keyed }))).toMatchObject({
      ok: true,
      mailer: expect.any(ResendSender),
    });
    expect(createMailer(config({ IDENTSPHERE_EMAIL_PROVIDER: 'postmark', ...keyed }))).toMatchObject({
      ok: true,
      mailer: expect.any(PostmarkSender),
    });
  });

  it('a real provider without its API key or from address is refused, naming both settings', () => {
    const result = createMailer(config({ IDENTSPHERE_EMAIL_PROVIDER: 'resend' }));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((p) => p.setting)).toEqual(['IDENTSPHERE_EMAIL_API_KEY', 'IDENTSPHERE_FROM_EMAIL']);
  });

  it('LogOnlySender prints the message readably, link included', async () => {
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
    const message = passwordResetMessage(
      { IDENTSPHERE_PUBLIC_BASE_URL: 'http://localhost:8787', IDENTSPHERE_APP_URL: undefined },
      'en',
      'ada@example.com',
      'TOKEN123',
      60,
    );
    await new LogOnlySender().send(message);
    expect(lines.join('\n')).toContain('to: ada@example.com');
    expect(lines.join('\n')).toContain('http://localhost:8787/reset-password#token=TOKEN123');
  });
});

describe('addresses under the reserved .invalid domain (identsphere smoke)', () => {
  it.each([
    ['resend', (fetch: typeof globalThis.fetch) => new ResendSender({ apiKey: 'k', from: FROM, fetch })],
    ['postmark', (fetch: typeof globalThis.fetch) => new PostmarkSender({ apiKey: 'k', from: FROM, fetch })],
  ])('%s is never asked to deliver them (they could only bounce); other domains still go out', async (_name, sender) => {
    const fake = fakeFetch(() => Response.json({ id: 'email_1', ErrorCode: 0 }));
    const logged = vi.spyOn(console, 'log').mockImplementation(() => {});
    await sender(fake.fetch).send({ ...MESSAGE, to: 'smoke+1a2b@identsphere-smoke.INVALID' });
    expect(fake.requests).toEqual([]);
    expect(logged.mock.calls.flat().join('\n')).toMatch(/not sent: the address is under the reserved \.invalid domain/);
    logged.mockRestore();
    await sender(fake.fetch).send({ ...MESSAGE, to: 'ada@not-invalid.example' });
    expect(fake.requests).toHaveLength(1);
  });
});
