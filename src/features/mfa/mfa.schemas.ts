// Response bodies of the MFA routes, and the answer of a first factor (signed in, or MFA still required).
import * as z from 'zod';
import type { ResponseContract } from '../../http/route-contract.ts';
import { SignedIn } from '../sessions/session.schemas.ts';

/** MFA on and only a first factor proven: no cookie; finish at POST /v1/auth/mfa/challenge. */
export const MfaRequired = z
  .strictObject({
    mfa_required: z.literal(true),
    mfa_token: z.string(),
    methods: z.array(z.enum(['totp', 'recovery_code', 'passkey'])),
    expires_at: z.iso.datetime(),
  })
  .meta({ id: 'MfaRequired' });

/** What a first factor answers with (respondSignIn): signed in, or a pending MFA sign-in. */
export const SignInAnswer = z.union([SignedIn, MfaRequired]);

export const MfaStatus = z.strictObject({
  enabled: z.boolean(),
  methods: MfaRequired.shape.methods,
  recovery_codes_remaining: z.number().int().min(0),
});

export const TotpSetup = z.strictObject({ secret: z.string(), otpauth_uri: z.string() });

export const RecoveryCodes = z.strictObject({ recovery_codes: z.array(z.string()) });

/** The 200 of a first factor (respondSignIn): signed in with the cookie, or MFA still required (no cookie). */
export const SIGN_IN_ANSWER = {
  description:
    'Signed in (session cookie set; with `IdentSphere-Session-Transport: bearer`, `session_token` instead), or `mfa_required` with an mfa_token (no session)',
  schema: SignInAnswer,
  sessionCookie: 'set',
} satisfies ResponseContract;
