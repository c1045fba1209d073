import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { BatchItem } from 'drizzle-orm/batch';
import { abortUnless, isGuardAbort } from '../db/batch-guard.ts';
import { insertWhere } from '../db/insert-where.ts';
import type { Deps } from '../deps.ts';
import { ApiError } from '../lib/errors.ts';
import { auditValues, type AuditEvent, type RequestContext } from './audit.ts';
import { credentialVersionIs, lockUserRow } from './credential-version.ts';
import { issueMfaChallenge, mfaStatus, type MfaMethod } from './mfa-challenge.ts';
import { cacheRecord, prepareSession, uncacheRecord, userView, type NewSession, type SessionRecord } from './sessions.ts';

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

type Insert = readonly [PgTable, Record<string, unknown>];

/**
 * Writes what a sign-in creates (`inserts`: the session or MFA challenge and its audit row) with the caller's
 * statements in one batch: all of it only if `onlyIf` holds; with `consume`, the inserts only for the request
 * that consumed the secret (its counting statements commit either way).
 * The user row is locked first (the lock order every multi-row batch of an account follows), and the inserts
 * happen only if the credentials are still those the factor was proven against: a sign-in in flight while
 * the password is changed or reset (or sessions revoked, or the account deleted) creates nothing.
 */
export async function commitSignIn(
  deps: Deps,
  opts: SignInOptions,
  proven: ProvenCredential,
  inserts: Insert[],
  housekeeping: BatchItem<'pg'>[] = [],
) {
  const { consume } = opts;
  const current = credentialVersionIs(deps, proven.userId, proven.version);
  const guard = consume ? and(consume.guard, current)! : current;
  const before = [lockUserRow(deps, proven.userId), ...(consume?.statements ?? []), ...callerStatements(deps, opts), ...housekeeping];
  const writes = inserts.map(([table, row]) => insertWhere(deps.db, table, row as never, guard));
  const check = deps.db.execute(sql`select ${current} as current`);
  const results = await runSignInBatch(deps, opts, [...before, ...writes, check, ...(consume?.after ?? [])]);
  if ((results[before.length] as { rowCount: number }).rowCount) return;
  const stillCurrent = (results[before.length + writes.length] as { rows: { current: boolean }[] }).rows[0]?.current;
  if (consume && stillCurrent) throw consume.refused();
  // The credentials changed (or the account went) after this factor was proven: it proves nothing now.
  throw new ApiError('invalid_credentials');
}

/** An audit row for `commitSignIn`. */
export function signInAudit(deps: Deps, ctx: RequestContext, event: AuditEvent, fields: Parameters<typeof auditValues>[3]): Insert {
  return [deps.t.auditLogs, auditValues(deps, ctx, event, fields)];
}

/**
 * Completes a successful factor: with MFA on and only a first factor proven, a pending MFA sign-in (no
 * session); otherwise a brand-new session (never a reused id). Its audit event and the caller's statements
 * commit in one atomic batch, just after the cache entry is written.
 */
export async function completeSignIn(deps: Deps, ctx: RequestContext, user: SignInUser, opts: SignInOptions): Promise<SignInResult> {
  const [organization, mfa] = await Promise.all([
    opts.organization === undefined ? firstOrganization(deps, user.id) : opts.organization,
    MULTI_FACTOR_METHODS.has(opts.method) ? null : mfaStatus(deps, user.id),
  ]);
  const proven = { userId: user.id, version: user.credentialVersion };
  if (mfa?.enabled) return issueMfaChallenge(deps, ctx, proven, organization?.id ?? null, opts, mfa.methods);

  const session = await prepareSession(deps, ctx, user.id, organization?.id ?? null);
  const record: SessionRecord = {
    user: userView(user),
    organization,
    session: session.view,
  };
  // Cached BEFORE the commit: a revocation can only delete the row after it exists, and its eviction then
  // follows our put. Cached after, a revocation in between would be undone by the late put.
  await cacheRecord(deps, session.tokenHash, record);
  try {
    await commitSignIn(deps, opts, proven, [
      [deps.t.sessions, session.row],
      signInAudit(deps, ctx, 'login.succeeded', { userId: user.id, organizationId: organization?.id, metadata: { method: opts.method, ...opts.metadata } }),
    ]);
  } catch (err) {
    await uncacheRecord(deps, session.tokenHash);
    throw err;
  }
  return { kind: 'session', record, session };
}
