import { index, jsonb, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from '../../db/columns.ts';
import type { CoreTables } from '../../db/tables-core.ts';

/** Single-use secrets sent to a user (reset links, verification links, …): stored only as SHA-256. */
export function defineTokenTables({ schema, users }: CoreTables) {
  const oneTimeTokens = schema.table(
    'one_time_tokens',
    {
      id: uuid('id').primaryKey(),
      userId: uuid('user_id')
        .notNull()
        .references(() => users.id, { onDelete: 'cascade' }),
      purpose: text('purpose').notNull(),
      tokenHash: text('token_hash').notNull(),
      payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
      expiresAt: ts('expires_at').notNull(),
      consumedAt: ts('consumed_at'),
      // A random marker set by the one request that consumed the token: statements batched with the
      // consumption run only where it matches, so exactly one of N concurrent submissions has any effect.
      consumedBy: text('consumed_by'),
      createdAt: ts('created_at').notNull(),
    },
    (t) => [uniqueIndex('one_time_tokens_hash_key').on(t.tokenHash), index('one_time_tokens_user_idx').on(t.userId, t.purpose)],
  );
  return { oneTimeTokens };
}
