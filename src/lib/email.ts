import * as z from 'zod';

/** Trim, Unicode NFC, lower-case: one mailbox, one account, however it was typed. */
export function normalizeEmail(email: string): string {
  return email.trim().normalize('NFC').toLowerCase();
}

export const emailField = z
  .string()
  .max(320)
  .transform(normalizeEmail)
  // Internationalised addresses (SMTPUTF8) are real addresses too.
  .pipe(z.email({ pattern: z.regexes.unicodeEmail, message: 'must be a valid email address' }));
