import { and, asc, eq, or, sql } from 'drizzle-orm';
import { insertWhere } from '../../db/insert-where.ts';
import { ApiError } from '../../lib/errors.ts';
import type { Deps } from '../../platform/deps.ts';
import { auditValues, type RequestContext } from '../audit/audit.ts';
import { evictUserSessions } from '../sessions/session-cache-eviction.ts';
import { anotherOwnerRemains, authorize, lockOrganization, membershipOf, type Role } from './org-access.ts';

export interface MemberView {
  user_id: string;
  email: string;
  name: string | null;
  role: Role;
  joined_at: string;
}

export async function listMembers(deps: Deps, organizationId: string, actorId: string): Promise<MemberView[]> {
  await authorize(deps, organizationId, actorId, 'view_members');
  const { db, t } = deps;
  const rows = await db
    .select({ userId: t.users.id, email: t.users.email, name: t.users.name, role: t.memberships.role, joinedAt: t.memberships.createdAt })
    .from(t.memberships)
    .innerJoin(t.users, eq(t.users.id, t.memberships.userId))
    .where(eq(t.memberships.organizationId, organizationId))
    .orderBy(asc(t.memberships.createdAt));
  return rows.map((r) => ({ user_id: r.userId, email: r.email, name: r.name, role: r.role as Role, joined_at: r.joinedAt.toISOString() }));
}

async function targetMembership(deps: Deps, organizationId: string, userId: string) {
  const target = await membershipOf(deps, organizationId, userId);
  if (!target) throw new ApiError('not_found', 'No such member.');
  return target;
}

/** Only owners touch ownership: an admin may neither grant it nor change an owner's role. */
export async function changeRole(
  deps: Deps,
  ctx: RequestContext,
  organizationId: string,
  actorId: string,
  targetId: string,
  role: Role,
): Promise<MemberView> {
  const actor = await authorize(deps, organizationId, actorId, 'change_role');
  const target = await targetMembership(deps, organizationId, targetId);
  if (actor.role !== 'owner' && (role === 'owner' || target.role === 'owner')) {
    throw new ApiError('forbidden', 'Only an owner can grant or take away ownership.');
  }
  if (target.role !== role) {
    const { db, t } = deps;
    const m = t.memberships;
    const [, updated] = await db.batch([
      lockOrganization(deps, organizationId),
      db
        .update(m)
        .set({ role })
        // Demoting an owner needs another owner to remain (checked after the lock, so it holds under concurrency).
        .where(
          and(
            eq(m.organizationId, organizationId),
            eq(m.userId, targetId),
            or(sql`${m.role} <> 'owner'`, anotherOwnerRemains(deps, organizationId, targetId)),
          ),
        )
        .returning({ role: m.role }),
      // Recorded only if the change happened.
      insertWhere(
        db,
        t.auditLogs,
        auditValues(deps, ctx, 'organization.member_role_changed', {
          userId: actorId,
          organizationId,
          metadata: { target_user_id: targetId, from: target.role, to: role },
        }),
        sql`exists (select 1 from ${m} where ${m.organizationId} = ${organizationId} and ${m.userId} = ${targetId} and ${m.role} = ${role})`,
      ),
    ]);
    if (!updated.length) throw new ApiError('last_owner');
    // The member's cached sessions show their role.
    await evictUserSessions(deps, [targetId]);
  }
  const member = (await listMembers(deps, organizationId, actorId)).find((x) => x.user_id === targetId);
  if (!member) throw new ApiError('not_found', 'No such member.');
  return member;
}

/** Removes a member (or, when actor = target, leaves). The last owner can do neither. */
export async function removeMember(
  deps: Deps,
  ctx: RequestContext,
  organizationId: string,
  actorId: string,
  targetId: string,
): Promise<void> {
  const leaving = actorId === targetId;
  const target = leaving ? await membershipOf(deps, organizationId, actorId) : null;
  if (leaving && !target) throw new ApiError('not_found', 'No such organization.');
  if (!leaving) {
    const actor = await authorize(deps, organizationId, actorId, 'remove_member');
    const other = await targetMembership(deps, organizationId, targetId);
    if (actor.role !== 'owner' && other.role === 'owner') throw new ApiError('forbidden', 'Only an owner can remove an owner.');
  }
  const { db, t } = deps;
  const m = t.memberships;
  const stillMember = sql`exists (select 1 from ${m} where ${m.organizationId} = ${organizationId} and ${m.userId} = ${targetId})`;
  const [, deleted] = await db.batch([
    lockOrganization(deps, organizationId),
    db
      .delete(m)
      .where(
        and(
          eq(m.organizationId, organizationId),
          eq(m.userId, targetId),
          or(sql`${m.role} <> 'owner'`, anotherOwnerRemains(deps, organizationId, targetId)),
        ),
      )
      .returning({ userId: m.userId }),
    // Sessions that had this organization active lose it (only if the membership is really gone).
    db
      .update(t.sessions)
      .set({ organizationId: null })
      .where(and(eq(t.sessions.userId, targetId), eq(t.sessions.organizationId, organizationId), sql`not ${stillMember}`)),
    insertWhere(
      db,
      t.auditLogs,
      auditValues(deps, ctx, leaving ? 'organization.member_left' : 'organization.member_removed', {
        userId: actorId,
        organizationId,
        metadata: leaving ? {} : { target_user_id: targetId },
      }),
      sql`not ${stillMember}`,
    ),
  ]);
  if (!deleted.length) {
    // Either the last owner tried to go, or the membership vanished meanwhile.
    if (await membershipOf(deps, organizationId, targetId)) throw new ApiError('last_owner');
    throw new ApiError('not_found', 'No such member.');
  }
  await evictUserSessions(deps, [targetId]);
}
