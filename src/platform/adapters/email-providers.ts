import type { Config, ConfigProblem } from '../config.ts';
import { log } from '../log.ts';
import { type EmailMessage, type EmailSender, LogOnlySender, MemorySender } from './email.ts';

/** The provider refused, failed or did not answer in time. Carries no secret (no API key, no message body). */
export class EmailDeliveryError extends Error {
  readonly provider: string;
  readonly status: number | null;

  constructor(provider: string, status: number | null, detail: string) {
    super(`${provider}: ${detail}`);
    this.provider = provider;
    this.status = status;
    this.name = 'EmailDeliveryError';
  }
}

export interface HttpSenderOptions {
  apiKey: string;
  /** Verified sender address (IDENTSPHERE_FROM_EMAIL). */
  from: string;
  /** Injected so tests fake the provider at the fetch boundary. */
  fetch?: typeof fetch;
  /** A hung provider must not hold a request (or a background task) forever. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/** POSTs JSON and returns the parsed answer; any non-2xx, network error or timeout becomes EmailDeliveryError. */
async function postJson(provider: string, opts: HttpSenderOptions, url: string, headers: Record<string, string>, body: unknown) {
  // Called as a plain function: Workers refuse a global fetch invoked as a method of another object.
  const doFetch = opts.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  let res: Response;
  try {
    res = await doFetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(opts.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
  } catch (err) {
    const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
    throw new EmailDeliveryError(
      provider,
      null,
      timedOut ? `no answer within ${opts.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms` : `request failed (${String(err)})`,
    );
  }
  const text = await res.text().catch(() => '');
  if (!res.ok) throw new EmailDeliveryError(provider, res.status, `HTTP ${res.status} ${text.slice(0, 300)}`);
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/**
 * Mail for an address under .invalid is never handed to a real provider: RFC 2606 reserves the name so that it
 * can never resolve, so the message could only bounce, and bounces count against the sender's reputation (a
 * provider suspends senders over them). `identsphere smoke` registers such an address on production.
 */
function undeliverable(message: EmailMessage): boolean {
  const skip = /\.invalid$/i.test(message.to.slice(message.to.lastIndexOf('@') + 1));
  if (skip) log('info', 'email not sent: the address is under the reserved .invalid domain', { tag: message.tag });
  return skip;
}

/** Resend (https://resend.com/docs/api-reference/emails/send-email). */
export class ResendSender implements EmailSender {
  static readonly URL = 'https://api.resend.com/emails';
  private readonly opts: HttpSenderOptions;

  constructor(opts: HttpSenderOptions) {
    this.opts = opts;
  }

  async send(message: EmailMessage): Promise<void> {
    if (undeliverable(message)) return;
    await postJson(
      'resend',
      this.opts,
      ResendSender.URL,
      { authorization: `Bearer ${this.opts.apiKey}` },
      {
        from: this.opts.from,
        to: [message.to],
        subject: message.subject,
        text: message.text,
        html: message.html,
        tags: [{ name: 'category', value: message.tag }],
      },
    );
  }
}

/** Postmark (https://postmarkapp.com/developer/user-guide/send-email-with-api), transactional stream. */
export class PostmarkSender implements EmailSender {
  static readonly URL = 'https://api.postmarkapp.com/email';
  private readonly opts: HttpSenderOptions;

  constructor(opts: HttpSenderOptions) {
    this.opts = opts;
  }

  async send(message: EmailMessage): Promise<void> {
    if (undeliverable(message)) return;
    const answer = await postJson(
      'postmark',
      this.opts,
      PostmarkSender.URL,
      { 'x-postmark-server-token': this.opts.apiKey },
      {
        From: this.opts.from,
        To: message.to,
        Subject: message.subject,
        TextBody: message.text,
        HtmlBody: message.html,
        Tag: message.tag,
        MessageStream: 'outbound',
      },
    );
    // Postmark reports some refusals inside a 200 answer: ErrorCode 0 is the only success.
    if (typeof answer.ErrorCode === 'number' && answer.ErrorCode !== 0) {
      throw new EmailDeliveryError('postmark', 200, `ErrorCode ${answer.ErrorCode} ${String(answer.Message ?? '')}`.slice(0, 300));
    }
  }
}

export type MailerResult = { ok: true; mailer: EmailSender } | { ok: false; problems: ConfigProblem[] };

/** The sender IDENTSPHERE_EMAIL_PROVIDER names. A real provider without its key or from address is refused. */
export function createMailer(config: Config, fetchImpl?: typeof fetch): MailerResult {
  const provider = config.IDENTSPHERE_EMAIL_PROVIDER;
  if (provider === 'memory') return { ok: true, mailer: new MemorySender() };
  if (provider === 'log') return { ok: true, mailer: new LogOnlySender() };
  const problems: ConfigProblem[] = [];
  const apiKey = config.IDENTSPHERE_EMAIL_API_KEY;
  const from = config.IDENTSPHERE_FROM_EMAIL;
  if (!apiKey) problems.push({ setting: 'IDENTSPHERE_EMAIL_API_KEY', reason: `is required for ${provider} (wrangler secret put)` });
  if (!from) problems.push({ setting: 'IDENTSPHERE_FROM_EMAIL', reason: `is required for ${provider}` });
  if (!apiKey || !from) return { ok: false, problems };
  const opts = { apiKey, from, fetch: fetchImpl };
  return { ok: true, mailer: provider === 'resend' ? new ResendSender(opts) : new PostmarkSender(opts) };
}
