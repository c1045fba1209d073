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

/** In-memory twin (IDENTSPHERE_EMAIL_PROVIDER=memory): messages land in `memoryMailbox`, readable in the same isolate. */
export const memoryMailbox = {
  messages: [] as EmailMessage[],
};

export class MemorySender implements EmailSender {
  async send(message: EmailMessage): Promise<void> {
    memoryMailbox.messages.push(message);
  }
}
