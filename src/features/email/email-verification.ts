import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { sha256Hex } from '../../crypto/tokens.ts';
import { insertWhere } from '../../db/insert-where.ts';
import { ApiError, rateLimited } from '../../lib/errors.ts';
import type { Deps } from '../../platform/deps.ts';
import { auditInsert, auditValues, type RequestContext } from '../audit/audit.ts';
import { evict } from '../sessions/session-management.ts';
import type { ValidSession } from '../sessions/sessions.ts';
import { endPriorCredentials, type PriorCredentialsEnd } from '../sign-in/prior-credentials.ts';
import { sendOrUnavailable } from './email-delivery.ts';
import { enqueueEmail } from './email-jobs.ts';
import { recipientLocale } from './locale.ts';
import { verifyEmailMessage } from './messages.ts';
import { consumeTokenWithResults, type IssuedToken, issueToken } from './one-time-tokens.ts';

export const VERIFY_EMAIL_TTL_SECONDS = 24 * 3600;
/** At most one verification email per account per this many seconds. */
export const VERIFY_EMAIL_RESEND_SECONDS = 60;

/** A verification token bound to the user and to the address it is sent to (statements for a batch). */
export function issueVerificationToken(deps: Deps, userId: string, email: string): Promise<IssuedToken> {
  return issueToken(deps, { userId, purpose: 'verify_email', ttlSeconds: VERIFY_EMAIL_TTL_SECONDS, payload: { email } });
}

async function message(deps: Deps, ctx: RequestContext, userId: string, email: string, token: string) {
  const locale = await recipientLocale(deps, ctx, { userId });
  return verifyEmailMessage(deps.config, locale, email, token, VERIFY_EMAIL_TTL_SECONDS / 3600);
}

/**
 * Queues the email of the token registration stored (sent while the token is live). If the queue refuses
 * it, or the provider never takes it (email-jobs.ts), the token is withdrawn so the resend window does not
 * stop the user from asking again at once.
 */
export async function deliverRegistrationVerification(
  deps: Deps,
  ctx: RequestContext,
  user: { id: string; email: string },
  token: string,
): Promise<void> {
  const tokenHash = await sha256Hex(token);
  try {
    await enqueueEmail(deps, await message(deps, ctx, user.id, user.email, token), { tokenHash });
  } catch (err) {
    const tokens = deps.t.oneTimeTokens;
    await deps.db.delete(tokens).where(eq(tokens.tokenHash, tokenHash));
    throw err;
  }
}

/**
 * A signed-in user asks for a (new) verification email. Sent synchronously: a provider failure is a 503
 * and nothing is written (the previous link keeps working). Already verified: nothing to do.
 */
export async function requestEmailVerification(deps: Deps, ctx: RequestContext, current: ValidSession): Promise<void> {
  const { db, t } = deps;
  const userId = current.record.user.id;
  const now = deps.clock.now();
  const tokens = t.oneTimeTokens;
  const [user] = await db.select({ email: t.users.email, verifiedAt: t.users.emailVerifiedAt }).from(t.users).where(eq(t.users.id, userId));
  if (!user || user.verifiedAt) return;
  const [recent] = await db
    .select({ createdAt: tokens.createdAt })
    .from(tokens)
    .where(and(eq(tokens.userId, userId), eq(tokens.purpose, 'verify_email'), isNull(tokens.consumedAt)))
    .orderBy(desc(tokens.createdAt))
    .limit(1);
  const wait = recent ? Math.ceil(VERIFY_EMAIL_RESEND_SECONDS - (now.getTime() - recent.createdAt.getTime()) / 1000) : 0;
  if (wait > 0) throw rateLimited(wait);

  const issued = await issueVerificationToken(deps, userId, user.email);
  // Send first, then store: if the provider fails, nothing changed (and the previous link still works).
  await sendOrUnavailable(deps, await message(deps, ctx, userId, user.email, issued.token));
  await db.batch([...issued.statements, auditInsert(deps, ctx, 'email.verification_sent', { userId })]);
}

export interface EmailVerified {
  /** Whether this proof ended credentials set up before it (see endPriorCredentials). */
  priorCredentialsRevoked: boolean;
}

/**
 * Consumes a verification token. It verifies the address it was sent to, and only while that is still the
 * account's address (a link mailed before an email change must not verify the new address).
 * Pre-hijacking: when the visitor does not hold a session of this account, the one who registered the
 * address may not be the one reading its mail — so on an address never verified before, every credential
 * and session set up before this proof ends (password included; the owner sets one with a reset or signs in
 * with an email code). A visitor signed in to the account is its registrant confirming: nothing ends.
 */
export async function verifyEmail(deps: Deps, ctx: RequestContext, token: string, visitor: ValidSession | null): Promise<EmailVerified> {
  const { db, t } = deps;
  const now = deps.clock.now();
  let prior: PriorCredentialsEnd | null = null;
  const consumed = await consumeTokenWithResults(deps, 'verify_email', token, (guard, row) => {
    const sameAddress = and(eq(t.users.id, row.userId), eq(t.users.email, String(row.payload.email)));
    const verified = sql`${guard} and exists (select 1 from ${t.users} where ${sameAddress})`;
    const unverified = sql`${guard} and exists (select 1 from ${t.users} where ${sameAddress} and ${t.users.emailVerifiedAt} is null)`;
    prior =
      visitor?.record.user.id === row.userId
        ? null
        : endPriorCredentials(deps, ctx, { userId: row.userId, when: unverified, via: 'verification_link' });
    return [
      ...(prior?.statements ?? []),
      db
        .update(t.users)
        .set({ emailVerifiedAt: sql`coalesce(${t.users.emailVerifiedAt}, ${now.toISOString()}::timestamptz)`, updatedAt: now })
        .where(and(sameAddress, guard))
        .returning({ id: t.users.id }),
      insertWhere(db, t.auditLogs, auditValues(deps, ctx, 'email.verified', { userId: row.userId }), verified),
    ];
  });
  const ended = prior as PriorCredentialsEnd | null;
  const offset = ended?.statements.length ?? 0;
  if (!consumed || !(consumed.results[offset] as unknown[]).length) throw new ApiError('invalid_token');
  const revoked = ended ? ended.revokedSessions(consumed.results, 0) : [];
  // Cached sessions still say email_verified: false; drop them so the next check reads the truth.
  const live = await db
    .select({ tokenHash: t.sessions.tokenHash })
    .from(t.sessions)
    .where(and(eq(t.sessions.userId, consumed.row.userId), gt(t.sessions.expiresAt, now)));
  await evict(deps, [...revoked, ...live.map((s) => s.tokenHash)]);
  return { priorCredentialsRevoked: ended?.credentialVersion(consumed.results, 0) !== undefined };
}
