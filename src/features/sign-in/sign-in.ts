import { type AnyColumn, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import type { RequestContext } from '../audit/audit.ts';
import { issueMfaChallenge, mfaStatus } from '../mfa/mfa-pending.ts';
import { cacheRecord, prepareSession, type SessionRecord, uncacheRecord, userView } from '../sessions/sessions.ts';
import { commitSignIn, signInAudit } from './sign-in-commit.ts';
import type { MfaMethod, OrganizationChoice, SessionOrganization, SignInMethod, SignInOutcome, SignInPlan } from './sign-in-types.ts';

/**
 * Methods that already prove two factors: the MFA challenge itself, and a passkey (possession of the device
 * plus user verification, which we require). Every other method is a first factor.
 */
const MULTI_FACTOR_METHODS: ReadonlySet<SignInMethod> = new Set(['mfa', 'passkey']);

/** RFC 8176 authentication method references of each factor (a recovery code is a one-time code too). */
const AMR: Record<Exclude<SignInMethod, 'mfa'> | MfaMethod, string[]> = {
  password: ['pwd'],
  email_otp: ['otp'],
  oauth: ['fed'],
  passkey: ['hwk', 'user'],
  totp: ['otp'],
  recovery_code: ['otp'],
};

/** The session's `amr`: its factor's values, or both factors' plus `mfa`. */
function sessionAmr(plan: Pick<SignInPlan, 'method' | 'factors'>): string[] {
  if (plan.method !== 'mfa') return AMR[plan.method];
  const { first, second } = plan.factors ?? {};
  const firstAmr = first && first !== 'mfa' ? AMR[first] : [];
  return [...new Set([...firstAmr, ...(second ? AMR[second] : []), 'mfa'])];
}

export async function firstOrganization(deps: Deps, userId: string): Promise<SessionOrganization | null> {
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
 * firstOrganization as one column of another query (`userId`: that query's user id column), so a sign-in
 * reads it with the user instead of in a round trip of its own. Null: the user belongs to no organization.
 * Only in a query with a join: drizzle strips the table from columns in a single-table select's list, which
 * would make the subquery's columns ambiguous (so would mfaStatusColumns' be).
 */
export function firstOrganizationColumn(deps: Pick<Deps, 't'>, userId: AnyColumn | SQL) {
  const { memberships: m, organizations: o } = deps.t;
  return sql<SessionOrganization | null>`(select json_build_object('id', ${o.id}, 'name', ${o.name}, 'role', ${m.role})
    from ${m} join ${o} on ${o.id} = ${m.organizationId} where ${m.userId} = ${userId} order by ${m.createdAt} asc limit 1)`;
}

/** The organization choice of a first organization read with the user (firstOrganizationColumn). */
export function organizationRead(organization: SessionOrganization | null): OrganizationChoice {
  return organization ? { kind: 'known', organization } : { kind: 'none' };
}

/** The session's organization: the caller's, none, or (`lookup`) the user's first. */
function resolveOrganization(
  deps: Deps,
  userId: string,
  choice: OrganizationChoice,
): Promise<SessionOrganization | null> | SessionOrganization | null {
  switch (choice.kind) {
    case 'lookup':
      return firstOrganization(deps, userId);
    case 'known':
      return choice.organization;
    case 'none':
      return null;
  }
}

/**
 * Completes a successful factor: with MFA on and only a first factor proven, a pending MFA sign-in (no
 * session); otherwise a brand-new session (never a reused id). Its audit event and the plan's statements
 * commit in one atomic batch, just after the cache entry is written. A refused sign-in wrote no session or
 * challenge (and left no cache entry); the caller decides what the refusal means to its client.
 */
export async function completeSignIn(deps: Deps, ctx: RequestContext, plan: SignInPlan): Promise<SignInOutcome> {
  const { user, method } = plan;
  const [organization, mfa] = await Promise.all([
    resolveOrganization(deps, user.id, plan.organization),
    MULTI_FACTOR_METHODS.has(method) ? null : (plan.mfa ?? mfaStatus(deps, user.id)),
  ]);
  if (mfa?.enabled) return issueMfaChallenge(deps, ctx, plan, organization?.id ?? null, mfa.methods);

  const session = await prepareSession(deps, ctx, user.id, organization?.id ?? null, sessionAmr(plan));
  const record: SessionRecord = {
    user: userView(user),
    organization,
    session: session.view,
  };
  // Cached BEFORE the commit: a revocation can only delete the row after it exists, and its eviction then
  // follows our put. Cached after, a revocation in between would be undone by the late put.
  await cacheRecord(deps, session.tokenHash, record);
  let committed;
  try {
    committed = await commitSignIn(deps, plan, [
      [deps.t.sessions, session.row],
      signInAudit(deps, ctx, 'login.succeeded', {
        userId: user.id,
        organizationId: organization?.id,
        metadata: { method, session_id: session.row.id, ...plan.auditMetadata },
      }),
    ]);
  } catch (err) {
    await uncacheRecord(deps, session.tokenHash);
    throw err;
  }
  if (!committed.ok) {
    // No row was written: the entry cached above must not outlive this refusal.
    await uncacheRecord(deps, session.tokenHash);
    return committed;
  }
  return { ok: true, result: { kind: 'session', record, session } };
}
