import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { insertWhere } from '../../db/insert-where.ts';
import type { Deps } from '../../platform/deps.ts';
import { auditValues, type RequestContext } from '../audit/audit.ts';
import { bumpCredentialVersion } from './credential-version.ts';

/** How the mailbox owner proved control of the address (audit metadata). */
export type OwnershipProof = 'password_reset' | 'email_otp' | 'verification_link' | 'oauth';

/** Statements for the caller's batch, and how to read the revoked sessions from the batch's results. */
export interface PriorCredentialsEnd {
  statements: [BatchItem<'pg'>, ...BatchItem<'pg'>[]];
  /** Token hashes of the revoked sessions (evict them); `offset`: where `statements` start in the results. */
  revokedSessions(results: unknown[], offset: number): string[];
  /** The account's credential version after the wipe; undefined when `when` did not hold (nothing ended). */
  credentialVersion(results: unknown[], offset: number): number | undefined;
}

/** "This account's address has never been verified": with a guard, the condition for ending prior credentials. */
export function addressUnverified(deps: Deps, userId: string | SQL): SQL {
  const { users } = deps.t;
  return sql`exists (select 1 from ${users} where ${users.id} = ${userId} and ${users.emailVerifiedAt} is null)`;
}

/**
 * Account pre-hijacking defence: anyone can register an address they do not own and, before its owner
 * shows up, add a passkey, TOTP, an OAuth identity or keep a session. The first proof of mailbox ownership
 * on an account whose address was never verified therefore ends every credential and session set up before
 * it — sessions, pending MFA sign-ins, passkeys, TOTP and recovery codes, linked identities, pending email
 * changes and link flows, and the password. The caller's own new credential (the session or identity it
 * creates, the password it sets) is written after these statements (in the same batch, or — when the MFA
 * decision must see the cleared factors — in the sign-in batch that follows, guarded by the same proof).
 *
 * Every statement applies only where `when` holds (the caller's single-use guard and `addressUnverified`);
 * put them BEFORE the statement that marks the address verified, which `when` usually reads. The audit
 * event `account.prior_credentials_revoked` lands with them.
 */
export function endPriorCredentials(
  deps: Deps,
  ctx: RequestContext,
  /** `userId`: the id, or an SQL expression yielding it inside each statement (a user known by address only). */
  input: { userId: string | SQL; when: SQL; via: OwnershipProof },
): PriorCredentialsEnd {
  const { db, t } = deps;
  const { userId, when } = input;
  const tokens = t.oneTimeTokens;
  return {
    revokedSessions: (results, offset) => (results[offset + 2] as { tokenHash: string }[]).map((s) => s.tokenHash),
    credentialVersion: (results, offset) => (results[offset] as { version: number }[])[0]?.version,
    statements: [
      // First (the lock order): the user row, and every sign-in in flight with an ended credential is void —
      // an attacker's password login racing the owner's takeover must not land a session after the wipe.
      bumpCredentialVersion(deps, userId, when).returning({ version: t.users.credentialVersion }),
      insertWhere(
        db,
        t.auditLogs,
        auditValues(deps, ctx, 'account.prior_credentials_revoked', { userId, metadata: { via: input.via } }),
        when,
      ),
      db
        .delete(t.sessions)
        .where(and(eq(t.sessions.userId, userId), when))
        .returning({ tokenHash: t.sessions.tokenHash }),
      db.delete(t.mfaChallenges).where(and(eq(t.mfaChallenges.userId, userId), when)),
      db.delete(t.passkeys).where(and(eq(t.passkeys.userId, userId), when)),
      db.delete(t.webauthnChallenges).where(and(eq(t.webauthnChallenges.userId, userId), when)),
      db.delete(t.recoveryCodes).where(and(eq(t.recoveryCodes.userId, userId), when)),
      db.delete(t.totpCredentials).where(and(eq(t.totpCredentials.userId, userId), when)),
      db.delete(t.identities).where(and(eq(t.identities.userId, userId), when)),
      db.delete(t.oauthFlows).where(and(eq(t.oauthFlows.linkUserId, userId), when)),
      // A pending email change would let whoever started it move the account to their own address later.
      db.delete(tokens).where(and(eq(tokens.userId, userId), eq(tokens.purpose, 'email_change'), isNull(tokens.consumedAt), when)),
      db
        .update(t.users)
        .set({ passwordHash: null, failedLoginCount: 0, lockedUntil: null })
        .where(and(eq(t.users.id, userId), when)),
    ],
  };
}
