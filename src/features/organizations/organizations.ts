import { and, asc, eq, sql } from 'drizzle-orm';
import { newId } from '../../crypto/tokens.ts';
import { ApiError } from '../../lib/errors.ts';
import type { Deps } from '../../platform/deps.ts';
import { auditInsert, type RequestContext } from '../audit/audit.ts';
import { evictUserSessions } from '../sessions/session-cache-eviction.ts';
import { cacheRecord, type SessionRecord, type ValidSession } from '../sessions/sessions.ts';
import { authorize, lockOrganization, membershipOf, type Role } from './org-access.ts';

export interface OrganizationView {
  id: string;
  name: string;
  role: Role;
  created_at: string;
  joined_at: string;
  /** The organization active in the current session. */
  current: boolean;
}

export async function listOrganizations(deps: Deps, current: ValidSession): Promise<OrganizationView[]> {
  const { db, t } = deps;
  const rows = await db
    .select({
      id: t.organizations.id,
      name: t.organizations.name,
      createdAt: t.organizations.createdAt,
      role: t.memberships.role,
      joinedAt: t.memberships.createdAt,
    })
    .from(t.memberships)
    .innerJoin(t.organizations, eq(t.organizations.id, t.memberships.organizationId))
    .where(eq(t.memberships.userId, current.record.user.id))
    .orderBy(asc(t.memberships.createdAt));
  const active = current.record.organization?.id;
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    role: r.role as Role,
    created_at: r.createdAt.toISOString(),
    joined_at: r.joinedAt.toISOString(),
    current: r.id === active,
  }));
}

/** A new organization with the creator as its owner. */
export async function createOrganization(
  deps: Deps,
  ctx: RequestContext,
  userId: string,
  name: string,
): Promise<Omit<OrganizationView, 'current'>> {
  const { db, t } = deps;
  const now = deps.clock.now();
  const id = newId();
  await db.batch([
    db.insert(t.organizations).values({ id, name, createdAt: now }),
    db.insert(t.memberships).values({ organizationId: id, userId, role: 'owner', createdAt: now }),
    auditInsert(deps, ctx, 'organization.created', { userId, organizationId: id }),
  ]);
  return { id, name, role: 'owner', created_at: now.toISOString(), joined_at: now.toISOString() };
}

/** Makes another of the user's organizations the active one of this session. */
export async function switchOrganization(deps: Deps, current: ValidSession, organizationId: string): Promise<SessionRecord> {
  const membership = await membershipOf(deps, organizationId, current.record.user.id);
  if (!membership) throw new ApiError('not_found', 'No such organization.');
  const { db, t } = deps;
  const m = t.memberships;
  const isMember = sql`exists (select 1 from ${m} where ${m.organizationId} = ${organizationId} and ${m.userId} = ${current.record.user.id})`;
  const [updated] = await db
    .update(t.sessions)
    .set({ organizationId })
    .where(and(eq(t.sessions.id, current.record.session.id), isMember))
    .returning({ id: t.sessions.id });
  if (!updated) throw new ApiError('not_found', 'No such organization.');
  const record: SessionRecord = { ...current.record, organization: { ...membership.organization, role: membership.role } };
  await cacheRecord(deps, current.tokenHash, record);
  return record;
}

/** Deletes an organization (owners only): memberships and invitations go with it; sessions lose it. */
export async function deleteOrganization(deps: Deps, ctx: RequestContext, organizationId: string, actorId: string): Promise<void> {
  await authorize(deps, organizationId, actorId, 'delete_organization');
  const { db, t } = deps;
  const members = await db
    .select({ userId: t.memberships.userId })
    .from(t.memberships)
    .where(eq(t.memberships.organizationId, organizationId));
  await db.batch([
    lockOrganization(deps, organizationId),
    db.delete(t.organizations).where(eq(t.organizations.id, organizationId)),
    auditInsert(deps, ctx, 'organization.deleted', { userId: actorId, organizationId }),
  ]);
  await evictUserSessions(
    deps,
    members.map((x) => x.userId),
  );
}
