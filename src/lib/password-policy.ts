import * as z from 'zod';

export const PASSWORD_MIN_CHARS = 8;
export const PASSWORD_MAX_CHARS = 128;
// argon2 hashes every byte (no truncation); the byte cap bounds the work an attacker can ask for.
export const PASSWORD_MAX_BYTES = 512;

/** No composition rules (NIST SP 800-63B): length only. */
export const passwordField = z
  .string()
  .min(PASSWORD_MIN_CHARS, `must be at least ${PASSWORD_MIN_CHARS} characters`)
  .max(PASSWORD_MAX_CHARS, `must be at most ${PASSWORD_MAX_CHARS} characters`)
  .refine((p) => new TextEncoder().encode(p).length <= PASSWORD_MAX_BYTES, `must be at most ${PASSWORD_MAX_BYTES} bytes`);
