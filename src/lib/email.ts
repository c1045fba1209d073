import { z } from 'zod';

/** Trim, Unicode NFC, lower-case: one mailbox, one account, however it was typed. */
export function normalizeEmail(email: string): string {
  return email.trim().normalize('NFC').toLowerCase();
}

export const emailField = z
  .string()
  .max(320)
  .transform(normalizeEmail)
  .pipe(z.email({ message: 'must be a valid email address' }));
