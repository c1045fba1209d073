// The Operation type and the response shapes several features share (the sign-in answers above all).
// Request bodies never live here: they are the routes' own validation schemas, imported from the features' *.routes.ts.
import * as z from 'zod';

export interface Operation {
  id: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string; // Hono syntax (:param)
  summary: string;
  tag: string;
  auth?: boolean;
  body?: z.ZodType;
  /** false for bodies read with parseOptionalJson (no body at all means `{}`). Default true. */
  bodyRequired?: boolean;
  rawBody?: string;
  query?: z.ZodObject;
  responses: Record<number, { description: string; schema?: z.ZodType; contentType?: string }>;
}

export const noContent = { description: 'Done' };

export const Role = z.enum(['owner', 'admin', 'member']);

export const User = z.object({ id: z.uuid(), email: z.string(), name: z.string().nullable(), email_verified: z.boolean(), created_at: z.iso.datetime() });
export const Organization = z.object({ id: z.uuid(), name: z.string(), role: Role }).nullable();
export const Session = z.object({
  id: z.uuid(),
  created_at: z.iso.datetime(),
  last_seen_at: z.iso.datetime(),
  idle_expires_at: z.iso.datetime(),
  expires_at: z.iso.datetime(),
});

/** `{user, organization, session}`: the session record (the session cookie is set alongside). */
export const SignedIn = z.object({ user: User, organization: Organization, session: Session });

/** MFA on and only a first factor proven: no cookie; finish at POST /v1/auth/mfa/challenge (src/features/sign-in/sign-in.http.ts). */
export const MfaRequired = z.object({
  mfa_required: z.literal(true),
  mfa_token: z.string(),
  methods: z.array(z.enum(['totp', 'recovery_code', 'passkey'])),
  expires_at: z.iso.datetime(),
});

/** What a first factor answers with (respondSignIn): signed in, or a pending MFA sign-in. */
export const SignInAnswer = z.union([SignedIn, MfaRequired]);

export const signInResponses = {
  200: { description: 'Signed in (session cookie set), or `mfa_required` with an mfa_token (no cookie)', schema: SignInAnswer },
};

/** The user as GET /v1/auth/me shows it (UserView in src/features/accounts/profile.ts). */
export const UserView = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string().nullable(),
  email_verified: z.boolean(),
  locale: z.string().nullable(),
  time_zone: z.string().nullable(),
  avatar_url: z.string().nullable(),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
});

export const RecoveryCodes = z.object({ recovery_codes: z.array(z.string()) });
