import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from '../../db/columns.ts';
import type { CoreTables } from '../../db/tables-core.ts';

/**
 * Email sign-in codes and the failed sign-ins of recognised browsers.
 *
 * The live email sign-in code of each address (at most one: a new code replaces the previous one). Only the
 * code's SHA-256 is stored. `attempts` and `consumed_by` change only through single conditional UPDATEs, so
 * the attempt cap and single use hold under any concurrency.
 */
export function defineSignInTables({ schema, users }: CoreTables) {
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

  // Failed passwords presented with a valid device cookie (src/features/sign-in/device-trust.ts): a browser that signed
  // in before is backed off on its own counter instead of the account's, so strangers cannot lock it out.
  const deviceFailures = schema.table(
    'device_failures',
    {
      userId: uuid('user_id')
        .notNull()
        .references(() => users.id, { onDelete: 'cascade' }),
      // SHA-256 of the device cookie; the cookie itself is never stored.
      deviceHash: text('device_hash').notNull(),
      failedCount: integer('failed_count').notNull(),
      lastFailedAt: ts('last_failed_at').notNull(),
    },
    (t) => [primaryKey({ columns: [t.userId, t.deviceHash] })],
  );

  return { emailOtpCodes, deviceFailures };
}
