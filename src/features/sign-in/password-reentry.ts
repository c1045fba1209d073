import { eq } from 'drizzle-orm';
import { verifyPassword } from '../../crypto/password.ts';
import { ApiError, type ErrorCode } from '../../lib/errors.ts';
import { enforceLimits } from '../../platform/adapters/rate-limiter.ts';
import type { Deps } from '../../platform/deps.ts';
import { auditInsert, type RequestContext } from '../audit/audit.ts';
import type { ValidSession } from '../sessions/sessions.ts';
import { countFailedPassword, DUMMY_HASH } from './password-login.ts';

/** A session signed into this recently counts as a fresh authentication (security requirement 9). */
export const FRESH_SESSION_SECONDS = 5 * 60;

/**
 * Checks the signed-in user's password, typed again to confirm a sensitive change. A re-entry is a password
 * guess like a login (a stolen session would otherwise be an unthrottled oracle), so it is treated as one:
 * it goes through the login rate limits (per IP and per IP+account), is refused while the account is backed
 * off, and a wrong password counts towards the same per-account backoff and is audited
 * (`password.reentry_failed`). Every failure is `failure` (the caller's error code), whatever the reason.
 */
export async function verifyPasswordReentry(
  deps: Deps,
  ctx: RequestContext,
  current: ValidSession,
  password: string,
  failure: ErrorCode = 'reauthentication_required',
  // Signed in to this very account, the caller learns nothing from "no password" (password change says so).
  noPassword: ErrorCode = failure,
): Promise<{ email: string; passwordHash: string }> {
  const { id: userId, email } = current.record.user;
  await enforceLimits(deps.rateLimiters, 'login', ctx.ip, email);
  const { db, t } = deps;
  const [user] = await db
    .select({ email: t.users.email, passwordHash: t.users.passwordHash, lockedUntil: t.users.lockedUntil })
    .from(t.users)
    .where(eq(t.users.id, userId));
  if (!user) throw new ApiError('unauthorized');
  // The same work whether or not the account has a password or is backed off.
  const passwordOk = await verifyPassword(user.passwordHash ?? DUMMY_HASH, password);
  if (user.lockedUntil && user.lockedUntil > deps.clock.now()) {
    // Backed off: checked but not honoured, right or wrong (like a login).
    await auditInsert(deps, ctx, 'password.reentry_failed', {
      userId,
      metadata: { reason: 'backoff', locked_until: user.lockedUntil.toISOString() },
    });
    throw new ApiError(failure);
  }
  if (!user.passwordHash || !passwordOk) {
    await db.batch([
      countFailedPassword(deps, userId),
      auditInsert(deps, ctx, 'password.reentry_failed', {
        userId,
        metadata: { reason: user.passwordHash ? 'wrong_password' : 'no_password' },
      }),
    ]);
    throw new ApiError(user.passwordHash ? failure : noPassword);
  }
  return { email: user.email, passwordHash: user.passwordHash };
}

/**
 * Sensitive account changes (email, deletion, factors, linking) need proof that the person at the keyboard is
 * the account holder, not someone holding a stolen cookie: the current password (a re-entry, see above), or a
 * session created by a sign-in within the last few minutes (users without a password sign in again).
 */
export async function requireFreshAuth(
  deps: Deps,
  ctx: RequestContext,
  current: ValidSession,
  password: string | undefined,
): Promise<'password' | 'fresh_session'> {
  if (password !== undefined) {
    await verifyPasswordReentry(deps, ctx, current, password);
    return 'password';
  }
  if (isFreshSession(deps, current)) return 'fresh_session';
  throw new ApiError('reauthentication_required');
}

export function isFreshSession(deps: Deps, current: ValidSession): boolean {
  const age = deps.clock.now().getTime() - Date.parse(current.record.session.created_at);
  return age >= 0 && age <= FRESH_SESSION_SECONDS * 1000;
}
