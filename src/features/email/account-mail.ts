import type { EmailMessage } from '../../platform/adapters/email.ts';
import type { Deps } from '../../platform/deps.ts';
import { ApiError } from '../../lib/errors.ts';
import { log } from '../../platform/log.ts';
import { loggableError } from '../../db/errors.ts';

/** Sends or fails closed: a provider failure is a 503, and callers send before they write anything. */
export async function sendOrFail(deps: Deps, message: EmailMessage): Promise<void> {
  try {
    await deps.mailer.send(message);
  } catch (err) {
    log('error', 'email provider failed', { tag: message.tag, ...loggableError(err) });
    throw new ApiError('service_unavailable', 'The email could not be sent. Nothing was changed; try again shortly.', { cause: err });
  }
}
