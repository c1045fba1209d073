import { and, asc, eq, gt, isNull, lt, lte, not, sql } from 'drizzle-orm';
import { randomToken, sha256Hex } from '../../crypto/tokens.ts';
import { disabledSql, isDisabled } from '../../db/account-status.ts';
import { insertWhere } from '../../db/insert-where.ts';
import { ApiError } from '../../lib/errors.ts';
import type { Deps } from '../../platform/deps.ts';
import { auditInsert, auditValues, type RequestContext } from '../audit/audit.ts';
import { enqueueEmail } from '../email/email-jobs.ts';
import { recipientLocale } from '../email/locale.ts';
import { emailOtpMessage } from '../email/messages.ts';
import { evict } from '../sessions/session-management.ts';
import { addressUnverified, endPriorCredentials } from './prior-credentials.ts';
import { completeSignIn } from './sign-in.ts';
import type { OrganizationChoice, SignInResult } from './sign-in-types.ts';

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

async function findUser(deps: Deps, email: string) {
  const { db, t } = deps;
  const [row] = await db
    .select({ u: t.users, orgId: t.memberships.organizationId, orgName: t.organizations.name, role: t.memberships.role })
    .from(t.users)
    .leftJoin(t.memberships, eq(t.memberships.userId, t.users.id))
    .leftJoin(t.organizations, eq(t.organizations.id, t.memberships.organizationId))
    .where(eq(t.users.email, email))
    .orderBy(asc(t.memberships.createdAt))
    .limit(1);
  return row;
}

/**
 * Verifies a code and signs in. The first round trip is the same for every address, known or not (timing
 * must not reveal accounts): one conditional UPDATE counts the attempt (only while fewer than 5 were made,
 * the code is live and unused) and, when the code matches and the account is enabled, marks it consumed by
 * this request; in the same batch a failure is audited (its user and reason resolved inside the statement).
 * Only the request holding the mark goes on to read the account and create the session, which commits
 * only while the mark is still there. So at most 5 guesses count however many race, a dead code refuses
 * even the right digits, and one code yields at most one session.
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
  const failed = { ...auditValues(deps, ctx, 'email_otp.failed'), userId: sql`${owner}`, metadata: reason } as never;
  const [counted] = await db.batch([
    db
      .update(codes)
      .set({
        attempts: sql`${codes.attempts} + 1`,
        consumedBy: sql`case when ${codes.codeHash} = ${codeHash} and ${enabled} then ${marker} end`,
      })
      .where(live)
      .returning({ consumedBy: codes.consumedBy }),
    insertWhere(db, t.auditLogs, failed, not(consumedByUs)),
  ]);
  const row = counted[0]?.consumedBy === marker ? await findUser(deps, input.email) : undefined;
  if (!row) throw new ApiError('invalid_code');
  const user = row.u;
  const markVerified = db
    .update(users)
    .set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${now.toISOString()}::timestamptz)` })
    .where(and(eq(users.id, user.id), consumedByUs));
  let credentialVersion = user.credentialVersion;
  if (!user.emailVerifiedAt) {
    // First proof of this mailbox: whatever was set up on the account before it (by whoever registered the
    // address) ends, password included, atomically with the verification — and before the MFA decision, so
    // a second factor someone else enrolled cannot lock the owner out.
    const prior = endPriorCredentials(deps, ctx, {
      userId: user.id,
      when: and(consumedByUs, addressUnverified(deps, user.id))!,
      via: 'email_otp',
    });
    const results = await db.batch([...prior.statements, markVerified]);
    await evict(deps, prior.revokedSessions(results, 0));
    // The wipe voided sign-ins proven before it; this one is proven after it, by the code.
    credentialVersion = prior.credentialVersion(results, 0) ?? credentialVersion;
  }
  // findUser joined the user's first membership: no membership means no organization.
  const organization: OrganizationChoice =
    row.orgId && row.orgName
      ? { kind: 'known', organization: { id: row.orgId, name: row.orgName, role: row.role ?? 'member' } }
      : { kind: 'none' };
  const outcome = await completeSignIn(deps, ctx, {
    user: { ...user, credentialVersion, emailVerifiedAt: user.emailVerifiedAt ?? now },
    method: 'email_otp',
    organization,
    commit: {
      // The code reached this inbox: the address is proven.
      statements: [markVerified],
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
