import { loggableError } from '../../db/errors.ts';
import { ApiError } from '../../lib/errors.ts';
import type { EmailMessage } from '../../platform/adapters/email.ts';
import type { Deps } from '../../platform/deps.ts';
import { log } from '../../platform/log.ts';

/**
 * A send the client waits for: a provider failure (4xx, 5xx, timeout) becomes 503 `service_unavailable`.
 * Callers send before writing anything, so the failure leaves no trace to clean up.
 */
export async function sendOrUnavailable(deps: Deps, message: EmailMessage): Promise<void> {
  try {
    await deps.mailer.send(message);
  } catch (err) {
    log('error', 'email provider failed', { tag: message.tag, ...loggableError(err) });
    throw new ApiError('service_unavailable', 'The email could not be sent. Nothing was changed; try again shortly.', { cause: err });
  }
}
