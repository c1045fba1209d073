// Email through the JOBS queue: the consumer (src/jobs.ts consumeJobs, as the Worker's queue handler runs it)
// retries a provider 5xx or network failure with backoff and delivers once; gives a 4xx up at once (dead
// letter, logged); never sends a link or code that was superseded meanwhile; and nothing secret is in the
// queue message or the logs. The provider (Resend) is faked at the fetch boundary.
import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EMAIL_MAX_ATTEMPTS, emailRetryDelaySeconds } from '../../../src/features/email/email-jobs.ts';
import { consumeJobs } from '../../../src/jobs.ts';
import { CloudflareJobQueue, type Job } from '../../../src/platform/adapters/job-queue.ts';
import type { Env } from '../../../src/platform/config.ts';
import { call, envWith, flowEnv, mails, RecordingJobQueue, registerUser, sql, withDeps } from '../support/index.ts';

const RESEND = 'https://api.resend.com/emails';
/** What the consumer moved to the dead-letter queue (the JOBS_DLQ producer, recorded). */
const deadLetters: Job[] = [];
const consumerEnv: Env = {
  ...envWith({
    IDENTSPHERE_EMAIL_PROVIDER: 'resend',
    IDENTSPHERE_EMAIL_API_KEY: 're_test_key_never_logged',
    IDENTSPHERE_FROM_EMAIL: 'no-reply@example.com',
  }),
  JOBS_DLQ: { send: async (job: Job) => void deadLetters.push(job) } as unknown as Queue<Job>,
};

interface SentMail {
  to: string[];
  subject: string;
  text: string;
}

/** Fakes Resend with `answers` (one per request, the last repeating); everything else (the database) passes through. */
function fakeResend(...answers: (() => Response)[]) {
  const realFetch = globalThis.fetch;
  const sent: { status: number; body: SentMail }[] = [];
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const request = new Request(input, init);
    if (request.url !== RESEND) return realFetch(input, init);
    const response = answers[Math.min(sent.length, answers.length - 1)]!();
    sent.push({ status: response.status, body: (await request.json()) as SentMail });
    return response;
  });
  return {
    sent,
    delivered: () => sent.filter((s) => s.status === 200).map((s) => s.body),
  };
}

const ok = () => Response.json({ id: 'email_1' });
const down = () => new Response('{"message":"unavailable"}', { status: 503 });

/**
 * Runs the consumer on one message at the given attempt; returns what it acked and retried, with the delay
 * asked for (the plugin's QueueResult does not record delays, so the message's retry() is watched too).
 */
async function consume(job: Job, attempts: number) {
  const batch = createMessageBatch<Job>('identsphere-jobs', [{ id: 'msg-1', timestamp: Date.now(), attempts, body: job }]);
  const retry = vi.spyOn(batch.messages[0]!, 'retry');
  const ctx = createExecutionContext();
  await consumeJobs(batch, consumerEnv);
  const result = await getQueueResult(batch, ctx);
  const delays = retry.mock.calls.map(([options]) => options?.delaySeconds);
  return { acked: result.explicitAcks, retried: result.retryMessages.map((m, i) => ({ ...m, delaySeconds: delays[i] })) };
}

/** A flow whose email jobs are kept for the test to deliver. */
function queuedFlow() {
  const queue = new RecordingJobQueue();
  return { ...flowEnv({}, Date.now(), { jobs: queue }), queue };
}

async function forgot(flow: ReturnType<typeof queuedFlow>, email: string): Promise<Job> {
  expect((await flow.call('/v1/auth/password/forgot', { method: 'POST', json: { email } })).status).toBe(202);
  await flow.settle();
  const job = flow.queue.jobs.at(-1)!;
  expect(job).toMatchObject({ kind: 'email', tag: 'password_reset' });
  return job;
}

afterEach(() => {
  vi.restoreAllMocks();
  deadLetters.length = 0;
});

