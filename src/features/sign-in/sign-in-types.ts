import type { BatchItem } from 'drizzle-orm/batch';
import type { SQL } from 'drizzle-orm';
import type { ApiError } from '../../lib/errors.ts';
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

/** Whose credentials a sign-in proved, and at which credential version. */
export interface ProvenCredential {
  userId: string;
  version: number;
}

export type SignInOrganization = SessionRecord['organization'];

/**
 * What every first factor ends in: a session, or — when the user has MFA on — a pending sign-in the client
 * finishes at POST /v1/auth/mfa/challenge with the mfa_token (no session, no cookie until then).
 */
export type SignInResult =
  | { kind: 'session'; record: SessionRecord; session: NewSession }
  | { kind: 'mfa_required'; userId: string; mfaToken: string; methods: MfaMethod[]; expiresAt: Date };

export interface SignInOptions {
  method: SignInMethod;
  /** The organization for the session; looked up (the user's first) when undefined. */
  organization?: SignInOrganization;
  /** Statements that must commit with the session (e.g. consuming a one-time code, resetting counters). */
  statements?: BatchItem<'pg'>[];
  /**
   * Commit only if `condition` holds after `statements` ran, inside the same transaction (e.g. "this request's
   * conditional UPDATE consumed the code"); otherwise nothing is written and `otherwise()` is thrown.
   */
  onlyIf?: { condition: SQL; otherwise: () => ApiError };
  /**
   * A single-use secret this sign-in spends (an email code, …), for flows where a failed attempt must still
   * count: `consume.statements` run first and always commit; the session (or MFA challenge) and its audit
   * event are inserted only where `guard` holds — only for the one request whose statements consumed the
   * secret, however many race. Every other request gets `refused()`. Effects that must also depend on the
   * consumption go into `statements` with `guard` in their WHERE; `after` runs last (e.g. deleting the
   * consumed code, which the guard reads).
   */
  consume?: { statements: BatchItem<'pg'>[]; guard: SQL; refused: () => ApiError; after?: BatchItem<'pg'>[] };
  metadata?: Record<string, unknown>;
}
