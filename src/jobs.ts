// The background-job consumer: the Worker's `queue` handler for the JOBS queue, and the handler the in-process
// twin runs in dev/test. Each feature registers its job kinds here (the composition root, like app.ts).
import { InProcessJobQueue, type Job, type JobOutcome } from './platform/adapters/job-queue.ts';
import type { Env } from './platform/config.ts';
import { type Deps, getDeps } from './platform/deps.ts';
import { log } from './platform/log.ts';

export type JobHandlers = Record<string, (deps: Deps, job: Job, attempt: number) => Promise<JobOutcome>>;

let handlers: JobHandlers | undefined;

/**
 * The handlers, imported by the first job an isolate runs (a request that enqueues nothing never needs them);
 * each caller awaits its own imports, never a promise another request started.
 */
async function loadHandlers(): Promise<JobHandlers> {
  if (handlers) return handlers;
  const [email, webhooks] = await Promise.all([
    import('./features/email/email-jobs.ts'),
    import('./features/webhooks/webhook-delivery.ts'),
  ]);
  handlers ??= { [email.EMAIL_JOB]: email.deliverEmailJob, ...webhooks.webhookJobHandlers };
  return handlers;
}

/**
 * Without a JOBS binding (dev/test) jobs run in this isolate, through the same handlers as the consumer: every
 * entry point that may enqueue (the app, the Cron Trigger) wires them to its deps first. Idempotent.
 */
export function runJobsInProcess(deps: Deps): void {
  if (deps.jobs instanceof InProcessJobQueue) deps.jobs.attach((job, attempt) => runJob(deps, job, attempt));
}

/** Runs one attempt of a job. An unknown kind (a message from a newer or older deployment) is logged and dropped. */
export async function runJob(deps: Deps, job: Job, attempt: number): Promise<JobOutcome> {
  const handler = (await loadHandlers())[job.kind];
  if (!handler) {
    log('error', 'job of unknown kind dropped', { kind: job.kind });
    return { done: true };
  }
  return handler(deps, job, attempt);
}

/**
 * A job given up before its retries ran out goes where max_retries would have put it: the dead-letter queue,
 * for an operator to inspect or replay. Without the binding (dev) the handler's error log is all there is.
 */
async function deadLetter(env: Env, job: Job): Promise<void> {
  if (env.JOBS_DLQ) await env.JOBS_DLQ.send(job, { contentType: 'json' });
}

/**
 * The Worker's `queue` handler. Each message is acknowledged or retried on its own; a handler that throws
 * (a database outage) is retried after a minute. Messages past the consumer's max_retries go to the dead-letter
 * queue (wrangler.toml). A misconfigured Worker retries everything later rather than losing it.
 */
export async function consumeJobs(batch: MessageBatch<Job>, env: Env): Promise<void> {
  const built = getDeps(env);
  if (!built.ok) {
    log('error', 'queue batch deferred: configuration is unsafe or invalid', { queue: batch.queue });
    batch.retryAll({ delaySeconds: 300 });
    return;
  }
  for (const message of batch.messages) {
    try {
      const outcome = await runJob(built.deps, message.body, message.attempts);
      if (outcome.done && outcome.deadLetter) await deadLetter(env, message.body);
      if (outcome.done) message.ack();
      else message.retry({ delaySeconds: outcome.retryAfterSeconds });
    } catch (err) {
      log('error', 'job failed; retrying', { kind: message.body?.kind, attempt: message.attempts, error: String(err) });
      message.retry({ delaySeconds: 60 });
    }
  }
}
