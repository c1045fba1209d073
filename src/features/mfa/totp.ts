import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { openSecret, sealSecret } from '../../crypto/secret-box.ts';
import { matchTotpStep, newTotpKey, totpEnrollment } from '../../crypto/totp.ts';
import { abortUnless, isGuardAbort } from '../../db/batch-guard.ts';
import { ApiError } from '../../lib/errors.ts';
import type { Deps } from '../../platform/deps.ts';
import { auditInsert, type RequestContext } from '../audit/audit.ts';
import type { ValidSession } from '../sessions/sessions.ts';
import { newRecoveryCodes } from './recovery-codes.ts';

/** Associated data of a sealed TOTP seed: the ciphertext only opens for this user's TOTP row. */
const seedContext = (userId: string) => `totp:${userId}`;

export function sealTotpKey(deps: Deps, userId: string, key: Uint8Array): Promise<string> {
  return sealSecret(deps.config.IDENTSPHERE_ENCRYPTION_KEY, key, seedContext(userId));
}

export function openTotpKey(deps: Deps, userId: string, sealed: string): Promise<Uint8Array> {
  return openSecret(deps.config.IDENTSPHERE_ENCRYPTION_KEY, sealed, seedContext(userId));
}

async function totpRow(deps: Deps, userId: string) {
  const [row] = await deps.db.select().from(deps.t.totpCredentials).where(eq(deps.t.totpCredentials.userId, userId));
  return row;
}

/**
 * Starts (or restarts) TOTP enrollment: a fresh key, stored sealed and unconfirmed. MFA stays off until
 * confirmed with a code, so a user who never finishes setup is never locked out.
 */
export async function setupTotp(deps: Deps, current: ValidSession): Promise<{ secret: string; otpauth_uri: string }> {
  const { db, t } = deps;
  const { user } = current.record;
  const key = newTotpKey();
  const sealed = await sealTotpKey(deps, user.id, key);
  const totp = t.totpCredentials;
  const rows = await db
    .insert(totp)
    .values({ userId: user.id, secretEncrypted: sealed, createdAt: deps.clock.now() })
    .onConflictDoUpdate({
      target: totp.userId,
      set: { secretEncrypted: sealed, createdAt: deps.clock.now(), lastUsedStep: null, lastUsedBy: null, recoveryGeneration: null },
      // An enabled TOTP is never silently replaced: disable it first (which needs fresh authentication).
      setWhere: isNull(totp.confirmedAt),
    })
    .returning({ userId: totp.userId });
  if (!rows.length) throw new ApiError('mfa_already_enabled');
  const { secret, uri } = totpEnrollment(deps.config.IDENTSPHERE_MFA_ISSUER, user.email, key);
  return { secret, otpauth_uri: uri };
}

/** Confirms enrollment with a code from the app: MFA is on from now, and the 10 recovery codes are returned once. */
export async function confirmTotp(deps: Deps, ctx: RequestContext, current: ValidSession, code: string): Promise<string[]> {
  const { db, t } = deps;
  const userId = current.record.user.id;
  const row = await totpRow(deps, userId);
  if (!row) throw new ApiError('mfa_not_enabled', 'Start with POST /v1/auth/mfa/totp/setup.');
  if (row.confirmedAt) throw new ApiError('mfa_already_enabled');
  const step = matchTotpStep(await openTotpKey(deps, userId, row.secretEncrypted), code, deps.clock.now());
  if (step === null) throw new ApiError('invalid_mfa_code');
  const recovery = await newRecoveryCodes(deps, userId);
  const totp = t.totpCredentials;
  try {
    await db.batch([
      db
        .update(totp)
        .set({ confirmedAt: deps.clock.now(), lastUsedStep: step, recoveryGeneration: recovery.generation })
        // Only the seed the code was checked against (a concurrent re-setup replaces it) and only once.
        .where(and(eq(totp.userId, userId), isNull(totp.confirmedAt), eq(totp.secretEncrypted, row.secretEncrypted))),
      abortUnless(
        db,
        sql`exists (select 1 from ${totp} where ${totp.userId} = ${userId} and ${totp.recoveryGeneration} = ${recovery.generation})`,
      ),
      recovery.deleteOthers,
      ...recovery.inserts,
      auditInsert(deps, ctx, 'mfa.totp_enabled', { userId }),
    ]);
  } catch (err) {
    if (isGuardAbort(err)) throw new ApiError('conflict');
    throw err;
  }
  return recovery.codes;
}

/** Turns TOTP off: the seed, every recovery code and every pending MFA sign-in go (caller checked fresh auth). */
export async function disableTotp(deps: Deps, ctx: RequestContext, current: ValidSession): Promise<void> {
  const { db, t } = deps;
  const userId = current.record.user.id;
  const [deleted] = await db.batch([
    db.delete(t.totpCredentials).where(eq(t.totpCredentials.userId, userId)).returning({ confirmedAt: t.totpCredentials.confirmedAt }),
    db.delete(t.recoveryCodes).where(eq(t.recoveryCodes.userId, userId)),
    db.delete(t.mfaChallenges).where(eq(t.mfaChallenges.userId, userId)),
    auditInsert(deps, ctx, 'mfa.totp_disabled', { userId }),
  ]);
  if (!deleted.some((r) => r.confirmedAt)) throw new ApiError('mfa_not_enabled');
}

/**
 * A new set of 10 recovery codes; the old set stops working in the same transaction. Concurrent regenerations
 * cannot both win: the switch is conditional on the generation read, the loser gets 409 and its codes never
 * become valid. (Caller checked fresh auth.)
 */
export async function regenerateRecoveryCodes(deps: Deps, ctx: RequestContext, current: ValidSession): Promise<string[]> {
  const { db, t } = deps;
  const userId = current.record.user.id;
  const row = await totpRow(deps, userId);
  if (!row?.confirmedAt) throw new ApiError('mfa_not_enabled');
  const recovery = await newRecoveryCodes(deps, userId);
  const totp = t.totpCredentials;
  const previous =
    row.recoveryGeneration === null ? sql`${totp.recoveryGeneration} is null` : eq(totp.recoveryGeneration, row.recoveryGeneration);
  try {
    await db.batch([
      db
        .update(totp)
        .set({ recoveryGeneration: recovery.generation })
        .where(and(eq(totp.userId, userId), isNotNull(totp.confirmedAt), previous)),
      abortUnless(
        db,
        sql`exists (select 1 from ${totp} where ${totp.userId} = ${userId} and ${totp.recoveryGeneration} = ${recovery.generation})`,
      ),
      recovery.deleteOthers,
      ...recovery.inserts,
      auditInsert(deps, ctx, 'mfa.recovery_codes_regenerated', { userId }),
    ]);
  } catch (err) {
    if (isGuardAbort(err)) throw new ApiError('conflict');
    throw err;
  }
  return recovery.codes;
}
