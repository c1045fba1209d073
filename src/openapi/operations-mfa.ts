// Multi-factor authentication: the second sign-in step, TOTP enrolment and recovery codes.
import * as z from 'zod';
import { FreshAuthBody } from '../features/sign-in/fresh-auth.ts';
import { ConfirmTotpBody, MfaChallengeBody } from '../features/mfa/mfa.routes.ts';
import { MfaRequired, noContent, RecoveryCodes, SignedIn, type Operation } from './schemas.ts';

const MfaStatus = z.object({
  enabled: z.boolean(),
  methods: MfaRequired.shape.methods,
  recovery_codes_remaining: z.number().int().min(0),
});

const TotpSetup = z.object({ secret: z.string(), otpauth_uri: z.string() });

export const MFA_OPERATIONS: Operation[] = [
  {
    id: 'completeMfaChallenge',
    method: 'POST',
    path: '/v1/auth/mfa/challenge',
    summary: 'Finish a sign-in that answered mfa_required, with a TOTP code or a recovery code',
    tag: 'mfa',
    body: MfaChallengeBody,
    responses: { 200: { description: 'Signed in (session cookie set)', schema: SignedIn } },
  },
  {
    id: 'getMfaStatus',
    method: 'GET',
    path: '/v1/auth/mfa',
    summary: 'Whether MFA is on, its methods, and how many recovery codes are left',
    tag: 'mfa',
    auth: true,
    responses: { 200: { description: 'MFA status', schema: MfaStatus } },
  },
  {
    id: 'setupTotp',
    method: 'POST',
    path: '/v1/auth/mfa/totp/setup',
    summary: 'Start TOTP enrolment (fresh authentication: the password, or a recent sign-in)',
    tag: 'mfa',
    auth: true,
    body: FreshAuthBody,
    bodyRequired: false,
    responses: { 200: { description: 'The secret to add to the authenticator app', schema: TotpSetup } },
  },
  {
    id: 'confirmTotp',
    method: 'POST',
    path: '/v1/auth/mfa/totp/confirm',
    summary: 'Confirm TOTP enrolment with a first code; turns MFA on',
    tag: 'mfa',
    auth: true,
    body: ConfirmTotpBody,
    responses: { 200: { description: 'MFA on; the recovery codes (shown once)', schema: RecoveryCodes } },
  },
  {
    id: 'disableTotp',
    method: 'DELETE',
    path: '/v1/auth/mfa/totp',
    summary: 'Turn TOTP off (fresh authentication: the password, or a recent sign-in)',
    tag: 'mfa',
    auth: true,
    body: FreshAuthBody,
    bodyRequired: false,
    responses: { 204: noContent },
  },
  {
    id: 'regenerateRecoveryCodes',
    method: 'POST',
    path: '/v1/auth/mfa/recovery-codes',
    summary: 'Replace the recovery codes (fresh authentication: the password, or a recent sign-in)',
    tag: 'mfa',
    auth: true,
    body: FreshAuthBody,
    bodyRequired: false,
    responses: { 200: { description: 'The new recovery codes (shown once); the old ones no longer work', schema: RecoveryCodes } },
  },
];
