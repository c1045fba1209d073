import { asc, eq } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import type { RequestContext } from '../audit/audit.ts';
import { issueMfaChallenge, mfaStatus } from '../mfa/mfa-pending.ts';
import { cacheRecord, prepareSession, uncacheRecord, userView, type SessionRecord } from '../sessions/sessions.ts';
import { commitSignIn, signInAudit } from './sign-in-commit.ts';
import type { SignInMethod, SignInOrganization, SignInOptions, SignInResult, SignInUser } from './sign-in-types.ts';

/**
 * Methods that already prove two factors: the MFA challenge itself, and a passkey (possession of the device
 * plus user verification, which we require). Every other method is a first factor.
 */
const MULTI_FACTOR_METHODS: ReadonlySet<SignInMethod> = new Set(['mfa', 'passkey']);

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
