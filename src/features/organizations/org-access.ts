import { and, eq, sql } from 'drizzle-orm';
import { ApiError } from '../../lib/errors.ts';
import type { Deps } from '../../platform/deps.ts';

export const ROLES = ['owner', 'admin', 'member'] as const;
export type Role = (typeof ROLES)[number];

export type OrgAction =
  | 'view_members'
  | 'invite'
  | 'view_invitations'
  | 'revoke_invitation'
  | 'change_role'
  | 'remove_member'
  | 'delete_organization'
  | 'view_audit_log';

/**
 * Who may do what in an organization. Further rules sit with the actions: only owners grant or take away
 * ownership (an admin can neither invite an owner, promote to owner, nor demote or remove an owner), and an
 * organization always keeps at least one owner.
 */
export const POLICY: Record<OrgAction, readonly Role[]> = {
  view_members: ['owner', 'admin', 'member'],
  invite: ['owner', 'admin'],
  view_invitations: ['owner', 'admin'],
  revoke_invitation: ['owner', 'admin'],
  change_role: ['owner', 'admin'],
  remove_member: ['owner', 'admin'],
  delete_organization: ['owner'],
  view_audit_log: ['owner', 'admin'],
};

export function isAllowed(role: Role, action: OrgAction): boolean {
  return POLICY[action].includes(role);
}

export interface Membership {
  organization: { id: string; name: string };
  role: Role;
}

/** Always read from Postgres: the role in a cached session record may be up to a cache TTL old. */
export async function membershipOf(deps: Deps, organizationId: string, userId: string): Promise<Membership | null> {
  const { db, t } = deps;
  const [row] = await db
    .select({ id: t.organizations.id, name: t.organizations.name, role: t.memberships.role })
    .from(t.memberships)
    .innerJoin(t.organizations, eq(t.organizations.id, t.memberships.organizationId))
    .where(and(eq(t.memberships.organizationId, organizationId), eq(t.memberships.userId, userId)));
  return row ? { organization: { id: row.id, name: row.name }, role: row.role as Role } : null;
}

/**
 * The actor's membership, if it permits `action`. Not a member: 404 (an organization's existence is not
 * revealed to outsiders). A member without the permission: 403.
 */
export async function authorize(deps: Deps, organizationId: string, userId: string, action: OrgAction): Promise<Membership> {
  const membership = await membershipOf(deps, organizationId, userId);
  if (!membership) throw new ApiError('not_found', 'No such organization.');
  if (!isAllowed(membership.role, action)) throw new ApiError('forbidden', `Your role (${membership.role}) does not allow this.`);
  return membership;
}

/**
 * First statement of a batch that changes an organization's memberships: locks the organization row, so
 * concurrent changes run one after another and each sees the other's result (two owners leaving at once
 * cannot both pass the "another owner remains" check).
 */
export function lockOrganization(deps: Deps, organizationId: string) {
  const { db, t } = deps;
  return db.select({ id: t.organizations.id }).from(t.organizations).where(eq(t.organizations.id, organizationId)).for('update');
}

/** True while the organization has an owner other than `userId` (evaluated inside the batch, after the lock). */
export function anotherOwnerRemains(deps: Deps, organizationId: string, userId: string) {
  const m = deps.t.memberships;
  return sql`exists (select 1 from ${m} where ${m.organizationId} = ${organizationId} and ${m.role} = 'owner' and ${m.userId} <> ${userId})`;
}
