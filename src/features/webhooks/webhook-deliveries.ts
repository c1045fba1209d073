// The delivery log of an endpoint (admin API) and manual redelivery.
import { and, desc, eq, sql } from 'drizzle-orm';
import { insertWhere } from '../../db/insert-where.ts';
import { ApiError } from '../../lib/errors.ts';
import { decodeCursor, encodeCursor } from '../../lib/keyset-cursor.ts';
import type { Deps } from '../../platform/deps.ts';
import { auditValues, type RequestContext } from '../audit/audit.ts';
import { DELIVERY_JOB } from './webhook-delivery.ts';

export const MAX_DELIVERY_PAGE = 100;

type DeliveryRow = Deps['t']['webhookDeliveries']['$inferSelect'];

export interface WebhookDeliveryView {
  id: string;
  event_id: string;
  event_type: string;
  status: DeliveryRow['status'];
  attempts: number;
  last_status: number | null;
  last_error: string | null;
  last_attempt_at: string | null;
  next_attempt_at: string | null;
  delivered_at: string | null;
  created_at: string;
}

function view(row: DeliveryRow, eventType: string): WebhookDeliveryView {
  return {
    id: row.id,
    event_id: row.eventId,
    event_type: eventType,
    status: row.status,
    attempts: row.attempts,
    last_status: row.lastStatus,
    last_error: row.lastError,
    last_attempt_at: row.lastAttemptAt?.toISOString() ?? null,
    next_attempt_at: row.nextAttemptAt?.toISOString() ?? null,
    delivered_at: row.deliveredAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
  };
}

async function requireEndpoint(deps: Deps, endpointId: string): Promise<void> {
  const ep = deps.t.webhookEndpoints;
  const [found] = await deps.db.select({ id: ep.id }).from(ep).where(eq(ep.id, endpointId));
  if (!found) throw new ApiError('not_found', 'No such webhook endpoint.');
}

/** The endpoint's deliveries, newest first, keyset-paginated like the audit log. */
export async function listDeliveries(deps: Deps, endpointId: string, query: { cursor?: string; limit: number }) {
  const { webhookDeliveries: d, webhookEvents: ev } = deps.t;
  await requireEndpoint(deps, endpointId);
  const after = query.cursor ? decodeCursor(query.cursor, 'uuid') : null;
  const rows = await deps.db
    .select({ row: d, type: ev.type, createdAtText: sql<string>`${d.createdAt}::text` })
    .from(d)
    .innerJoin(ev, eq(ev.id, d.eventId))
    .where(
      and(
        eq(d.endpointId, endpointId),
        after ? sql`(${d.createdAt}, ${d.id}) < (${after.createdAt}::timestamptz, ${after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(d.createdAt), desc(d.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    deliveries: page.map(({ row, type }) => view(row, type)),
    next_cursor: rows.length > query.limit && last ? encodeCursor(last.createdAtText, last.row.id) : null,
  };
}

/**
 * Sends a delivery again, whatever its state (a delivered one too: the receiver asked for it). Same event,
 * same `webhook-id`; the attempts start over.
 */
export async function redeliver(deps: Deps, ctx: RequestContext, endpointId: string, deliveryId: string): Promise<WebhookDeliveryView> {
  const { webhookDeliveries: d, webhookEvents: ev } = deps.t;
  await requireEndpoint(deps, endpointId);
  const mine = and(eq(d.id, deliveryId), eq(d.endpointId, endpointId));
  const [updated] = await deps.db.batch([
    deps.db.update(d).set({ status: 'pending', nextAttemptAt: null }).where(mine).returning(),
    insertWhere(
      deps.db,
      deps.t.auditLogs,
      auditValues(deps, ctx, 'webhook.redelivered', { metadata: { webhook_id: endpointId, delivery_id: deliveryId } }),
      sql`exists (select 1 from ${d} where ${mine})`,
    ),
  ]);
  const row = updated[0];
  if (!row) throw new ApiError('not_found', 'No such delivery.');
  const [event] = await deps.db.select({ type: ev.type }).from(ev).where(eq(ev.id, row.eventId));
  await deps.jobs.send([{ kind: DELIVERY_JOB, delivery_id: row.id }]);
  return view(row, event?.type ?? '');
}
