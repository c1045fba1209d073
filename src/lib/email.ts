import * as z from 'zod';

/**
 * Trim, Unicode NFC, lower-case, and the domain in its one DNS form (IDNA to ASCII, no trailing root dot):
 * one mailbox, one account, however it was typed. Otherwise `x@bücher.example`, `x@xn--bcher-kva.example`
 * and `x@bücher.example.` would be three accounts for one inbox (a pre-hijacking and confusion vector).
 */
export function normalizeEmail(email: string): string {
  const lowered = email.trim().normalize('NFC').toLowerCase();
  const at = lowered.lastIndexOf('@');
  if (at < 0) return lowered;
  return `${lowered.slice(0, at)}@${canonicalDomain(lowered.slice(at + 1))}`;
}

function canonicalDomain(domain: string): string {
  const bare = domain.endsWith('.') ? domain.slice(0, -1) : domain;
  // Only plain labels go through the URL parser: it would also accept (and drop) ports, paths or userinfo,
  // turning an invalid address into a valid one. Anything else is left for validation to refuse.
  if (!/^[\p{L}\p{M}\p{N}.-]+$/u.test(bare)) return bare;
  try {
    return new URL(`http://${bare}`).hostname; // UTS #46 mapping + Punycode: the WHATWG host parser
  } catch {
    return bare;
  }
}

export const emailField = z
  .string()
  .max(320)
  .transform(normalizeEmail)
  // Internationalised addresses (SMTPUTF8) are real addresses too.
  .pipe(z.email({ pattern: z.regexes.unicodeEmail, message: 'must be a valid email address' }));
