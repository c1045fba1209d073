import { asc, eq, type SQL } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { insertWhere } from '../db/insert-where.ts';
import type { Deps } from '../deps.ts';
import type { ApiError } from '../lib/errors.ts';
import { auditInsert, auditValues, type RequestContext } from './audit.ts';
import { cacheRecord, prepareSession, type NewSession, type SessionRecord } from './sessions.ts';

export type SignInMethod = 'password' | 'email_otp' | 'oauth' | 'passkey' | 'mfa';

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
 * What every first factor ends in. Today always a session; with MFA enabled the MFA issue adds
 * `{ kind: 'mfa_required', … }` here, so every first factor (password, email OTP, OAuth, …) gets it at once.
 */
export type SignInResult = { kind: 'session'; record: SessionRecord; session: NewSession };

export interface SignInOptions {
  method: SignInMethod;
  /** The organization for the session; looked up (the user's first) when undefined. */
  organization?: SignInOrganization;
  /** Statements that must commit with the session (e.g. consuming a one-time code, resetting counters). */
  statements?: BatchItem<'pg'>[];
  metadata?: Record<string, unknown>;
  /**
   * A single-use secret this sign-in spends (an email code, …). `consume.statements` run first in the batch;
   * the session and its audit event are then inserted only where `guard` holds — only for the one request
   * whose statements consumed the secret, however many race. Every other request gets `refused()` (the
   * batch's other effects, such as a counted attempt, still apply). Effects that must also depend on the
   * consumption go into the outer `statements` (they run last) with `guard` in their WHERE. (A future
   * `mfa_required` answer must guard its challenge insert the same way.)
   */
  consume?: { statements: BatchItem<'pg'>[]; guard: SQL; refused: () => ApiError };
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

/**
 * Completes a successful first factor: a brand-new session (never a reused id), its audit event and the
 * caller's statements in one atomic batch, then the cache entry.
 */
export async function completeSignIn(deps: Deps, ctx: RequestContext, user: SignInUser, opts: SignInOptions): Promise<SignInResult> {
  const organization = opts.organization === undefined ? await firstOrganization(deps, user.id) : opts.organization;
  const session = await prepareSession(deps, ctx, user.id, organization?.id ?? null);
  const audit = { userId: user.id, organizationId: organization?.id, metadata: { method: opts.method, ...opts.metadata } };
  const { consume } = opts;
  const inserts: BatchItem<'pg'>[] = consume
    ? [
        insertWhere(deps.db, deps.t.sessions, session.row, consume.guard),
        insertWhere(deps.db, deps.t.auditLogs, auditValues(deps, ctx, 'login.succeeded', audit), consume.guard),
      ]
    : [session.insert, auditInsert(deps, ctx, 'login.succeeded', audit)];
  const before = consume?.statements ?? [];
  const results: unknown[] = await deps.db.batch([...before, ...inserts, ...(opts.statements ?? [])] as [BatchItem<'pg'>, ...BatchItem<'pg'>[]]);
  if (consume && !(results[before.length] as { rowCount: number }).rowCount) throw consume.refused();
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
