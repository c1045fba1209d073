import { sql } from 'drizzle-orm';
import { check, index, integer, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';
import type { CoreTables } from './tables-core.ts';

/**
 * The live email sign-in code of each address (at most one: a new code replaces the previous one). Only the
 * code's SHA-256 is stored. `attempts` and `consumed_by` change only through single conditional UPDATEs, so
 * the attempt cap and single use hold under any concurrency.
 */
export function defineEmailOtpTables({ schema, users }: CoreTables) {
  const emailOtpCodes = schema.table(
    'email_otp_codes',
    {
      // The normalised address the code was sent to.
      email: text('email').primaryKey(),
      userId: uuid('user_id')
        .notNull()
        .references(() => users.id, { onDelete: 'cascade' }),
      codeHash: text('code_hash').notNull(),
      attempts: integer('attempts').notNull().default(0),
      // Random marker of the one request that consumed the code (statements batched with it are guarded by it).
      consumedBy: text('consumed_by'),
      expiresAt: ts('expires_at').notNull(),
      // When the code was sent: at most one email per address per resend window.
      createdAt: ts('created_at').notNull(),
    },
    (t) => [index('email_otp_codes_user_idx').on(t.userId), check('email_otp_codes_attempts_check', sql`${t.attempts} >= 0`)],
  );
  return { emailOtpCodes };
}
