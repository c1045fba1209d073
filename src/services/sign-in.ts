import { asc, eq, type SQL } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { abortUnless, isGuardAbort } from '../db/batch-guard.ts';
import type { Deps } from '../deps.ts';
import type { ApiError } from '../lib/errors.ts';
import { auditInsert, type RequestContext } from './audit.ts';
import { issueMfaChallenge, mfaStatus, type MfaMethod } from './mfa-challenge.ts';
import { cacheRecord, prepareSession, type NewSession, type SessionRecord } from './sessions.ts';

export type SignInMethod = 'password' | 'email_otp' | 'oauth' | 'passkey' | 'mfa';

/**
 * Methods that already prove two factors: the MFA challenge itself, and a passkey (possession of the device
 * plus user verification, which we require). Every other method is a first factor.
 */
const MULTI_FACTOR_METHODS: ReadonlySet<SignInMethod> = new Set(['mfa', 'passkey']);

/** The user columns a sign-in needs (a row of `users`). */
export interface SignInUser {
  id: string;
  email: string;
  name: string | null;
  emailVerifiedAt: Date | null;
  createdAt: Date;
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
  metadata?: Record<string, unknown>;
}

export async function firstOrganization(deps: Deps, userId: string): Promise<SignInOrganization> {
  const { db, t } = deps;
  const [row] = await db
    .select({ id: t.organizations.id, name: t.organizations.name, role: t.memberships.role })
    .from(t.memberships)
    .innerJoin(t.organizations, eq(t.organizations.id, t.memberships.organizationId))
    .where(eq(t.memberships.userId, userId))
    .orderBy(asc(t.memberships.createdAt))
    .limit(1);
  return row ?? null;
}

/** The caller's statements, then its guard (if any): what must commit with whatever the sign-in writes. */
export function callerStatements(deps: Deps, opts: SignInOptions): BatchItem<'pg'>[] {
  return [...(opts.statements ?? []), ...(opts.onlyIf ? [abortUnless(deps.db, opts.onlyIf.condition)] : [])];
}

/** Runs a sign-in batch; a failed `onlyIf` guard becomes the caller's error (nothing was written). */
export async function runSignInBatch(deps: Deps, opts: SignInOptions, batch: BatchItem<'pg'>[]) {
  try {
    return await deps.db.batch(batch as [BatchItem<'pg'>, ...BatchItem<'pg'>[]]);
  } catch (err) {
    if (opts.onlyIf && isGuardAbort(err)) throw opts.onlyIf.otherwise();
    throw err;
  }
}

/**
 * Completes a successful factor: with MFA on and only a first factor proven, a pending MFA sign-in (no
 * session); otherwise a brand-new session (never a reused id). Its audit event and the caller's statements
 * commit in one atomic batch, then the cache entry is written.
 */
export async function completeSignIn(deps: Deps, ctx: RequestContext, user: SignInUser, opts: SignInOptions): Promise<SignInResult> {
  const [organization, mfa] = await Promise.all([
    opts.organization === undefined ? firstOrganization(deps, user.id) : opts.organization,
    MULTI_FACTOR_METHODS.has(opts.method) ? null : mfaStatus(deps, user.id),
  ]);
  if (mfa?.enabled) return issueMfaChallenge(deps, ctx, user.id, organization?.id ?? null, opts, mfa.methods);

  const session = await prepareSession(deps, ctx, user.id, organization?.id ?? null);
  await runSignInBatch(deps, opts, [
    ...callerStatements(deps, opts),
    session.insert,
    auditInsert(deps, ctx, 'login.succeeded', {
      userId: user.id,
      organizationId: organization?.id,
      metadata: { method: opts.method, ...opts.metadata },
    }),
  ]);
  const record: SessionRecord = {
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      email_verified: user.emailVerifiedAt !== null,
      created_at: user.createdAt.toISOString(),
    },
    organization,
    session: session.view,
  };
  await cacheRecord(deps, session.tokenHash, record);
  return { kind: 'session', record, session };
}
