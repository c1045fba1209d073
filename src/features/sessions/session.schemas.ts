// The session record as the API shows it (`{user, organization, session}`), and the session list.
// SessionRecord and the views in sessions.ts are these schemas' types; userView maps a user row to `User`.
import * as z from 'zod';
import { Organization } from '../organizations/organization.schemas.ts';

export const User = z
  .strictObject({
    id: z.uuid(),
    email: z.string(),
    name: z.string().nullable(),
    email_verified: z.boolean(),
    created_at: z.iso.datetime(),
  })
  .meta({ id: 'User' });

export const Session = z
  .strictObject({
    id: z.uuid(),
    created_at: z.iso.datetime(),
    last_seen_at: z.iso.datetime(),
    idle_expires_at: z.iso.datetime(),
    expires_at: z.iso.datetime(),
    // How the session was established (RFC 8176 values: pwd, otp, hwk, user, fed, mfa); absent on older sessions.
    amr: z.array(z.string()).optional(),
  })
  .meta({ id: 'Session' });

/**
 * `{user, organization, session}`: the session record (the session cookie is set alongside). A sign-in sent
 * with `IdentSphere-Session-Transport: bearer` gets the cookie's token as `session_token` instead.
 */
export const SignedIn = z
  .strictObject({
    user: User,
    organization: Organization.nullable(),
    session: Session,
    session_token: z.string().optional().meta({
      description:
        'Only with `IdentSphere-Session-Transport: bearer` (native apps): send it as `Authorization: Bearer <session_token>`. No cookie is set then.',
    }),
  })
  .meta({ id: 'SignedIn' });

export const SessionListEntry = z.strictObject({
  id: z.uuid(),
  current: z.boolean(),
  ip: z.string().nullable(),
  user_agent: z.string().nullable(),
  created_at: z.iso.datetime(),
  last_seen_at: z.iso.datetime(),
  expires_at: z.iso.datetime(),
});

export const SessionList = z.strictObject({ sessions: z.array(SessionListEntry) });
