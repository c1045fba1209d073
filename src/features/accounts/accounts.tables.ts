import { integer, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from '../../db/columns.ts';
import type { CoreTables } from '../../db/tables-core.ts';

/** Profile fields beyond the core user row, the avatar pointer, and the avatar deletion queue. */
export function defineAccountTables({ schema, users }: CoreTables) {
  const userProfiles = schema.table(
    'user_profiles',
    {
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
    },
    (t) => [uniqueIndex('user_profiles_avatar_key').on(t.avatarKey)],
  );

  // Avatar objects to delete from storage. Written in the same batch that drops the pointer, so an object whose
  // deletion failed (storage outage) is retried by the scheduled job instead of lingering forever.
  const avatarDeletions = schema.table('avatar_deletions', {
    key: text('key').primaryKey(),
    queuedAt: ts('queued_at').notNull(),
  });

  return { userProfiles, avatarDeletions };
}
