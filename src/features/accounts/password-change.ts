import { and, eq, ne, sql } from 'drizzle-orm';
import { hashPassword } from '../../crypto/password.ts';
import { insertWhere } from '../../db/insert-where.ts';
import { ApiError } from '../../lib/errors.ts';
import type { Deps } from '../../platform/deps.ts';
import { auditValues, type RequestContext } from '../audit/audit.ts';
import { enqueueEmail } from '../email/email-jobs.ts';
import { recipientLocale } from '../email/locale.ts';
import { passwordChangedMessage } from '../email/messages.ts';
import { evict } from '../sessions/session-management.ts';
import type { ValidSession } from '../sessions/sessions.ts';
import { bumpCredentialVersion } from '../sign-in/credential-version.ts';
import { verifyPasswordReentry } from '../sign-in/password-reentry.ts';
import { assertPasswordNotBreached } from './breached-password.ts';

/** "Your password was changed" (after a change or a reset): the owner learns of it even if it was not them. */
export async function sendPasswordChanged(deps: Deps, ctx: RequestContext, user: { userId: string; email: string }): Promise<void> {
  const locale = await recipientLocale(deps, ctx, { userId: user.userId });
  await enqueueEmail(deps, passwordChangedMessage(deps.config, locale, user.email, deps.clock.now()));
}

/**
 * Changes the signed-in user's password. The current password is required (a stolen session alone must
 * not be enough to take the account over); it is a password re-entry (rate limits, backoff, audit). Every
 * other session is revoked; this one stays.
 */
export async function changePassword(
  deps: Deps,
  ctx: RequestContext,
  current: ValidSession,
  input: { current_password: string; new_password: string },
): Promise<{ email: string }> {
  const { db, t } = deps;
  const userId = current.record.user.id;
  const now = deps.clock.now();
  const { email, passwordHash } = await verifyPasswordReentry(
    deps,
    ctx,
    current,
    input.current_password,
    'invalid_password',
    'password_not_set',
  );
  await assertPasswordNotBreached(deps, input.new_password);
  const newHash = await hashPassword(input.new_password);
  // Conditional on the hash just verified: a concurrent change wins once, and only the winner revokes.
  const changed = sql`exists (select 1 from ${t.users} where ${t.users.id} = ${userId} and ${t.users.passwordHash} = ${newHash})`;
  const [, updated, revoked] = await db.batch([
    // First: the user row lock, and every sign-in in flight with the old password is void.
    bumpCredentialVersion(deps, userId),
    db
      .update(t.users)
      .set({ passwordHash: newHash, failedLoginCount: 0, lockedUntil: null, updatedAt: now })
      .where(and(eq(t.users.id, userId), eq(t.users.passwordHash, passwordHash)))
      .returning({ id: t.users.id }),
    db
      .delete(t.sessions)
      .where(and(eq(t.sessions.userId, userId), ne(t.sessions.id, current.record.session.id), changed))
      .returning({ tokenHash: t.sessions.tokenHash }),
    insertWhere(db, t.auditLogs, auditValues(deps, ctx, 'password.changed', { userId }), changed),
  ]);
  if (!updated.length) throw new ApiError('invalid_password');
  await evict(
    deps,
    revoked.map((s) => s.tokenHash),
  );
  return { email };
}