describe('email through the queue', () => {
  it('provider answering 503 then 200: retried after 30 s, delivered exactly once, the link works', async () => {
    const logs = [vi.spyOn(console, 'warn').mockImplementation(() => {}), vi.spyOn(console, 'log').mockImplementation(() => {})];
    const flow = queuedFlow();
    const { email } = await flow.register();
    const job = await forgot(flow, email);
    const resend = fakeResend(down, ok);

    expect(await consume(job, 1)).toEqual({ acked: [], retried: [{ msgId: 'msg-1', delaySeconds: 30 }] });
    expect(resend.delivered()).toEqual([]);
    expect(await consume(job, 2)).toEqual({ acked: ['msg-1'], retried: [] });
    const [mail] = resend.delivered();
    expect(resend.delivered()).toHaveLength(1);
    expect(mail).toMatchObject({ to: [email], subject: 'Reset your password' });
    const token = /#token=([A-Za-z0-9_-]+)/.exec(mail!.text)![1]!;

    // Nothing secret travels in clear: not the link, not the address; nothing secret is logged.
    expect(JSON.stringify(job)).not.toContain(token);
    expect(JSON.stringify(job)).not.toContain(email);
    const logged = logs.flatMap((spy) => spy.mock.calls.map((args) => String(args[0])));
    expect(logged.some((line) => line.includes('email provider failed: retrying') && line.includes('"status":503'))).toBe(true);
    for (const line of logged) expect(line).not.toMatch(new RegExp(`${token}|${email}|re_test_key`));

    const reset = await flow.call('/v1/auth/password/reset', { method: 'POST', json: { token, password: 'a fresh passphrase here' } });
    expect(reset.status).toBe(204);
  });

  it('a network failure is retried too, with a doubling delay capped at an hour', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const flow = queuedFlow();
    const { email } = await flow.register();
    const job = await forgot(flow, email);
    fakeResend(() => {
      throw new TypeError('network connection lost');
    });
    expect((await consume(job, 3)).retried).toEqual([{ msgId: 'msg-1', delaySeconds: 120 }]);
    expect([1, 2, 7, 8, 14].map(emailRetryDelaySeconds)).toEqual([30, 60, 1920, 3600, 3600]);
  });

  it('a 4xx is not retried: acked once, moved to the dead-letter queue, logged as given up, the link withdrawn', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const flow = queuedFlow();
    const { email, user } = await flow.register();
    const job = await forgot(flow, email);
    const resend = fakeResend(() => Response.json({ message: 'invalid `to` field' }, { status: 422 }));

    expect(await consume(job, 1)).toEqual({ acked: ['msg-1'], retried: [] });
    expect(deadLetters).toEqual([job]);
    expect(resend.sent).toHaveLength(1);
    const [line] = errors.mock.calls.map((args) => JSON.parse(String(args[0])) as Record<string, unknown>);
    expect(line).toMatchObject({
      msg: 'email refused by the provider: given up (dead letter)',
      tag: 'password_reset',
      status: 422,
      attempt: 1,
    });
    expect(await sql("select 1 from $schema.one_time_tokens where user_id = $1 and purpose = 'password_reset'", [user.id])).toHaveLength(0);
  });

  it(`a 5xx on the last attempt (${EMAIL_MAX_ATTEMPTS}) is given up too, not retried into the dead-letter queue silently`, async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const flow = queuedFlow();
    const { email } = await flow.register();
    const job = await forgot(flow, email);
    fakeResend(down);
    expect(await consume(job, EMAIL_MAX_ATTEMPTS)).toEqual({ acked: ['msg-1'], retried: [] });
    expect(deadLetters).toEqual([job]);
    expect(String(errors.mock.calls[0]![0])).toContain(`email undelivered after ${EMAIL_MAX_ATTEMPTS} attempts: given up (dead letter)`);
  });

  it('a superseded reset link is not sent late; the newer one is', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => {});
    const flow = queuedFlow();
    const { email } = await flow.register();
    const first = await forgot(flow, email);
    const second = await forgot(flow, email);
    const resend = fakeResend(ok);

    expect(await consume(first, 2)).toEqual({ acked: ['msg-1'], retried: [] });
    expect(resend.sent).toEqual([]);
    expect(await consume(second, 1)).toEqual({ acked: ['msg-1'], retried: [] });
    expect(resend.delivered()).toHaveLength(1);
  });

  it('a replaced email code is not sent late', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => {});
    const flow = queuedFlow();
    const { email } = await flow.register();
    const request = async () => {
      await flow.call('/v1/auth/email-otp/request', { method: 'POST', json: { email } });
      await flow.settle();
      return flow.queue.jobs.at(-1)!;
    };
    const first = await request();
    flow.clock.advance(61 * 1000);
    const second = await request();
    expect(first).not.toBe(second);
    const resend = fakeResend(ok);
    await consume(first, 1);
    expect(resend.sent).toEqual([]);
    await consume(second, 1);
    expect(resend.delivered()).toHaveLength(1);
  });

  it("the JOBS queue of wrangler.toml (run locally by the plugin) takes the job and the Worker's consumer sends it", async () => {
    // Tests otherwise run jobs in-process (IDENTSPHERE_ENV=test); this app enqueues to the real binding.
    const env = envWith({});
    withDeps(env, { jobs: new CloudflareJobQueue(env.JOBS!) });
    const { email } = await registerUser(undefined, undefined, env);
    expect((await call('/v1/auth/password/forgot', { method: 'POST', json: { email }, env })).status).toBe(202);
    await vi.waitFor(() => expect(mails(email, 'password_reset')).toHaveLength(1), { timeout: 15_000, interval: 100 });
  });
});
