// TOTP enrolment and removal, recovery codes, and finishing a pending MFA sign-in.
import type { Core } from './core.ts';
import { type MfaStep, mfaStep } from './sign-in.ts';
import type { ResponseBody } from './types.ts';

type MfaStatus = ResponseBody<'/v1/auth/mfa', 'get', 200>;
type TotpSetup = ResponseBody<'/v1/auth/mfa/totp/setup', 'post', 200>;

/** Routes that need a fresh authentication take the password, unless the user signed in a few minutes ago. */
const freshAuth = (input: { password?: string }) => (input.password ? { password: input.password } : {});

export function mfa(core: Core) {
  const { api } = core;
  return {
    status: (): Promise<MfaStatus> => core.call(api.GET('/v1/auth/mfa')),

    /** Starts TOTP enrolment: the secret and otpauth:// URI to show (as a QR code) to the authenticator app. */
    enroll: (input: { password?: string } = {}): Promise<TotpSetup> =>
      core.call(api.POST('/v1/auth/mfa/totp/setup', { body: freshAuth(input) })),

    /** Finishes enrolment with a first code; MFA is on. Returns the recovery codes, shown once. */
    confirm: async (code: string): Promise<string[]> =>
      (await core.call(api.POST('/v1/auth/mfa/totp/confirm', { body: { code } }))).recovery_codes,

    disable: (input: { password?: string } = {}): Promise<void> => core.call(api.DELETE('/v1/auth/mfa/totp', { body: freshAuth(input) })),

    /** New recovery codes (shown once); the old ones stop working. */
    regenerateRecoveryCodes: async (input: { password?: string } = {}): Promise<string[]> =>
      (await core.call(api.POST('/v1/auth/mfa/recovery-codes', { body: freshAuth(input) }))).recovery_codes,

    /** The MFA step for an `mfa_token` from elsewhere: the OAuth landing page's `#mfa_token=` fragment. */
    challenge: (mfaToken: string): MfaStep => mfaStep(core, { mfa_token: mfaToken }),
  };
}
