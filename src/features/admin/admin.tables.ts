import { index, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from '../../db/columns.ts';
import type { CoreTables } from '../../db/tables-core.ts';

/** Server API keys for the admin API (`isk_…`), created and revoked from the CLI. */
export function defineAdminTables({ schema }: CoreTables) {
  const apiKeys = schema.table(
    'api_keys',
    {
      id: uuid('id').primaryKey(),
      name: text('name').notNull(),
      // The first characters of the key, to recognise it in lists and logs; the key itself is never stored.
      prefix: text('prefix').notNull(),
      // SHA-256 of the whole key (256 random bits: a slow hash would add nothing but latency).
      keyHash: text('key_hash').notNull(),
      scopes: text('scopes').array().notNull(),
      createdBy: text('created_by'),
      createdAt: ts('created_at').notNull(),
      lastUsedAt: ts('last_used_at'),
      revokedAt: ts('revoked_at'),
    },
    (t) => [uniqueIndex('api_keys_key_hash_key').on(t.keyHash), index('api_keys_created_idx').on(t.createdAt)],
  );
  return { apiKeys };
}
