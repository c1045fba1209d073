import { and, eq, gt, isNull, lt, lte, not, sql } from 'drizzle-orm';
import { randomToken, sha256Hex } from '../../crypto/tokens.ts';
import { disabledSql, isDisabled } from '../../db/account-status.ts';
import { insertWhere } from '../../db/insert-where.ts';
import { ApiError } from '../../lib/errors.ts';
import type { Deps } from '../../platform/deps.ts';
import { auditInsert, auditValues, type RequestContext } from '../audit/audit.ts';
import { enqueueEmail } from '../email/email-jobs.ts';
import { recipientLocale } from '../email/locale.ts';
import { emailOtpMessage } from '../email/messages.ts';
import { mfaStatusColumns, mfaStatusOf } from '../mfa/mfa-pending.ts';
import { evict } from '../sessions/session-management.ts';
import { addressUnverified, endPriorCredentials } from './prior-credentials.ts';
import { completeSignIn, firstOrganizationColumn, organizationRead } from './sign-in.ts';
import type { SignInResult } from './sign-in-types.ts';

export const OTP_TTL_SECONDS = 600;
export const OTP_MAX_ATTEMPTS = 5;
/** At most one code email per address per this many seconds. */
export const OTP_RESEND_SECONDS = 60;

/** Six uniformly random digits (rejection sampling: no modulo bias). */
export function generateOtp(): string {
  const limit = 2 ** 32 - (2 ** 32 % 1_000_000);
  for (;;) {
    const [n] = crypto.getRandomValues(new Uint32Array(1));
    if (n! < limit) return String(n! % 1_000_000).padStart(6, '0');
  }
}

/**
 * Stored form of a code, bound to its address. A million codes are quickly enumerated from a leaked hash,
 * so the protection of a code is its 10-minute life and 5 attempts; the hash keeps it out of plain sight.
 */
export function otpHash(email: string, code: string): Promise<string> {
  return sha256Hex(`email-otp:${email}:${code}`);
}

/**
 * Email sign-in code request, run in the background after the (identical) 202. Unknown or disabled
 * addresses: nothing is stored or sent. Otherwise one conditional upsert claims the resend window and
 * replaces the previous code (which stops working); only the request that claimed it queues the email,
 * sent while the code is live. If the queue refuses it or the provider never takes it (email-jobs.ts), the
 * code is withdrawn, so the user can ask again at once instead of waiting out the window for it.
 */
export async function requestEmailOtp(deps: Deps, ctx: RequestContext, email: string): Promise<void> {
  const { db, t } = deps;
  const codes = t.emailOtpCodes;
  const [user] = await db
    .select({ id: t.users.id, disabledAt: t.users.disabledAt, disabledUntil: t.users.disabledUntil })
    .from(t.users)
    .where(eq(t.users.email, email));
  if (!user || isDisabled(user, deps.clock.now())) return;
  const now = deps.clock.now();
  const code = generateOtp();
  const codeHash = await otpHash(email, code);
  const fresh = {
    userId: user.id,
    codeHash,
    attempts: 0,
    consumedBy: null,
    expiresAt: new Date(now.getTime() + OTP_TTL_SECONDS * 1000),
    createdAt: now,
  };
  const ours = sql`exists (select 1 from ${codes} where ${codes.email} = ${email} and ${codes.codeHash} = ${codeHash})`;
  const [claimed] = await db.batch([
    db
      .insert(codes)
      .values({ email, ...fresh })
      .onConflictDoUpdate({
        target: codes.email,
        set: fresh,
        setWhere: lte(codes.createdAt, new Date(now.getTime() - OTP_RESEND_SECONDS * 1000)),
      })
      .returning({ email: codes.email }),
    insertWhere(db, t.auditLogs, auditValues(deps, ctx, 'email_otp.requested', { userId: user.id }), ours),
  ]);
  if (!claimed.length) return; // a code was sent less than a minute ago: no second email
  try {
    const locale = await recipientLocale(deps, ctx, { userId: user.id });
    await enqueueEmail(deps, emailOtpMessage(deps.config, locale, email, code, OTP_TTL_SECONDS / 60), { otp: { email, codeHash } });
  } catch (err) {
    await db.batch([
      db.delete(codes).where(and(eq(codes.email, email), eq(codes.codeHash, codeHash))),
      auditInsert(deps, ctx, 'email_otp.delivery_failed', { userId: user.id }),
    ]);
    throw err;
  }
}

