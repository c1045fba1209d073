import { Hono, type Context } from 'hono';
import * as z from 'zod';
import { parseJson, requestContext } from '../../http/request.ts';
import type { AppContext, AppEnv, SignedInEnv } from '../../http/types.ts';
import { emailField } from '../../lib/email.ts';
import { ApiError } from '../../lib/errors.ts';
import { requireSession } from '../sessions/session.middleware.ts';
import { inviteMember, listInvitations, revokeInvitation } from './invitations.ts';
import { changeRole, listMembers, removeMember } from './memberships.ts';
import { ROLES } from './org-access.ts';
import { createOrganization, deleteOrganization, listOrganizations, switchOrganization } from './organizations.ts';
import { textField } from '../../lib/text.ts';

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
  .get('/', async (c) => c.json({ organizations: await listOrganizations(c.var.deps, c.var.session) }))
  .post('/', async (c) => {
    const { name } = await parseJson(c, OrganizationBody);
    return c.json({ organization: await createOrganization(c.var.deps, requestContext(c), me(c).id, name) }, 201);
  })
  .post('/:id/switch', async (c) => c.json(await switchOrganization(c.var.deps, c.var.session, orgId(c))))
  .delete('/:id', async (c) => {
    await deleteOrganization(c.var.deps, requestContext(c), orgId(c), me(c).id);
    return c.body(null, 204);
  })
  .get('/:id/members', async (c) => c.json({ members: await listMembers(c.var.deps, orgId(c), me(c).id) }))
  .patch('/:id/members/:userId', async (c) => {
    const { role } = await parseJson(c, RoleBody);
    const member = await changeRole(c.var.deps, requestContext(c), orgId(c), me(c).id, idParam(c, 'userId', 'member'), role);
    return c.json({ member });
  })
  .delete('/:id/members/:userId', async (c) => {
    await removeMember(c.var.deps, requestContext(c), orgId(c), me(c).id, idParam(c, 'userId', 'member'));
    return c.body(null, 204);
  })
  .post('/:id/leave', async (c) => {
    await removeMember(c.var.deps, requestContext(c), orgId(c), me(c).id, me(c).id);
    return c.body(null, 204);
  })
  .get('/:id/invitations', async (c) => c.json({ invitations: await listInvitations(c.var.deps, orgId(c), me(c).id) }))
  .post('/:id/invitations', async (c) => {
    const input = await parseJson(c, InvitationBody);
    return c.json({ invitation: await inviteMember(c.var.deps, requestContext(c), orgId(c), me(c), input) }, 201);
  })
  .delete('/:id/invitations/:invitationId', async (c) => {
    await revokeInvitation(c.var.deps, requestContext(c), orgId(c), me(c).id, idParam(c, 'invitationId', 'invitation'));
    return c.body(null, 204);
  });
