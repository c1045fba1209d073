import { index, integer, text } from 'drizzle-orm/pg-core';
import { ts } from '../../db/columns.ts';
import type { CoreTables } from '../../db/tables-core.ts';

/**
 * Answers to state-changing requests sent with an Idempotency-Key, kept 24 h so a client that lost the answer
 * can retry and get the same one. `id` is a SHA-256 of the caller's scope and the key (the key itself is not
 * stored); `response` is AES-GCM sealed (bodies and Set-Cookie headers carry tokens). A row without a
 * `response_status` is a request in flight.
 */
export function defineIdempotencyTables({ schema }: CoreTables) {
  const idempotencyKeys = schema.table(
    'idempotency_keys',
    {
      id: text('id').primaryKey(),
      // SHA-256 of method, path and body: the same key with another request is refused.
      fingerprint: text('fingerprint').notNull(),
      responseStatus: integer('response_status'),
      response: text('response'),
      createdAt: ts('created_at').notNull(),
      expiresAt: ts('expires_at').notNull(),
    },
    (t) => [index('idempotency_keys_expires_idx').on(t.expiresAt)],
  );
  return { idempotencyKeys };
}
