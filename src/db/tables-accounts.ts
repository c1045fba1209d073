import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';
import type { CoreTables } from './tables-core.ts';

/**
 * Profile fields beyond the core user row, the avatar pointer, invitations, the avatar deletion queue and the
 * failed sign-ins of recognised browsers.
 */
export function defineAccountTables({ schema, users, organizations }: CoreTables) {
  const userProfiles = schema.table('user_profiles', {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    locale: text('locale'),
    timeZone: text('time_zone'),
    // The R2 object key: 128 random bits, so the public avatar URL cannot be guessed or tied to the user id.
    avatarKey: text('avatar_key'),
    avatarContentType: text('avatar_content_type'),
    avatarBytes: integer('avatar_bytes'),
    avatarWidth: integer('avatar_width'),
    avatarHeight: integer('avatar_height'),
    avatarUpdatedAt: ts('avatar_updated_at'),
    updatedAt: ts('updated_at').notNull(),
  }, (t) => [uniqueIndex('user_profiles_avatar_key').on(t.avatarKey)]);

  const invitations = schema.table(
    'invitations',
    {
      id: uuid('id').primaryKey(),
      organizationId: uuid('organization_id')
        .notNull()
        .references(() => organizations.id, { onDelete: 'cascade' }),
      email: text('email').notNull(),
      role: text('role').notNull(),
      // SHA-256 of the link's secret; the secret itself is never stored.
      tokenHash: text('token_hash').notNull(),
      invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
      expiresAt: ts('expires_at').notNull(),
      // Set by the one request that accepts the invitation (its batch then deletes the row): single use.
      claimedBy: text('claimed_by'),
      createdAt: ts('created_at').notNull(),
    },
    (t) => [
      uniqueIndex('invitations_token_hash_key').on(t.tokenHash),
      index('invitations_org_idx').on(t.organizationId),
      index('invitations_email_idx').on(t.email),
      check('invitations_role_check', sql`${t.role} in ('owner', 'admin', 'member')`),
    ],
  );

  // Avatar objects to delete from storage. Written in the same batch that drops the pointer, so an object whose
  // deletion failed (storage outage) is retried by the scheduled job instead of lingering forever.
  const avatarDeletions = schema.table('avatar_deletions', {
    key: text('key').primaryKey(),
    queuedAt: ts('queued_at').notNull(),
  });

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

  return { userProfiles, invitations, avatarDeletions, deviceFailures };
}
