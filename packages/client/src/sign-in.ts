// A first factor answers with a session, or — MFA on — with a pending sign-in that a second factor finishes.
import type { Core } from './core.ts';
import type { MfaRequired, SignedIn } from './types.ts';

export interface SignedInResult {
  mfaRequired: false;
  session: SignedIn;
}

/** A sign-in waiting for its second factor (no session yet). Finish it with verify() before `expiresAt`. */
export interface MfaStep {
  mfaRequired: true;
  /** Empty, and `expiresAt` null, for a step made from an `mfa_token` alone (mfa.challenge). */
  methods: MfaRequired['methods'];
  expiresAt: string | null;
  /** Finish with the 6-digit code of the authenticator app. */
  verify(code: string): Promise<SignedInResult>;
  /** Finish with one of the recovery codes (each works once). */
  verifyRecoveryCode(recoveryCode: string): Promise<SignedInResult>;
}

export type SignInResult = SignedInResult | MfaStep;

export function signedIn(core: Core, session: SignedIn): SignedInResult {
  return { mfaRequired: false, session: core.signedIn(session) };
}

/**
 * The step for an `mfa_token`: from a sign-in's answer, or from the OAuth landing page's `#mfa_token=` fragment
 * (methods and expiry unknown there).
 */
export function mfaStep(core: Core, pending: Pick<MfaRequired, 'mfa_token'> & Partial<MfaRequired>): MfaStep {
  const finish = async (proof: { code: string } | { recovery_code: string }) =>
    signedIn(core, await core.call(core.api.POST('/v1/auth/mfa/challenge', { body: { mfa_token: pending.mfa_token, ...proof } })));
  return {
    mfaRequired: true,
    methods: pending.methods ?? [],
    expiresAt: pending.expires_at ?? null,
    verify: (code) => finish({ code }),
    verifyRecoveryCode: (recoveryCode) => finish({ recovery_code: recoveryCode }),
  };
}

export function signInResult(core: Core, answer: SignedIn | MfaRequired): SignInResult {
  return 'mfa_required' in answer ? mfaStep(core, answer) : signedIn(core, answer);
}
