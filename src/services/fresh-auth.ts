import { eq } from 'drizzle-orm';
import type { Deps } from '../deps.ts';
import { ApiError } from '../lib/errors.ts';
import { verifyPassword } from '../lib/password.ts';
import type { ValidSession } from './sessions.ts';

/** A session signed into this recently counts as a fresh authentication (security requirement 9). */
export const FRESH_SESSION_SECONDS = 5 * 60;

/**
 * Sensitive account changes (email, deletion) need proof that the person at the keyboard is the account
 * holder, not someone holding a stolen cookie: the current password, or a session created by a sign-in
 * within the last few minutes (users without a password sign in again).
 */
export async function requireFreshAuth(deps: Deps, current: ValidSession, password: string | undefined): Promise<'password' | 'fresh_session'> {
  const userId = current.record.user.id;
  if (password !== undefined) {
    // Each attempt costs an argon2 hash and guesses the password: limited per account like a login.
    if (!(await deps.rateLimiters.account.limit(`reauth:${userId}`))) {
      throw new ApiError('rate_limited', undefined, { headers: { 'Retry-After': String(deps.rateLimiters.account.periodSeconds) } });
    }
    const [user] = await deps.db.select({ hash: deps.t.users.passwordHash }).from(deps.t.users).where(eq(deps.t.users.id, userId));
    if (!user?.hash || !(await verifyPassword(user.hash, password))) {
      throw new ApiError('reauthentication_required', 'The password is not correct.');
    }
    return 'password';
  }
  const age = deps.clock.now().getTime() - Date.parse(current.record.session.created_at);
  if (age >= 0 && age <= FRESH_SESSION_SECONDS * 1000) return 'fresh_session';
  throw new ApiError('reauthentication_required');
}
