// Organizations: membership, roles and invitations.
import * as z from 'zod';
import { AcceptInvitationBody, RegisterByInvitationBody } from '../features/organizations/invitations.routes.ts';
import { InvitationBody, OrganizationBody, RoleBody } from '../features/organizations/organizations.routes.ts';
import { noContent, Role, SignedIn, type Operation } from './schemas.ts';

const OrganizationView = z.object({
  id: z.uuid(),
  name: z.string(),
  role: Role,
  created_at: z.iso.datetime(),
  joined_at: z.iso.datetime(),
  /** The organization active in the current session. */
  current: z.boolean(),
});

const Member = z.object({ user_id: z.uuid(), email: z.string(), name: z.string().nullable(), role: Role, joined_at: z.iso.datetime() });

const Invitation = z.object({
  id: z.uuid(),
  email: z.string(),
  role: Role,
  invited_by: z.uuid().nullable(),
  created_at: z.iso.datetime(),
  expires_at: z.iso.datetime(),
});

const base = '/v1/auth/organizations';

export const ORGANIZATION_OPERATIONS: Operation[] = [
  {
    id: 'listOrganizations',
    method: 'GET',
    path: base,
    summary: "The user's organizations",
    tag: 'organizations',
    auth: true,
    responses: { 200: { description: 'Organizations', schema: z.object({ organizations: z.array(OrganizationView) }) } },
  },
  {
    id: 'createOrganization',
    method: 'POST',
    path: base,
    summary: 'Create an organization, owned by the user',
    tag: 'organizations',
    auth: true,
    body: OrganizationBody,
    responses: { 201: { description: 'Created', schema: z.object({ organization: OrganizationView.omit({ current: true }) }) } },
  },
  {
    id: 'switchOrganization',
    method: 'POST',
    path: `${base}/:id/switch`,
    summary: 'Make one of the user’s organizations the active one of this session',
    tag: 'organizations',
    auth: true,
    responses: { 200: { description: 'The session, with its new organization', schema: SignedIn } },
  },
  {
    id: 'deleteOrganization',
    method: 'DELETE',
    path: `${base}/:id`,
    summary: 'Delete an organization (owners only)',
    tag: 'organizations',
    auth: true,
    responses: { 204: noContent },
  },
  {
    id: 'listMembers',
    method: 'GET',
    path: `${base}/:id/members`,
    summary: 'The members of an organization',
    tag: 'organizations',
    auth: true,
    responses: { 200: { description: 'Members', schema: z.object({ members: z.array(Member) }) } },
  },
  {
    id: 'changeMemberRole',
    method: 'PATCH',
    path: `${base}/:id/members/:userId`,
    summary: 'Change a member’s role (only owners grant or take away ownership)',
    tag: 'organizations',
    auth: true,
    body: RoleBody,
    responses: { 200: { description: 'The member', schema: z.object({ member: Member }) } },
  },
  {
    id: 'removeMember',
    method: 'DELETE',
    path: `${base}/:id/members/:userId`,
    summary: 'Remove a member',
    tag: 'organizations',
    auth: true,
    responses: { 204: noContent },
  },
  {
    id: 'leaveOrganization',
    method: 'POST',
    path: `${base}/:id/leave`,
    summary: 'Leave an organization',
    tag: 'organizations',
    auth: true,
    responses: { 204: noContent },
  },
  {
    id: 'listInvitations',
    method: 'GET',
    path: `${base}/:id/invitations`,
    summary: 'Pending invitations of an organization',
    tag: 'invitations',
    auth: true,
    responses: { 200: { description: 'Invitations', schema: z.object({ invitations: z.array(Invitation) }) } },
  },
  {
    id: 'inviteMember',
    method: 'POST',
    path: `${base}/:id/invitations`,
    summary: 'Invite an address (owners and admins; only owners invite owners)',
    tag: 'invitations',
    auth: true,
    body: InvitationBody,
    responses: { 201: { description: 'Invited (the email was sent)', schema: z.object({ invitation: Invitation }) } },
  },
  {
    id: 'revokeInvitation',
    method: 'DELETE',
    path: `${base}/:id/invitations/:invitationId`,
    summary: 'Revoke a pending invitation',
    tag: 'invitations',
    auth: true,
    responses: { 204: noContent },
  },
  {
    id: 'acceptInvitation',
    method: 'POST',
    path: '/v1/auth/invitations/accept',
    summary: 'Accept an invitation as the signed-in account (it must be the invited address)',
    tag: 'invitations',
    auth: true,
    body: AcceptInvitationBody,
    responses: {
      200: { description: 'Joined', schema: z.object({ organization: z.object({ id: z.uuid(), name: z.string(), role: Role }) }) },
    },
  },
  {
    id: 'registerByInvitation',
    method: 'POST',
    path: '/v1/auth/invitations/register',
    summary: 'Accept an invitation by creating the invited account, and sign in',
    tag: 'invitations',
    body: RegisterByInvitationBody,
    responses: { 201: { description: 'Signed in (session cookie set)', schema: SignedIn } },
  },
];
