import { and, eq, gt, isNull, lt, type SQL, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { randomToken, sha256Hex } from '../../crypto/tokens.ts';
import { matchTotpStep } from '../../crypto/totp.ts';
import { isDisabled } from '../../db/account-status.ts';
import { ApiError } from '../../lib/errors.ts';
import type { Deps } from '../../platform/deps.ts';
import { auditInsert, type RequestContext } from '../audit/audit.ts';
import { countFailureSql } from '../sign-in/backoff.ts';
import { completeSignIn, firstOrganizationColumn, organizationRead } from '../sign-in/sign-in.ts';
import type { OrganizationChoice, SignInMethod, SignInResult } from '../sign-in/sign-in-types.ts';
import { isUsedRecoveryCode, recoveryCodeHash, recoveryCodeUsedBy, useRecoveryCode } from './recovery-codes.ts';
import { openTotpKey } from './totp.ts';

export const MFA_MAX_ATTEMPTS = 5;
/**
 * Per-account backoff: whoever holds the password can mint mfa_tokens at the login rate, so the per-token cap
 * alone would allow guessing from many IPs. After this many consecutive wrong second factors each further one
 * locks the second step for 1, 2, 4 … seconds, at most MFA_MAX_BACKOFF_SECONDS; a success clears it.
 */
export const MFA_FREE_FAILURES = 5;
export const MFA_MAX_BACKOFF_SECONDS = 300;

export type MfaProof = { code: string } | { recovery_code: string };

/**
 * Second step of an MFA sign-in. The attempt is counted first, by one conditional UPDATE that only succeeds
 * below the cap: however many guesses arrive at once, at most 5 are ever checked. A right code then
 * consumes the token, the TOTP step (or the recovery code) and creates the session in one transaction.
 * Two round trips: the counting batch (with the reads the check needs) and the sign-in's batch.
 */
export async function completeMfaChallenge(deps: Deps, ctx: RequestContext, mfaToken: string, proof: MfaProof): Promise<SignInResult> {
  const { db, t } = deps;
  const ch = t.mfaChallenges;
  const now = deps.clock.now();
  const tokenHash = await sha256Hex(mfaToken);
  const live = and(eq(ch.tokenHash, tokenHash), isNull(ch.consumedAt), gt(ch.expiresAt, now));
  const totp = t.totpCredentials;
  // One round trip before the code is checked: the attempt is counted and, in the same transaction, the
  // pending sign-in's user, TOTP seed and organizations are read (used only if the attempt counted).
  const [counted, read] = await db.batch([
    db
      .update(ch)
      .set({ attempts: sql`${ch.attempts} + 1` })
      .where(and(live, lt(ch.attempts, MFA_MAX_ATTEMPTS)))
      .returning({
        id: ch.id,
        userId: ch.userId,
        organizationId: ch.organizationId,
        firstFactor: ch.firstFactor,
        credentialVersion: ch.credentialVersion,
        attempts: ch.attempts,
      }),
    db
      .select({
        user: t.users,
        totp,
        orgName: t.organizations.name,
        role: t.memberships.role,
        firstOrganization: firstOrganizationColumn(deps, t.users.id),
      })
      .from(ch)
      .innerJoin(t.users, eq(t.users.id, ch.userId))
      .leftJoin(totp, and(eq(totp.userId, t.users.id), sql`${totp.confirmedAt} is not null`))
      .leftJoin(t.organizations, eq(t.organizations.id, ch.organizationId))
      .leftJoin(t.memberships, and(eq(t.memberships.organizationId, t.organizations.id), eq(t.memberships.userId, t.users.id)))
      .where(eq(ch.tokenHash, tokenHash)),
  ]);
  const challenge = counted[0];
  if (!challenge) throw new ApiError('invalid_mfa_token');

  const { userId } = challenge;
  const row = read[0];
  if (!row || isDisabled(row.user, now) || !row.totp) throw new ApiError('invalid_mfa_token');
  // Backed off: refused without looking at the code (same answer as a wrong code).
  if (row.totp.lockedUntil && row.totp.lockedUntil > now) return failAttempt(deps, ctx, userId, challenge.attempts, 'throttled', false);

  const marker = randomToken(16);
  const statements: BatchItem<'pg'>[] = [
    db
      .update(ch)
      .set({ consumedAt: now, consumedBy: marker })
      .where(and(eq(ch.id, challenge.id), isNull(ch.consumedAt), gt(ch.expiresAt, now))),
  ];
  let factorUsed: SQL;
  let secondFactor: 'totp' | 'recovery_code';
  let recoveryHash: string | undefined;
  if ('code' in proof) {
    secondFactor = 'totp';
    const step = matchTotpStep(await openTotpKey(deps, userId, row.totp.secretEncrypted), proof.code, now);
    if (step === null) return failAttempt(deps, ctx, userId, challenge.attempts, 'wrong_code');
    // Replay defence: a step is accepted only if it is later than the last one used (one conditional UPDATE).
    statements.push(
      db
        .update(totp)
        .set({ lastUsedStep: step, lastUsedBy: marker })
        .where(and(eq(totp.userId, userId), sql`(${totp.lastUsedStep} is null or ${totp.lastUsedStep} < ${step})`)),
    );
    factorUsed = sql`exists (select 1 from ${totp} where ${totp.userId} = ${userId} and ${totp.lastUsedBy} = ${marker})`;
  } else {
    secondFactor = 'recovery_code';
    recoveryHash = await recoveryCodeHash(proof.recovery_code);
    statements.push(useRecoveryCode(deps, userId, recoveryHash, marker));
    factorUsed = recoveryCodeUsedBy(deps, marker);
  }
  statements.push(db.update(t.totpCredentials).set({ failedAttempts: 0, lockedUntil: null }).where(eq(t.totpCredentials.userId, userId)));

  // The first factor's organization; the user's first one (read above) if it had none or it is gone since.
  const organization: OrganizationChoice =
    challenge.organizationId && row.orgName
      ? { kind: 'known', organization: { id: challenge.organizationId, name: row.orgName, role: row.role ?? 'member' } }
      : organizationRead(row.firstOrganization);
  const outcome = await completeSignIn(deps, ctx, {
    // The credential version of the first factor: a password change since then voids this sign-in.
    user: { ...row.user, credentialVersion: challenge.credentialVersion },
    method: 'mfa',
    factors: { first: challenge.firstFactor as SignInMethod, second: secondFactor },
    organization,
    commit: {
      statements,
      guard: {
        kind: 'all_or_nothing',
        // This request consumed the token AND used the factor; otherwise nothing at all is written.
        condition: sql`exists (select 1 from ${ch} where ${ch.id} = ${challenge.id} and ${ch.consumedBy} = ${marker}) and ${factorUsed}`,
      },
    },
    auditMetadata: { first_factor: challenge.firstFactor, second_factor: secondFactor },
  });
  if (outcome.ok) return outcome.result;
  switch (outcome.reason) {
    case 'guard_failed': {
      // A right factor that lost a race (the step or the recovery code was used meanwhile, or the token was
      // consumed by a concurrent submission) is no guess: refused, but it must not back the account off.
      // A TOTP code that got here matched a step; a recovery code counts unless it is one of the current set.
      const rightButUsed = secondFactor === 'totp' || (await isUsedRecoveryCode(deps, userId, recoveryHash!));
      const reason = secondFactor === 'totp' ? 'code_replayed' : rightButUsed ? 'recovery_code_used' : 'wrong_recovery_code';
      return failAttempt(deps, ctx, userId, challenge.attempts, reason, !rightButUsed);
    }
    case 'credentials_changed':
      throw new ApiError('invalid_credentials');
  }
}

/** Records a wrong second factor (audit + the account's backoff counter, one atomic statement) and refuses. */
async function failAttempt(deps: Deps, ctx: RequestContext, userId: string, attempt: number, reason: string, count = true): Promise<never> {
  const { db, t } = deps;
  const totp = t.totpCredentials;
  const audit = auditInsert(deps, ctx, 'mfa.failed', { userId, metadata: { reason, attempt } });
  if (!count) await audit;
  else {
    const failure = countFailureSql(totp.failedAttempts, deps.clock.now(), MFA_FREE_FAILURES, MFA_MAX_BACKOFF_SECONDS);
    await db.batch([
      db.update(totp).set({ failedAttempts: failure.count, lockedUntil: failure.lockedUntil }).where(eq(totp.userId, userId)),
      audit,
    ]);
  }
  throw new ApiError(
    'invalid_mfa_code',
    attempt >= MFA_MAX_ATTEMPTS ? 'The code is incorrect. No attempts left: sign in again.' : undefined,
  );
}
