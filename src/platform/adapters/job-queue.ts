// Background jobs (webhook deliveries, emails) go through a Cloudflare Queue: the producer binding `JOBS`,
// consumed by this same Worker's `queue` handler (src/jobs.ts), which retries with backoff and dead-letters.
// Without the binding (dev, tests) jobs run in-process right after the response, with a warning: nothing is
// retried across isolates there, which production therefore refuses (src/platform/deps.ts).
import { log } from '../log.ts';

/**
 * A job: a JSON message whose `kind` names its handler (registered in src/jobs.ts). It carries ids, never
 * secrets in clear: the handler reads what it needs from the database when it runs (an email job, whose link
 * cannot be read back from a hash, carries its message sealed: src/features/email/email-jobs.ts).
 */
export interface Job {
  kind: string;
  [field: string]: unknown;
}

/**
 * What a handler decides about one attempt: done; done but undeliverable (`deadLetter`: the consumer moves the
 * message to the dead-letter queue for an operator to inspect); or try again after a pause.
 */
export type JobOutcome = { done: true; deadLetter?: boolean } | { done: false; retryAfterSeconds: number };

export type JobHandler = (job: Job, attempt: number) => Promise<JobOutcome>;

export interface JobQueue {
  /** Enqueues the jobs (one send for many). Throws when the queue refuses: callers decide what that means. */
  send(jobs: Job[]): Promise<void>;
}

export class CloudflareJobQueue implements JobQueue {
  private readonly binding: Queue<Job>;

  constructor(binding: Queue<Job>) {
    this.binding = binding;
  }

  async send(jobs: Job[]): Promise<void> {
    if (jobs.length) await this.binding.sendBatch(jobs.map((body) => ({ body, contentType: 'json' as const })));
  }
}

/** In-process attempts before giving up (no pause between them: dev and tests only). */
const IN_PROCESS_ATTEMPTS = 3;

/**
 * Dev/test twin: runs each job at once in the caller's promise (which the caller hands to waitUntil), retrying
 * a few times without waiting. The handler is attached once the app is composed (src/app.ts).
 */
export class InProcessJobQueue implements JobQueue {
  private handler: JobHandler | undefined;
  private warned = false;

  attach(handler: JobHandler): void {
    this.handler = handler;
  }

  async send(jobs: Job[]): Promise<void> {
    if (!this.warned) {
      this.warned = true;
      log('warn', 'no JOBS queue binding: background jobs run in-process without durable retries (dev/test only)');
    }
    const handler = this.handler;
    if (!handler) throw new Error('InProcessJobQueue: no handler attached');
    for (const job of jobs) {
      for (let attempt = 1; attempt <= IN_PROCESS_ATTEMPTS; attempt++) {
        const outcome = await handler(job, attempt);
        if (outcome.done) break;
      }
    }
  }
}
