import { log } from '../log.ts';

/** One message, rendered: senders deliver, they never build content. */
export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** What kind of message this is (verify_email, password_reset, …): for logs, tags and tests. */
  tag: string;
}

export interface EmailSender {
  /** Real senders throw on provider failure (4xx/5xx/timeout); callers decide what that means. */
  send(message: EmailMessage): Promise<void>;
}

/** Development default: prints each message readably to the console (links and codes included). */
export class LogOnlySender implements EmailSender {
  async send(message: EmailMessage): Promise<void> {
    console.log(
      [
        '┌─ email (LogOnlySender: not delivered) ─────────────────────────────',
        `│ to: ${message.to}`,
        `│ subject: ${message.subject}`,
        `│ tag: ${message.tag}`,
        '│',
        ...message.text.split('\n').map((line) => `│ ${line}`),
        '└────────────────────────────────────────────────────────────────────',
      ].join('\n'),
    );
  }
}

/**
 * In-memory twin for tests: messages land in `memoryMailbox`, readable from tests running in the same isolate.
 * `failNext` makes the next sends throw, as a provider outage would.
 */
export const memoryMailbox = {
  messages: [] as EmailMessage[],
  failures: 0,
  to(address: string): EmailMessage[] {
    return this.messages.filter((m) => m.to === address);
  },
  last(address: string): EmailMessage | undefined {
    return this.to(address).at(-1);
  },
  failNext(count = 1): void {
    this.failures = count;
  },
};

export class MemorySender implements EmailSender {
  async send(message: EmailMessage): Promise<void> {
    if (memoryMailbox.failures > 0) {
      memoryMailbox.failures--;
      log('warn', 'memory sender: simulated provider failure', { tag: message.tag });
      throw new Error('simulated email provider failure');
    }
    memoryMailbox.messages.push(message);
  }
}
