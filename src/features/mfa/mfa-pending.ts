import { type AnyColumn, lt, type SQL, sql } from 'drizzle-orm';
import { newId, randomToken, sha256Hex } from '../../crypto/tokens.ts';
import type { Deps } from '../../platform/deps.ts';
import type { RequestContext } from '../audit/audit.ts';
import { commitSignIn, signInAudit } from '../sign-in/sign-in-commit.ts';
import type { MfaMethod, SignInOutcome, SignInPlan } from '../sign-in/sign-in-types.ts';

export const MFA_TOKEN_TTL_SECONDS = 300;

/** MFA is on once TOTP is confirmed. A passkey is offered as an alternative (passkey sign-in is multi-factor). */
export async function mfaStatus(deps: Deps, userId: string): Promise<MfaStatus> {
  const { totp, passkey } = mfaStatusColumns(deps, sql`${userId}::uuid`);
  const result = await deps.db.execute<{ totp: boolean; passkey: boolean }>(sql`select ${totp} as totp, ${passkey} as passkey`);
  return mfaStatusOf(result.rows[0]);
}

export interface MfaStatus {
  enabled: boolean;
  methods: MfaMethod[];
}

/**
 * The MFA status as two columns of another query (`userId`: that query's user id column or value), so a sign-in
 * reads it with the user in its one query before the hash instead of a round trip of its own.
 */
export function mfaStatusColumns(deps: Pick<Deps, 't'>, userId: SQL | AnyColumn) {
  const { totpCredentials: totp, passkeys } = deps.t;
  return {
    totp: sql<boolean>`exists (select 1 from ${totp} where ${totp.userId} = ${userId} and ${totp.confirmedAt} is not null)`,
    passkey: sql<boolean>`exists (select 1 from ${passkeys} where ${passkeys.userId} = ${userId})`,
  };
}

export function mfaStatusOf(row: { totp: boolean; passkey: boolean } | undefined): MfaStatus {
  const enabled = row?.totp === true;
  return { enabled, methods: enabled ? ['totp', 'recovery_code', ...(row?.passkey ? (['passkey'] as const) : [])] : [] };
}

/**
 * The first factor succeeded but MFA is on: a pending sign-in instead of a session. The mfa_token (256 bits,
 * stored as SHA-256) lives 5 minutes, allows 5 attempts and is single use. The first factor's own statements
 * (consumed codes, reset counters) commit with it, under the same guards as a session would.
 */
export async function issueMfaChallenge(
  deps: Deps,
  ctx: RequestContext,
  plan: SignInPlan,
  organizationId: string | null,
  methods: MfaMethod[],
): Promise<SignInOutcome> {
  const { id: userId, credentialVersion } = plan.user;
  const { db, t } = deps;
  const now = deps.clock.now();
  const mfaToken = randomToken(32);
  const expiresAt = new Date(now.getTime() + MFA_TOKEN_TTL_SECONDS * 1000);
  const challenge = {
    id: newId(),
    tokenHash: await sha256Hex(mfaToken),
    userId,
    organizationId,
    firstFactor: plan.method,
    credentialVersion,
    expiresAt,
    createdAt: now,
  };
  const committed = await commitSignIn(
    deps,
    plan,
    [
      [t.mfaChallenges, challenge],
      signInAudit(deps, ctx, 'mfa.required', { userId, organizationId, metadata: { method: plan.method, ...plan.auditMetadata } }),
    ],
    // Housekeeping: pending sign-ins past their expiry are useless; drop them as new ones are made.
    [db.delete(t.mfaChallenges).where(lt(t.mfaChallenges.expiresAt, now))],
  );
  if (!committed.ok) return committed;
  return { ok: true, result: { kind: 'mfa_required', userId, mfaToken, methods, expiresAt } };
}