/**
 * Verifies a code and signs in, in two round trips. The first is the same for every address, known or not
 * (timing must not reveal accounts): one batch whose conditional UPDATE counts the attempt (only while fewer
 * than 5 were made, the code is live and unused) and, when the code matches and the account is enabled,
 * marks it consumed by this request; a failure is audited (its user and reason resolved inside the
 * statement). In the same transaction, only where this request holds the mark: the first proof of an
 * unverified address ends every credential set up before it, the address is marked verified, and the account
 * (with its first organization and MFA status — after that wipe, so a second factor someone else enrolled
 * cannot lock the owner out) is read. The second is the sign-in's batch, which creates the session only
 * while the mark is still there. So at most 5 guesses count however many race, a dead code refuses even
 * the right digits, and one code yields at most one session.
 */
export async function verifyEmailOtp(deps: Deps, ctx: RequestContext, input: { email: string; code: string }): Promise<SignInResult> {
  const { db, t } = deps;
  const { users } = t;
  const codes = t.emailOtpCodes;
  const now = deps.clock.now();
  const codeHash = await otpHash(input.email, input.code);
  const marker = randomToken(16);
  const live = and(eq(codes.email, input.email), isNull(codes.consumedBy), lt(codes.attempts, OTP_MAX_ATTEMPTS), gt(codes.expiresAt, now));
  const enabled = sql`not exists (select 1 from ${users} where ${users.id} = ${codes.userId} and ${disabledSql(users, now)})`;
  const consumedByUs = sql`exists (select 1 from ${codes} where ${codes.email} = ${input.email} and ${codes.consumedBy} = ${marker})`;
  const owner = sql`select ${users.id} from ${users} where ${users.email} = ${input.email}`;
  const reason = sql`jsonb_build_object('reason', case when not exists (${owner}) then 'unknown_email'
    when exists (${owner} and ${disabledSql(users, now)}) then 'disabled' else 'wrong_or_dead_code' end)`;
  const ownerId = sql`(${owner})`;
  const failed = { ...auditValues(deps, ctx, 'email_otp.failed'), userId: ownerId, metadata: reason };
  // First proof of this mailbox: whatever was set up on the account before it (by whoever registered the
  // address) ends, password included, atomically with the consumption of the code.
  const prior = endPriorCredentials(deps, ctx, {
    userId: ownerId,
    when: and(consumedByUs, addressUnverified(deps, ownerId))!,
    via: 'email_otp',
  });
  const counting = [
    // The lock order (credential-version.ts): the user row before the code row (deleted with the account).
    db.execute(sql`select 1 from ${users} where ${users.email} = ${input.email} for no key update`),
    db
      .update(codes)
      .set({
        attempts: sql`${codes.attempts} + 1`,
        consumedBy: sql`case when ${codes.codeHash} = ${codeHash} and ${enabled} then ${marker} end`,
      })
      .where(live),
    insertWhere(db, t.auditLogs, failed, not(consumedByUs)),
  ] as const;
  // The code reached this inbox: the address is proven. After the wipe, whose guard reads it.
  const markVerified = db
    .update(users)
    .set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${now.toISOString()}::timestamptz)` })
    .where(and(eq(users.email, input.email), consumedByUs));
  const account = db
    .select({ u: users, organization: firstOrganizationColumn(deps, users.id), ...mfaStatusColumns(deps, users.id) })
    .from(users)
    // Only for the request holding the mark (a join, not a subquery: see firstOrganizationColumn).
    .innerJoin(codes, and(eq(codes.email, input.email), eq(codes.consumedBy, marker)))
    .where(eq(users.email, input.email));
  const results = await db.batch([...counting, ...prior.statements, markVerified, account]);
  const row = (results.at(-1) as Awaited<typeof account>)[0];
  if (!row) throw new ApiError('invalid_code');
  await evict(deps, prior.revokedSessions(results, counting.length));
  const outcome = await completeSignIn(deps, ctx, {
    // Read after the wipe: its credential version voids sign-ins proven before it; this one is proven after it.
    user: row.u,
    method: 'email_otp',
    organization: organizationRead(row.organization),
    mfa: mfaStatusOf(row),
    commit: {
      statements: [],
      guard: {
        kind: 'secret_consumed',
        condition: consumedByUs,
        // Last: the condition reads the consumed row.
        cleanup: [db.delete(codes).where(and(eq(codes.email, input.email), eq(codes.consumedBy, marker)))],
      },
    },
    auditMetadata: {},
  });
  if (outcome.ok) return outcome.result;
  switch (outcome.reason) {
    // Our mark is gone (a new code replaced this one meanwhile): the attempt counted, no session.
    case 'guard_failed':
      throw new ApiError('invalid_code');
    case 'credentials_changed':
      throw new ApiError('invalid_credentials');
  }
}
