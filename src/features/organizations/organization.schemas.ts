// Response bodies of the organization routes; `Organization` is also the active organization of a session.
import * as z from 'zod';
import { ROLES } from './org-access.ts';

export const Role = z.enum(ROLES);

/** The organization a session acts in (`organization` of a signed-in answer), and an accepted invitation's. */
export const Organization = z.strictObject({ id: z.uuid(), name: z.string(), role: Role }).meta({ id: 'Organization' });

export const OrganizationView = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  role: Role,
  created_at: z.iso.datetime(),
  joined_at: z.iso.datetime(),
  /** The organization active in the current session. */
  current: z.boolean(),
});

export const OrganizationList = z.strictObject({ organizations: z.array(OrganizationView) });
export const CreatedOrganization = z.strictObject({ organization: OrganizationView.omit({ current: true }) });
export const JoinedOrganization = z.strictObject({ organization: Organization });

export const Member = z
  .strictObject({ user_id: z.uuid(), email: z.string(), name: z.string().nullable(), role: Role, joined_at: z.iso.datetime() })
  .meta({ id: 'Member' });
export const MemberList = z.strictObject({ members: z.array(Member) });
export const MemberAnswer = z.strictObject({ member: Member });

export const Invitation = z
  .strictObject({
    id: z.uuid(),
    email: z.string(),
    role: Role,
    invited_by: z.uuid().nullable(),
    created_at: z.iso.datetime(),
    expires_at: z.iso.datetime(),
  })
  .meta({ id: 'Invitation' });
export const InvitationList = z.strictObject({ invitations: z.array(Invitation) });
export const InvitationAnswer = z.strictObject({ invitation: Invitation });
