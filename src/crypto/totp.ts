import { createTOTPKeyURI, verifyHOTP } from '@oslojs/otp';

// RFC 6238 as every authenticator app does it: HMAC-SHA-1, 6 digits, 30-second steps.
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
// Clock drift allowance: the previous, current and next step are accepted (±30 s), nothing wider.
export const TOTP_WINDOW_STEPS = 1;

/** A fresh 160-bit key (RFC 4226's recommended length for HMAC-SHA-1). */
export function newTotpKey(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(20));
}

export function totpStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/** The otpauth:// URI apps scan, and the base32 secret inside it (for manual entry). */
export function totpEnrollment(issuer: string, account: string, key: Uint8Array): { secret: string; uri: string } {
  const uri = createTOTPKeyURI(issuer, account, key, TOTP_PERIOD_SECONDS, TOTP_DIGITS);
  return { uri, secret: new URL(uri).searchParams.get('secret')! };
}

/**
 * The step (within ±1 of now) whose code `code` is, or null. @oslojs/otp reads Date.now() in its TOTP helpers,
 * so we derive the step from our injected clock and use its HOTP check (constant-time comparison).
 */
export function matchTotpStep(key: Uint8Array, code: string, now: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const current = totpStep(now);
  let matched: number | null = null;
  for (let step = current - TOTP_WINDOW_STEPS; step <= current + TOTP_WINDOW_STEPS; step++) {
    if (verifyHOTP(key, BigInt(step), TOTP_DIGITS, code) && matched === null) matched = step;
  }
  return matched;
}
