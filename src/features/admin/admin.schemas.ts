// Response bodies of the admin API (/v1/admin).
import * as z from 'zod';
import { Identity } from '../accounts/account.schemas.ts';
import { AuditEvent } from '../audit/audit.schemas.ts';
import { Passkey } from '../passkeys/passkey.schemas.ts';
import { SessionListEntry, User } from '../sessions/session.schemas.ts';

export const AdminUser = User.extend({
  updated_at: z.iso.datetime(),
  platform_role: z.enum(['admin']).nullable(),
  // Disabled now (a disable whose `until` has passed no longer counts).
  disabled: z.boolean(),
  disabled_at: z.iso.datetime().nullable(),
  disabled_until: z.iso.datetime().nullable(),
  disabled_reason: z.string().nullable(),
}).meta({ id: 'AdminUser' });

export const AdminUserPage = z.strictObject({ users: z.array(AdminUser), next_cursor: z.string().nullable() });

export const AdminUserDetail = z.strictObject({
  user: AdminUser.extend({ locale: z.string().nullable(), time_zone: z.string().nullable() }),
  organizations: z.array(
    z.strictObject({ id: z.uuid(), name: z.string(), role: z.enum(['owner', 'admin', 'member']), joined_at: z.iso.datetime() }),
  ),
  sessions: z.array(SessionListEntry),
  identities: z.array(Identity),
  mfa: z.strictObject({ totp_enabled: z.boolean(), recovery_codes_remaining: z.number().int() }),
  passkeys: z.array(Passkey),
  // The latest sign-in attempts (login.succeeded / login.failed / mfa.failed / passkey.login_failed…), newest first.
  recent_sign_ins: z.array(AuditEvent),
});

export const AdminUserAnswer = z.strictObject({ user: AdminUser });
export const AdminUserDisabled = z.strictObject({ user: AdminUser, sessions_revoked: z.number().int() });
export const AdminSignedOut = z.strictObject({ sessions_revoked: z.number().int() });
export const AdminMfaReset = z.strictObject({ totp_removed: z.boolean(), passkeys_removed: z.number().int() });

export const AdminOrganization = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  created_at: z.iso.datetime(),
  member_count: z.number().int(),
});
export const AdminOrganizationPage = z.strictObject({ organizations: z.array(AdminOrganization), next_cursor: z.string().nullable() });
