import { loggableError } from '../../db/errors.ts';
import { ApiError } from '../../lib/errors.ts';
import type { Deps } from '../../platform/deps.ts';
import { log } from '../../platform/log.ts';

/**
 * Refuses a new password found in a breach corpus (IDENTSPHERE_BREACHED_PASSWORD_CHECK=true) with 422
 * `password_breached`. When the service cannot answer, the password is allowed and a warning logged: an
 * outage of a third party must not stop people from signing up or recovering their account.
 */
export async function assertPasswordNotBreached(deps: Deps, password: string): Promise<void> {
  let breached: boolean;
  try {
    breached = await deps.breachedPasswords.isBreached(password);
  } catch (err) {
    log('warn', 'breached-password check unavailable: password allowed unchecked', loggableError(err));
    return;
  }
  if (breached) throw new ApiError('password_breached');
}
