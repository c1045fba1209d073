import { bigint, boolean, index, jsonb, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from '../../db/columns.ts';
import type { CoreTables } from '../../db/tables-core.ts';

/** WebAuthn credentials and the server-stored, single-use ceremony challenges. */
export function definePasskeyTables({ schema, users }: CoreTables) {
  const passkeys = schema.table(
    'passkeys',
    {
      id: uuid('id').primaryKey(),
      userId: uuid('user_id')
        .notNull()
        .references(() => users.id, { onDelete: 'cascade' }),
      // base64url credential id as the authenticator reports it.
      credentialId: text('credential_id').notNull(),
      // base64url COSE public key.
      publicKey: text('public_key').notNull(),
      // Signature counter: a response whose counter does not exceed it is refused (cloned authenticator).
      counter: bigint('counter', { mode: 'number' }).notNull(),
      transports: jsonb('transports').$type<string[]>().notNull().default([]),
      deviceType: text('device_type').notNull(),
      backedUp: boolean('backed_up').notNull(),
      aaguid: text('aaguid'),
      name: text('name').notNull(),
      createdAt: ts('created_at').notNull(),
      lastUsedAt: ts('last_used_at'),
    },
    (t) => [uniqueIndex('passkeys_credential_id_key').on(t.credentialId), index('passkeys_user_idx').on(t.userId)],
  );

  const webauthnChallenges = schema.table(
    'webauthn_challenges',
    {
      id: uuid('id').primaryKey(),
      // SHA-256 of the challenge we sent; looked up from clientDataJSON.challenge and consumed on first use.
      challengeHash: text('challenge_hash').notNull(),
      purpose: text('purpose').notNull(),
      // The user the ceremony is for (registration, email-hinted sign-in); null for discoverable sign-in.
      // No foreign key: an email hint for an unknown address binds to a random id that matches no passkey.
      userId: uuid('user_id'),
      expiresAt: ts('expires_at').notNull(),
      consumedAt: ts('consumed_at'),
      createdAt: ts('created_at').notNull(),
    },
    (t) => [uniqueIndex('webauthn_challenges_hash_key').on(t.challengeHash), index('webauthn_challenges_expires_idx').on(t.expiresAt)],
  );

  return { passkeys, webauthnChallenges };
}
