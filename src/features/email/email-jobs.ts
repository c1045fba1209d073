import { and, eq, gt, isNull } from 'drizzle-orm';
import { openSecret, sealSecret } from '../../crypto/secret-box.ts';
import type { EmailMessage } from '../../platform/adapters/email.ts';
import { EmailDeliveryError } from '../../platform/adapters/email-providers.ts';
import type { Job, JobOutcome } from '../../platform/adapters/job-queue.ts';
import type { Deps } from '../../platform/deps.ts';
import { log } from '../../platform/log.ts';

// Background email through the JOBS queue (src/jobs.ts): the service renders the message, the consumer sends
// it. A provider 5xx, 429 or timeout is retried with backoff; a 4xx (or the last failure) is given up with an
// error log and moved to the dead-letter queue. A message whose link or code is no longer live (superseded,
// used, expired) is not sent late.

export const EMAIL_JOB = 'email';

/** What must still be live for the message to be worth sending (and what to withdraw if it never arrives). */
export type EmailLiveness = { tokenHash: string } | { otp: { email: string; codeHash: string } };

interface EmailJobBody {
  message: EmailMessage;
  live?: EmailLiveness;
}

/**
 * A job carries the rendered message sealed (AES-GCM under IDENTSPHERE_ENCRYPTION_KEY, src/crypto/secret-box.ts):
 * it holds a live link or code, so neither the Queue's storage nor a dashboard peek shows it in clear, and the
 * code's hash (a million guesses from the code) stays inside too. Only the tag travels in clear, for logs.
 */
const SEALED_FOR = 'identsphere:email-job';

/** Attempts before giving up: the consumer's max_retries (wrangler.toml, 14) + 1, the last one before the DLQ. */
export const EMAIL_MAX_ATTEMPTS = 15;

/** Backoff: 30 s doubling per attempt, capped at an hour (15 attempts ≈ 9 hours of trying). */
export function emailRetryDelaySeconds(attempt: number): number {
  return Math.min(30 * 2 ** Math.max(0, attempt - 1), 3600);
}

/** Enqueues a rendered message; throws when the queue refuses it (callers withdraw what it would deliver). */
export async function enqueueEmail(deps: Deps, message: EmailMessage, live?: EmailLiveness): Promise<void> {
  const body: EmailJobBody = { message, live };
  const sealed = await sealSecret(deps.config.IDENTSPHERE_ENCRYPTION_KEY, new TextEncoder().encode(JSON.stringify(body)), SEALED_FOR);
  await deps.jobs.send([{ kind: EMAIL_JOB, tag: message.tag, sealed }]);
}

async function stillLive(deps: Deps, live: EmailLiveness): Promise<boolean> {
  const { db, t } = deps;
  const now = deps.clock.now();
  if ('tokenHash' in live) {
    const tokens = t.oneTimeTokens;
    const rows = await db
      .select({ id: tokens.id })
      .from(tokens)
      .where(and(eq(tokens.tokenHash, live.tokenHash), isNull(tokens.consumedAt), gt(tokens.expiresAt, now)));
    return rows.length > 0;
  }
  const codes = t.emailOtpCodes;
  const rows = await db
    .select({ email: codes.email })
    .from(codes)
    .where(and(eq(codes.email, live.otp.email), eq(codes.codeHash, live.otp.codeHash), isNull(codes.consumedBy), gt(codes.expiresAt, now)));
  return rows.length > 0;
}

/** A link or code that will never arrive is withdrawn: the resend windows must not hold the user back for it. */
async function withdraw(deps: Deps, live: EmailLiveness): Promise<void> {
  const { db, t } = deps;
  if ('tokenHash' in live) {
    const tokens = t.oneTimeTokens;
    await db.delete(tokens).where(and(eq(tokens.tokenHash, live.tokenHash), isNull(tokens.consumedAt)));
    return;
  }
  const codes = t.emailOtpCodes;
  await db.delete(codes).where(and(eq(codes.email, live.otp.email), eq(codes.codeHash, live.otp.codeHash), isNull(codes.consumedBy)));
}

/** The provider will not take this message as it is (4xx other than 429, Postmark's refusal inside a 200). */
function permanent(err: unknown): boolean {
  return err instanceof EmailDeliveryError && err.status !== null && err.status < 500 && err.status !== 429;
}

/** The `email` job handler: one attempt at sending. Logs carry the tag, attempt and provider status only. */
export async function deliverEmailJob(deps: Deps, job: Job, attempt: number): Promise<JobOutcome> {
  const tag = String(job.tag);
  let body: EmailJobBody;
  try {
    const plain = await openSecret(deps.config.IDENTSPHERE_ENCRYPTION_KEY, String(job.sealed), SEALED_FOR);
    body = JSON.parse(new TextDecoder().decode(plain)) as EmailJobBody;
  } catch {
    log('error', 'email job unreadable (encryption key changed or message altered): dropped', { tag, attempt });
    return { done: true };
  }
  if (body.live && !(await stillLive(deps, body.live))) {
    log('info', 'email not sent: its link or code is no longer live', { tag, attempt });
    return { done: true };
  }
  try {
    await deps.mailer.send(body.message);
    return { done: true };
  } catch (err) {
    const status = err instanceof EmailDeliveryError ? err.status : null;
    const provider = err instanceof EmailDeliveryError ? err.provider : undefined;
    // EmailDeliveryError messages carry the provider's status and answer, never the key or the message.
    const error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    if (permanent(err) || attempt >= EMAIL_MAX_ATTEMPTS) {
      const why = permanent(err) ? 'refused by the provider' : `undelivered after ${attempt} attempts`;
      log('error', `email ${why}: given up (dead letter)`, { tag, attempt, provider, status, error });
      if (body.live) await withdraw(deps, body.live);
      return { done: true, deadLetter: true };
    }
    const retryAfterSeconds = emailRetryDelaySeconds(attempt);
    log('warn', 'email provider failed: retrying', { tag, attempt, provider, status, retryAfterSeconds, error });
    return { done: false, retryAfterSeconds };
  }
}
