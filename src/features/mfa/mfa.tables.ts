import { bigint, index, integer, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from '../../db/columns.ts';
import type { CoreTables } from '../../db/tables-core.ts';

/** Second factors: the TOTP credential, recovery codes, and pending MFA sign-ins (mfa_token). */
export function defineMfaTables({ schema, users, organizations }: CoreTables) {
  const totpCredentials = schema.table('totp_credentials', {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    // AES-256-GCM under IDENTSPHERE_ENCRYPTION_KEY (src/crypto/secret-box.ts); never stored in the clear.
    secretEncrypted: text('secret_encrypted').notNull(),
    // Null while set up but not yet confirmed with a code: MFA is on only once confirmed.
    confirmedAt: ts('confirmed_at'),
    // The last 30-second step a code was accepted for: a code for this step or an earlier one is a replay.
    lastUsedStep: bigint('last_used_step', { mode: 'number' }),
    // Random marker of the request that used that step (guards the session it creates; see mfa-challenge.ts).
    lastUsedBy: text('last_used_by'),
    // Per-account backoff for wrong second factors (across mfa_tokens: a password holder can mint many).
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: ts('locked_until'),
    // The current recovery-code set; codes of any other generation are dead (regenerating replaces the set).
    recoveryGeneration: text('recovery_generation'),
    createdAt: ts('created_at').notNull(),
  });

  const recoveryCodes = schema.table(
    'recovery_codes',
    {
      id: uuid('id').primaryKey(),
      userId: uuid('user_id')
        .notNull()
        .references(() => users.id, { onDelete: 'cascade' }),
      generation: text('generation').notNull(),
      // SHA-256 of the normalised code; the code itself is shown once and never stored.
      codeHash: text('code_hash').notNull(),
      usedAt: ts('used_at'),
      // Random marker of the one request that used the code (guards the session it creates).
      usedBy: text('used_by'),
      createdAt: ts('created_at').notNull(),
    },
    (t) => [index('recovery_codes_user_idx').on(t.userId, t.codeHash)],
  );

  const mfaChallenges = schema.table(
    'mfa_challenges',
    {
      id: uuid('id').primaryKey(),
      // SHA-256 of the mfa_token handed to the client after the first factor.
      tokenHash: text('token_hash').notNull(),
      userId: uuid('user_id')
        .notNull()
        .references(() => users.id, { onDelete: 'cascade' }),
      organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
      firstFactor: text('first_factor').notNull(),
      // users.credential_version when the first factor was proven: a later password change voids the challenge.
      credentialVersion: integer('credential_version').notNull().default(0),
      // Counted by one conditional UPDATE per attempt, so concurrent guesses can never exceed the cap.
      attempts: integer('attempts').notNull().default(0),
      expiresAt: ts('expires_at').notNull(),
      consumedAt: ts('consumed_at'),
      // Marker of the one request that consumed the token (guards the session it creates; see sign-in.ts).
      consumedBy: text('consumed_by'),
      createdAt: ts('created_at').notNull(),
    },
    (t) => [uniqueIndex('mfa_challenges_token_hash_key').on(t.tokenHash), index('mfa_challenges_expires_idx').on(t.expiresAt)],
  );

  return { totpCredentials, recoveryCodes, mfaChallenges };
}
