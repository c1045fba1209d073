// Response bodies of the account routes: profile, identities, export, avatar.
import * as z from 'zod';
import { User } from '../sessions/session.schemas.ts';

/** The user as GET /v1/auth/me shows it (loadUserView in profile.ts). */
export const UserProfile = User.extend({
  locale: z.string().nullable(),
  time_zone: z.string().nullable(),
  avatar_url: z.string().nullable(),
  updated_at: z.iso.datetime(),
}).meta({ id: 'UserProfile' });

export const Me = z.strictObject({ user: UserProfile });

export const ProfileUpdated = z.strictObject({
  user: UserProfile,
  // Present when the email was changed: it applies once the link sent to the new address is followed.
  email_change: z.strictObject({ email: z.string(), status: z.literal('verification_sent') }).optional(),
});

export const Identity = z.strictObject({
  id: z.uuid(),
  provider: z.string(),
  email: z.string().nullable(),
  email_verified: z.boolean(),
  created_at: z.iso.datetime(),
  last_used_at: z.iso.datetime().nullable(),
});
export const IdentityList = z.strictObject({ identities: z.array(Identity) });

export const AvatarSet = z.strictObject({ avatar_url: z.string() });

/** identsphere.user-export.v1: everything stored about the user, without secrets, hashes or tokens. */
export const UserExport = z.looseObject({
  format: z.literal('identsphere.user-export.v1'),
  exported_at: z.iso.datetime(),
  account: z.record(z.string(), z.unknown()),
  profile: UserProfile,
  organizations: z.array(z.strictObject({ id: z.uuid(), name: z.string(), role: z.string(), joined_at: z.iso.datetime() })),
  sessions: z.array(z.looseObject({ id: z.uuid(), current: z.boolean() })),
  audit_events: z.array(z.looseObject({ id: z.string(), event: z.string(), created_at: z.iso.datetime() })),
  // Rows of every other table that references the user, by table name.
  other_records: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
});
