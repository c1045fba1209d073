import type { SQL } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { NewSession, SessionRecord } from '../sessions/sessions.ts';

// The shapes shared by every sign-in method and the MFA challenge (a module of its own so neither imports the other's logic).

export type SignInMethod = 'password' | 'email_otp' | 'oauth' | 'passkey' | 'mfa';

/** The second factors a pending sign-in can be finished with. */
export type MfaMethod = 'totp' | 'recovery_code' | 'passkey';

/** The user columns a sign-in needs (a row of `users`). */
export interface SignInUser {
  id: string;
  email: string;
  name: string | null;
  emailVerifiedAt: Date | null;
  createdAt: Date;
  /** users.credential_version when the factor was proven (see credential-version.ts). */
  credentialVersion: number;
}

export type SessionOrganization = NonNullable<SessionRecord['organization']>;

/** The organization a new session is scoped to. */
export type OrganizationChoice =
  /** The caller does not know it: the user's first membership is looked up (alongside the MFA check). */
  | { kind: 'lookup' }
  | { kind: 'known'; organization: SessionOrganization }
  /** The user belongs to no organization. */
  | { kind: 'none' };

/**
 * When a sign-in may write, beyond its credential-version guard (which always applies, see sign-in-commit.ts).
 * Either way a guard that does not hold ends in `{ ok: false, reason: 'guard_failed' }`.
 */
export type CommitGuard =
  | { kind: 'always' }
  /**
   * All or nothing: the batch commits only if `condition` holds after `statements` ran, inside the same
   * transaction (e.g. "this request's conditional UPDATE consumed the token"); otherwise nothing is written.
   */
  | { kind: 'all_or_nothing'; condition: SQL }
  /**
   * A single-use secret this request marked as its own (an email code, …), for flows where a failed attempt
   * must still count: `statements` always commit; the session (or MFA challenge) and its audit event are
   * inserted only where `condition` holds — only for the one request that consumed the secret, however many
   * race. Effects that must also depend on the consumption carry `condition` in their own WHERE. `cleanup`
   * runs last (e.g. deleting the consumed code, which `condition` reads).
   */
  | { kind: 'secret_consumed'; condition: SQL; cleanup: BatchItem<'pg'>[] };

/** What commits with the sign-in, in its one atomic batch. */
export interface SignInCommit {
  /** Statements that must commit with the session (e.g. consuming a one-time code, resetting counters). */
  statements: BatchItem<'pg'>[];
  guard: CommitGuard;
}

/** Everything `completeSignIn` needs, built by the method that proved the factor. */
export interface SignInPlan {
  /** The user, at the credential version the factor was proven against. */
  user: SignInUser;
  method: SignInMethod;
  /** With method `mfa`: the factors proven, first and second (they make the session's `amr`). */
  factors?: { first: SignInMethod; second: MfaMethod };
  organization: OrganizationChoice;
  commit: SignInCommit;
  /** Extra metadata of the `login.succeeded` (or `mfa.required`) audit event, next to `method`. */
  auditMetadata: Record<string, unknown>;
  /**
   * The user's MFA status when the caller read it with the user (mfaStatusColumns): spares a round trip.
   * Absent: completeSignIn reads it. (Read before the hash, it is as current as a sign-in a moment earlier.)
   */
  mfa?: { enabled: boolean; methods: MfaMethod[] };
}

/**
 * What every first factor ends in: a session, or — when the user has MFA on — a pending sign-in the client
 * finishes at POST /v1/auth/mfa/challenge with the mfa_token (no session, no cookie until then).
 */
export type SignInResult =
  | { kind: 'session'; record: SessionRecord; session: NewSession }
  | { kind: 'mfa_required'; userId: string; mfaToken: string; methods: MfaMethod[]; expiresAt: Date };

/**
 * Why a sign-in wrote no session or challenge:
 * - `credentials_changed`: the password was changed or reset, sessions revoked or the account deleted after
 *   the factor was proven — it proves nothing now;
 * - `guard_failed`: the plan's `CommitGuard` did not hold (with `all_or_nothing`, nothing was written at all;
 *   with `secret_consumed`, only `statements` and `cleanup` were).
 */
export type SignInRefusal = 'credentials_changed' | 'guard_failed';

export type SignInOutcome = { ok: true; result: SignInResult } | { ok: false; reason: SignInRefusal };
