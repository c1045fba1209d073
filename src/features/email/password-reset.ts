import { and, eq, sql } from 'drizzle-orm';
import { hashPassword } from '../../crypto/password.ts';
import { sha256Hex } from '../../crypto/tokens.ts';
import { isDisabled } from '../../db/account-status.ts';
import { insertWhere } from '../../db/insert-where.ts';
import { ApiError } from '../../lib/errors.ts';
import type { Deps } from '../../platform/deps.ts';
import { assertPasswordNotBreached } from '../accounts/breached-password.ts';
import { auditInsert, auditValues, type RequestContext } from '../audit/audit.ts';
import { evict } from '../sessions/session-management.ts';
import { bumpCredentialVersion } from '../sign-in/credential-version.ts';
import { addressUnverified, endPriorCredentials, type PriorCredentialsEnd } from '../sign-in/prior-credentials.ts';
import { enqueueEmail } from './email-jobs.ts';
import { recipientLocale } from './locale.ts';
import { passwordResetMessage } from './messages.ts';
import { consumeTokenWithResults, findLiveToken, issueToken } from './one-time-tokens.ts';

export const RESET_TOKEN_TTL_SECONDS = 3600;

/**
 * Forgot password, run in the background after the (identical) 202: for an unknown or disabled address it
 * does nothing. The token is stored (superseding the account's earlier ones), then its email is queued; the
 * consumer sends it only while this token is still the live one. If the queue refuses, it is withdrawn.
 */
export async function requestPasswordReset(deps: Deps, ctx: RequestContext, email: string): Promise<void> {
  const { db, t } = deps;
  const [user] = await db
    .select({ id: t.users.id, disabledAt: t.users.disabledAt, disabledUntil: t.users.disabledUntil })
    .from(t.users)
    .where(eq(t.users.email, email));
  if (!user || isDisabled(user, deps.clock.now())) return;
  const issued = await issueToken(deps, { userId: user.id, purpose: 'password_reset', ttlSeconds: RESET_TOKEN_TTL_SECONDS });
  const locale = await recipientLocale(deps, ctx, { userId: user.id });
  const message = passwordResetMessage(deps.config, locale, email, issued.token, RESET_TOKEN_TTL_SECONDS / 60);
  await db.batch([...issued.statements, auditInsert(deps, ctx, 'password.reset_requested', { userId: user.id })]);
  const tokenHash = await sha256Hex(issued.token);
  try {
    await enqueueEmail(deps, message, { tokenHash });
  } catch (err) {
    await db.delete(t.oneTimeTokens).where(eq(t.oneTimeTokens.tokenHash, tokenHash));
    throw err;
  }
}

export interface ResetDone {
  userId: string;
  email: string;
}

/**
 * Sets a new password with a reset token, atomically with the token's consumption: the password, the
 * cleared brute-force backoff, the deletion of every session and the audit event apply for exactly one
 * submission of the token. The link reached the inbox, so the address is verified too; if it never was
 * before, every other credential set up before this proof ends with it (pre-hijacking, see
 * prior-credentials.ts). Then the revoked sessions leave the cache. It does not sign the user in.
 */
export async function resetPassword(deps: Deps, ctx: RequestContext, input: { token: string; password: string }): Promise<ResetDone> {
  const { db, t } = deps;
  // A dead link costs no argon2 hash (nor a breach lookup): check it before the expensive work.
  if (!(await findLiveToken(deps, 'password_reset', input.token))) throw new ApiError('invalid_token');
  await assertPasswordNotBreached(deps, input.password);
  const passwordHash = await hashPassword(input.password);
  const now = deps.clock.now();
  let prior: PriorCredentialsEnd | undefined;
  const consumed = await consumeTokenWithResults(deps, 'password_reset', input.token, (guard, row) => {
    prior = endPriorCredentials(deps, ctx, {
      userId: row.userId,
      when: and(guard, addressUnverified(deps, row.userId))!,
      via: 'password_reset',
    });
    return [
      // Every sign-in in flight with the old password is void; the user row is locked first (lock order).
      bumpCredentialVersion(deps, row.userId, guard),
      ...prior.statements,
      db
        .update(t.users)
        // The backoff is cleared: a locked-out user recovers by proving control of the mailbox.
        .set({
          passwordHash,
          failedLoginCount: 0,
          lockedUntil: null,
          emailVerifiedAt: sql`coalesce(${t.users.emailVerifiedAt}, ${now.toISOString()}::timestamptz)`,
          updatedAt: now,
        })
        .where(and(eq(t.users.id, row.userId), guard))
        .returning({ email: t.users.email }),
      db
        .delete(t.sessions)
        .where(and(eq(t.sessions.userId, row.userId), guard))
        .returning({ tokenHash: t.sessions.tokenHash }),
      insertWhere(db, t.auditLogs, auditValues(deps, ctx, 'password.reset', { userId: row.userId }), guard),
    ];
  });
  if (!consumed || !prior) throw new ApiError('invalid_token');
  const n = prior.statements.length;
  const [updated, revoked] = consumed.results.slice(n + 1) as [{ email: string }[], { tokenHash: string }[]];
  await evict(deps, [...prior.revokedSessions(consumed.results, 1), ...revoked.map((s) => s.tokenHash)]);
  return { userId: consumed.row.userId, email: updated[0]!.email };
}
