import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from '../../db/columns.ts';
import type { CoreTables } from '../../db/tables-core.ts';

/**
 * Webhooks: endpoints (managed through the admin API), the outbox of events (filled by a trigger on the audit
 * log, drizzle/0011_webhooks_outbox_trigger.sql, in the same transaction as the change) and one delivery row
 * per endpoint and event.
 */
export function defineWebhookTables({ schema }: CoreTables) {
  const webhookEndpoints = schema.table(
    'webhook_endpoints',
    {
      id: uuid('id').primaryKey(),
      url: text('url').notNull(),
      description: text('description'),
      // Empty: every event type.
      eventTypes: text('event_types').array().notNull().default(sql`'{}'::text[]`),
      // The `whsec_…` signing secret, sealed (src/crypto/secret-box.ts): it must be read back to sign.
      secretSealed: text('secret_sealed').notNull(),
      // After a rotation the replaced secret keeps signing too (a second `v1,` signature) until it expires, so
      // receivers can switch secrets without rejecting deliveries in between.
      previousSecretSealed: text('previous_secret_sealed'),
      previousSecretExpiresAt: ts('previous_secret_expires_at'),
      enabled: boolean('enabled').notNull().default(true),
      // Set when a delivery exhausted its attempts; cleared by a successful delivery or re-enabling.
      failingSince: ts('failing_since'),
      createdAt: ts('created_at').notNull(),
      updatedAt: ts('updated_at').notNull(),
    },
    (t) => [index('webhook_endpoints_created_idx').on(t.createdAt)],
  );

  const webhookEvents = schema.table(
    'webhook_events',
    {
      // The Standard Webhooks `webhook-id`: stable across retries and redeliveries (receivers dedupe on it).
      id: uuid('id').primaryKey().defaultRandom(),
      auditId: bigint('audit_id', { mode: 'number' }),
      requestId: text('request_id'),
      type: text('type').notNull(),
      userId: uuid('user_id'),
      organizationId: uuid('organization_id'),
      data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
      createdAt: ts('created_at').notNull().defaultNow(),
      // Claimed for the queue (by the request's producer or the Cron sweep); processed: deliveries created.
      enqueuedAt: ts('enqueued_at'),
      processedAt: ts('processed_at'),
    },
    (t) => [
      index('webhook_events_request_idx').on(t.requestId).where(sql`${t.enqueuedAt} is null`),
      index('webhook_events_unprocessed_idx').on(t.createdAt).where(sql`${t.processedAt} is null`),
    ],
  );

  const webhookDeliveries = schema.table(
    'webhook_deliveries',
    {
      id: uuid('id').primaryKey(),
      endpointId: uuid('endpoint_id')
        .notNull()
        .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
      eventId: uuid('event_id')
        .notNull()
        .references(() => webhookEvents.id, { onDelete: 'cascade' }),
      status: text('status').$type<'pending' | 'delivered' | 'failed' | 'dead'>().notNull().default('pending'),
      attempts: integer('attempts').notNull().default(0),
      lastStatus: integer('last_status'),
      lastError: text('last_error'),
      lastAttemptAt: ts('last_attempt_at'),
      nextAttemptAt: ts('next_attempt_at'),
      deliveredAt: ts('delivered_at'),
      createdAt: ts('created_at').notNull(),
    },
    (t) => [
      // A re-run of the same event job finds the rows it already made: one delivery per endpoint and event.
      uniqueIndex('webhook_deliveries_endpoint_event_key').on(t.endpointId, t.eventId),
      index('webhook_deliveries_endpoint_idx').on(t.endpointId, t.createdAt, t.id),
      index('webhook_deliveries_event_idx').on(t.eventId),
    ],
  );

  return { webhookEndpoints, webhookEvents, webhookDeliveries };
}
