import { and, eq, gt, isNull, ne } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { sha256Hex } from '../../crypto/tokens.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { insertWhere } from '../../db/insert-where.ts';
import { ApiError } from '../../lib/errors.ts';
import { enforceLimit } from '../../platform/adapters/rate-limiter.ts';
import type { Deps } from '../../platform/deps.ts';
import { auditInsert, auditValues, type RequestContext } from '../audit/audit.ts';
import { evictUserSessions } from '../sessions/session-cache-eviction.ts';
import { sendOrUnavailable } from './email-delivery.ts';
import { recipientLocale } from './locale.ts';
import { emailChangeAddressInUse, emailChangedMessage, emailChangeVerification } from './messages.ts';
import { consumeToken, issueToken } from './one-time-tokens.ts';

export const EMAIL_CHANGE_TTL_SECONDS = 60 * 60;

/**
 * Starts an email change (the caller has checked fresh authentication): sends the link to the new address,
 * then returns the statements to write in the caller's batch. If the address belongs to another account,
 * its owner is told instead and no token is issued — the requester sees the same answer either way.
 */
export async function prepareEmailChange(
  deps: Deps,
  ctx: RequestContext,
  user: { id: string; email: string },
  newEmail: string,
): Promise<BatchItem<'pg'>[]> {
  const { db, t } = deps;
  // Each request sends an email to an address of the requester's choosing: limited like other email sends.
  await enforceLimit(deps.rateLimiters.emailOtp, `email-change:${user.id}`);
  const audit = auditInsert(deps, ctx, 'user.email_change_requested', { userId: user.id });
  const [taken] = await db.select({ id: t.users.id }).from(t.users).where(eq(t.users.email, newEmail));
  if (taken) {
    // Written in the language of the address's own account, not the requester's.
    await sendOrUnavailable(deps, emailChangeAddressInUse(deps.config, await recipientLocale(deps, ctx, { email: newEmail }), newEmail));
    return [audit];
  }
  const issued = await issueToken(deps, {
    userId: user.id,
    purpose: 'email_change',
    ttlSeconds: EMAIL_CHANGE_TTL_SECONDS,
    payload: { new_email: newEmail },
  });
  const locale = await recipientLocale(deps, ctx, { userId: user.id });
  await sendOrUnavailable(deps, emailChangeVerification(deps.config, locale, newEmail, issued.token, EMAIL_CHANGE_TTL_SECONDS / 60));
  return [...issued.statements, audit];
}

/**
 * Completes an email change from the link: the new address is now verified, the old address is told, and
 * every other pending link of the account (password reset, verification) dies — they went to the old
 * mailbox. Single use under concurrency (consumeToken); needs no session (the link may open elsewhere).
 */
export async function confirmEmailChange(deps: Deps, ctx: RequestContext, token: string): Promise<string> {
  const { db, t } = deps;
  const now = deps.clock.now();
  const tokens = t.oneTimeTokens;
  const [pending] = await db
    .select({ userId: tokens.userId, payload: tokens.payload, oldEmail: t.users.email })
    .from(tokens)
    .innerJoin(t.users, eq(t.users.id, tokens.userId))
    .where(
      and(
        eq(tokens.tokenHash, await sha256Hex(token)),
        eq(tokens.purpose, 'email_change'),
        isNull(tokens.consumedAt),
        gt(tokens.expiresAt, now),
      ),
    );
  const newEmail = pending?.payload.new_email;
  if (!pending || typeof newEmail !== 'string') throw new ApiError('invalid_token');
  const [taken] = await db
    .select({ id: t.users.id })
    .from(t.users)
    .where(and(eq(t.users.email, newEmail), ne(t.users.id, pending.userId)));
  if (taken) throw new ApiError('email_taken');

  // Told before the change commits: if the old owner cannot be told, nothing changes (fails closed).
  const locale = await recipientLocale(deps, ctx, { userId: pending.userId });
  await sendOrUnavailable(deps, emailChangedMessage(deps.config, locale, pending.oldEmail, newEmail, now));
  let consumed;
  try {
    consumed = await consumeToken(deps, 'email_change', token, (guard, row) => [
      db
        .update(t.users)
        .set({ email: newEmail, emailVerifiedAt: now, updatedAt: now })
        .where(and(eq(t.users.id, row.userId), guard)),
      db.delete(tokens).where(and(eq(tokens.userId, row.userId), isNull(tokens.consumedAt), guard)),
      insertWhere(db, t.auditLogs, auditValues(deps, ctx, 'user.email_changed', { userId: row.userId }), guard),
    ]);
  } catch (err) {
    if (isUniqueViolation(err, 'users_email_key')) throw new ApiError('email_taken');
    throw err;
  }
  if (!consumed) throw new ApiError('invalid_token');
  await evictUserSessions(deps, [consumed.userId]);
  return consumed.userId;
}
