import * as z from 'zod';

// NUL cannot be stored in Postgres text (the query fails with SQLSTATE 22021), a lone surrogate is not valid
// UTF-8 (no driver can send it), control characters and bidi overrides in names end up in emails, logs and other
// members' screens (spoofed line breaks, reversed text). Refused at the edge as 400 invalid_request.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this pattern's job.
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\p{Cs}/u;

/** A free-text field (names, labels): trimmed, length-bounded, printable Unicode only. */
export function textField({ min = 1, max }: { min?: number; max: number }) {
  return z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((s) => !FORBIDDEN.test(s), 'must not contain control characters or invalid Unicode');
}
