// Test twins of the in-memory adapters that fail on demand, as a provider or storage outage would; passed to
// the app with withDeps. The in-memory mailbox and bucket themselves are the ones dev mode uses (src).
import { MemoryAvatarStorage, type StoredObject } from '../../../src/platform/adapters/avatar-storage.ts';
import { type EmailMessage, MemorySender } from '../../../src/platform/adapters/email.ts';
import type { Job, JobQueue } from '../../../src/platform/adapters/job-queue.ts';

/** Counts down the failures asked for with failNext. */
class Failures {
  private left = 0;
  next(count: number): void {
    this.left = count;
  }
  take(what: string): void {
    if (this.left > 0) {
      this.left--;
      throw new Error(`simulated ${what} failure`);
    }
  }
}

/** The in-memory mailer whose next sends throw, as a provider outage would. */
export class FlakyMailer extends MemorySender {
  private readonly failures = new Failures();
  failNext(count = 1): void {
    this.failures.next(count);
  }
  override async send(message: EmailMessage): Promise<void> {
    this.failures.take('email provider');
    return super.send(message);
  }
}

/** The in-memory avatar storage whose next operations throw, as a storage outage would. */
export class FlakyAvatarStorage extends MemoryAvatarStorage {
  private readonly failures = new Failures();
  failNext(count = 1): void {
    this.failures.next(count);
  }
  override async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    this.failures.take('storage');
    return super.put(key, bytes, contentType);
  }
  override async get(key: string): Promise<StoredObject | null> {
    this.failures.take('storage');
    return super.get(key);
  }
  override async delete(key: string): Promise<void> {
    this.failures.take('storage');
    return super.delete(key);
  }
}

/** A queue that keeps what is sent, for a test to hand to the consumer (src/jobs.ts consumeJobs) itself. */
export class RecordingJobQueue implements JobQueue {
  readonly jobs: Job[] = [];
  async send(jobs: Job[]): Promise<void> {
    this.jobs.push(...jobs);
  }
}
