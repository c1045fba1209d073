import { type Context, Hono } from 'hono';
import * as z from 'zod';
import { parseJson, requestContext } from '../../http/request.ts';
import { describeRoute } from '../../http/route-contract.ts';
import type { AppContext, AppEnv, SignedInEnv } from '../../http/types.ts';
import { emailField } from '../../lib/email.ts';
import { ApiError } from '../../lib/errors.ts';
import { textField } from '../../lib/text.ts';
import { requireSession } from '../sessions/session.middleware.ts';
import { SignedIn } from '../sessions/session.schemas.ts';
import { inviteMember, listInvitations, revokeInvitation } from './invitations.ts';
import { changeRole, listMembers, removeMember } from './memberships.ts';
import { ROLES } from './org-access.ts';
import {
  CreatedOrganization,
  InvitationAnswer,
  InvitationList,
  MemberAnswer,
  MemberList,
  OrganizationList,
} from './organization.schemas.ts';
import { createOrganization, deleteOrganization, listOrganizations, switchOrganization } from './organizations.ts';

export const OrganizationBody = z.strictObject({ name: textField({ max: 200 }) });
export const InvitationBody = z.strictObject({ email: emailField, role: z.enum(ROLES).default('member') });
export const RoleBody = z.strictObject({ role: z.enum(ROLES) });

const Id = z.uuid();

/** A path id; anything but a UUID is simply not found. */
function idParam(c: AppContext, name: string, what: string): string {
  const parsed = Id.safeParse(c.req.param(name));
  if (!parsed.success) throw new ApiError('not_found', `No such ${what}.`);
  return parsed.data;
}

const orgId = (c: AppContext) => idParam(c, 'id', 'organization');
const me = (c: Context<SignedInEnv>) => c.var.session.record.user;

export const organizationRoutes = new Hono<AppEnv>()
  .use(requireSession)
  .get(
    '/',
    describeRoute({
      operationId: 'listOrganizations',
      summary: "The user's organizations",
      tag: 'organizations',
      auth: true,
      responses: { 200: { description: 'Organizations', schema: OrganizationList } },
      errors: [],
    }),
    async (c) => c.json({ organizations: await listOrganizations(c.var.deps, c.var.session) } satisfies z.input<typeof OrganizationList>),
  )
  .post(
    '/',
    describeRoute({
      operationId: 'createOrganization',
      summary: 'Create an organization, owned by the user',
      tag: 'organizations',
      auth: true,
      body: OrganizationBody,
      responses: { 201: { description: 'Created', schema: CreatedOrganization } },
      errors: [],
    }),
    async (c) => {
      const { name } = await parseJson(c, OrganizationBody);
      return c.json(
        { organization: await createOrganization(c.var.deps, requestContext(c), me(c).id, name) } satisfies z.input<
          typeof CreatedOrganization
        >,
        201,
      );
    },
  )
  .post(
    '/:id/switch',
    describeRoute({
      operationId: 'switchOrganization',
      summary: 'Make one of the user’s organizations the active one of this session',
      tag: 'organizations',
      auth: true,
      responses: { 200: { description: 'The session, with its new organization', schema: SignedIn } },
      errors: ['not_found'],
    }),
    async (c) => c.json((await switchOrganization(c.var.deps, c.var.session, orgId(c))) satisfies z.input<typeof SignedIn>),
  )
  .delete(
    '/:id',
    describeRoute({
      operationId: 'deleteOrganization',
      summary: 'Delete an organization (owners only)',
      tag: 'organizations',
      auth: true,
      responses: { 204: { description: 'Done' } },
      errors: ['not_found', 'forbidden'],
    }),
    async (c) => {
      await deleteOrganization(c.var.deps, requestContext(c), orgId(c), me(c).id);
      return c.body(null, 204);
    },
  )
  .get(
    '/:id/members',
    describeRoute({
      operationId: 'listMembers',
      summary: 'The members of an organization',
      tag: 'organizations',
      auth: true,
      responses: { 200: { description: 'Members', schema: MemberList } },
      errors: ['not_found', 'forbidden'],
    }),
    async (c) => c.json({ members: await listMembers(c.var.deps, orgId(c), me(c).id) } satisfies z.input<typeof MemberList>),
  )
  .patch(
    '/:id/members/:userId',
    describeRoute({
      operationId: 'changeMemberRole',
      summary: 'Change a member’s role (only owners grant or take away ownership)',
      tag: 'organizations',
      auth: true,
      body: RoleBody,
      responses: { 200: { description: 'The member', schema: MemberAnswer } },
      errors: ['not_found', 'forbidden', 'last_owner'],
    }),
    async (c) => {
      const { role } = await parseJson(c, RoleBody);
      const member = await changeRole(c.var.deps, requestContext(c), orgId(c), me(c).id, idParam(c, 'userId', 'member'), role);
      return c.json({ member } satisfies z.input<typeof MemberAnswer>);
    },
  )
  .delete(
    '/:id/members/:userId',
    describeRoute({
      operationId: 'removeMember',
      summary: 'Remove a member',
      tag: 'organizations',
      auth: true,
      responses: { 204: { description: 'Done' } },
      errors: ['not_found', 'forbidden', 'last_owner'],
    }),
    async (c) => {
      await removeMember(c.var.deps, requestContext(c), orgId(c), me(c).id, idParam(c, 'userId', 'member'));
      return c.body(null, 204);
    },
  )
  .post(
    '/:id/leave',
    describeRoute({
      operationId: 'leaveOrganization',
      summary: 'Leave an organization',
      tag: 'organizations',
      auth: true,
      responses: { 204: { description: 'Done' } },
      errors: ['not_found', 'last_owner'],
    }),
    async (c) => {
      await removeMember(c.var.deps, requestContext(c), orgId(c), me(c).id, me(c).id);
      return c.body(null, 204);
    },
  )
  .get(
    '/:id/invitations',
    describeRoute({
      operationId: 'listInvitations',
      summary: 'Pending invitations of an organization',
      tag: 'invitations',
      auth: true,
      responses: { 200: { description: 'Invitations', schema: InvitationList } },
      errors: ['not_found', 'forbidden'],
    }),
    async (c) => c.json({ invitations: await listInvitations(c.var.deps, orgId(c), me(c).id) } satisfies z.input<typeof InvitationList>),
  )
  .post(
    '/:id/invitations',
    describeRoute({
      operationId: 'inviteMember',
      summary: 'Invite an address (owners and admins; only owners invite owners)',
      tag: 'invitations',
      auth: true,
      body: InvitationBody,
      responses: { 201: { description: 'Invited (the email was sent)', schema: InvitationAnswer } },
      errors: ['not_found', 'forbidden', 'already_member'],
    }),
    async (c) => {
      const input = await parseJson(c, InvitationBody);
      return c.json(
        { invitation: await inviteMember(c.var.deps, requestContext(c), orgId(c), me(c), input) } satisfies z.input<
          typeof InvitationAnswer
        >,
        201,
      );
    },
  )
  .delete(
    '/:id/invitations/:invitationId',
    describeRoute({
      operationId: 'revokeInvitation',
      summary: 'Revoke a pending invitation',
      tag: 'invitations',
      auth: true,
      responses: { 204: { description: 'Done' } },
      errors: ['not_found', 'forbidden'],
    }),
    async (c) => {
      await revokeInvitation(c.var.deps, requestContext(c), orgId(c), me(c).id, idParam(c, 'invitationId', 'invitation'));
      return c.body(null, 204);
    },
  );
