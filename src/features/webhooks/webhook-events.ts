// The outbox side of webhooks: event types, the explicit outbox insert for deletions, and the producer that
// hands committed events to the JOBS queue (after each request, and from the Cron sweep for anything missed).
import { and, eq, inArray, isNotNull, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { insertWhere } from '../../db/insert-where.ts';
import type { Job } from '../../platform/adapters/job-queue.ts';
import type { Deps } from '../../platform/deps.ts';
import type { RequestContext } from '../audit/audit.ts';

/** The event types an endpoint can subscribe to (the trigger in drizzle/0011_webhooks_outbox_trigger.sql maps audit events to them). */
export const WEBHOOK_EVENT_TYPES = [
  'user.created',
  'user.updated',
  'user.deleted',
  'user.disabled',
  'user.enabled',
  'session.created',
  'session.revoked',
  'email.verified',
  'password.changed',
  'mfa.enabled',
  'mfa.disabled',
  'passkey.added',
  'passkey.removed',
  'identity.linked',
  'identity.unlinked',
  'organization.created',
  'organization.deleted',
  'membership.added',
  'membership.removed',
  'membership.role_changed',
  'invitation.created',
  'invitation.revoked',
  'invitation.accepted',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const EVENT_JOB = 'webhook_event';

/** How many events one claim hands to the queue (the sweep claims again until none are left). */
const CLAIM_LIMIT = 100;
/** A claimed event whose job never produced its deliveries is claimed again after this long. */
const RECLAIM_AFTER_MS = 5 * 60_000;

/**
 * The outbox row of `user.deleted`, for the deletion's own batch (its audit row carries no user id by design,
 * so the trigger cannot tell whom it is about). Inserted only when `guard` holds and an endpoint listens.
 */
export function userDeletedEventInsert(deps: Database & Pick<Deps, 'clock'>, ctx: RequestContext, userId: string, guard: SQL) {
  const { webhookEvents, webhookEndpoints } = deps.t;
  const listening = sql`exists (select 1 from ${webhookEndpoints} where ${webhookEndpoints.enabled})`;
  const actor = ctx.actor ? { actor: { type: ctx.actor.type, id: ctx.actor.id } } : {};
  return insertWhere(
    deps.db,
    webhookEvents,
    {
      id: crypto.randomUUID(),
      requestId: ctx.requestId,
      type: 'user.deleted' satisfies WebhookEventType,
      userId,
      data: { user_id: userId, ...actor },
      createdAt: deps.clock.now(),
    },
    sql`${guard} and ${listening}`,
  );
}

/**
 * Claims unenqueued events — those of one request, or (the sweep: no request id) any not yet processed whose
 * claim is missing or stale — and sends one `webhook_event` job each. Claimed rows are skipped by concurrent
 * claims (SKIP LOCKED). A send that fails releases them; a producer that dies before sending leaves them
 * claimed, and the sweep takes them again after RECLAIM_AFTER_MS: nothing committed is lost, only late.
 * Returns how many events were sent.
 */
export async function enqueueWebhookEvents(deps: Deps, requestId?: string): Promise<number> {
  // The producer (one request's events) skips its query while this isolate knows of no enabled endpoint:
  // the trigger writes events only when one exists, and any it wrote meanwhile wait for the sweep.
  if (requestId && !(await anyEnabledEndpoint(deps))) return 0;
  const { webhookEvents: e } = deps.t;
  const now = deps.clock.now();
  const which = requestId
    ? and(sql`${e.requestId} = ${requestId}`, isNull(e.enqueuedAt))
    : and(isNull(e.processedAt), or(isNull(e.enqueuedAt), lt(e.enqueuedAt, new Date(now.getTime() - RECLAIM_AFTER_MS))));
  const claimed = await deps.db.execute<{ id: string }>(sql`
    update ${e} set enqueued_at = ${now.toISOString()}::timestamptz
    where ${e.id} in (select ${e.id} from ${e} where ${which} order by ${e.createdAt} limit ${CLAIM_LIMIT} for update skip locked)
    returning ${e.id}`);
  const ids = claimed.rows.map((row) => row.id);
  const jobs: Job[] = ids.map((id) => ({ kind: EVENT_JOB, event_id: id }));
  try {
    await deps.jobs.send(jobs);
  } catch (err) {
    // Released for the next sweep at once; if this fails too, the claim goes stale after RECLAIM_AFTER_MS.
    if (ids.length) await deps.db.update(e).set({ enqueuedAt: null }).where(inArray(e.id, ids));
    throw err;
  }
  return jobs.length;
}

/** How long an isolate trusts what it learned about endpoints existing (other isolates' changes show after it). */
const PRESENCE_TTL_MS = 60_000;
const endpointPresence = new WeakMap<Deps, { checkedAt: number; any: boolean }>();

/** Whether an enabled endpoint exists, asked at most once a minute per isolate: writes stay one query cheaper. */
async function anyEnabledEndpoint(deps: Deps): Promise<boolean> {
  const now = deps.clock.now().getTime();
  const known = endpointPresence.get(deps);
  if (known && now - known.checkedAt < PRESENCE_TTL_MS && now >= known.checkedAt) return known.any;
  const { webhookEndpoints: w } = deps.t;
  const rows = await deps.db.select({ id: w.id }).from(w).where(eq(w.enabled, true)).limit(1);
  endpointPresence.set(deps, { checkedAt: now, any: rows.length > 0 });
  return rows.length > 0;
}

/** After an endpoint is created or re-enabled here: this isolate asks again on its next write. */
export function forgetEndpointPresence(deps: Deps): void {
  endpointPresence.delete(deps);
}

/** The Cron sweep: claims and sends until nothing is left (bounded, the next run continues). */
export async function sweepWebhookEvents(deps: Deps): Promise<number> {
  let total = 0;
  for (let round = 0; round < 10; round++) {
    const sent = await enqueueWebhookEvents(deps);
    total += sent;
    if (sent < CLAIM_LIMIT) break;
  }
  return total;
}

/** The delivery log's horizon: processed events older than this go (their deliveries with them). */
const EVENT_RETENTION_MS = 30 * 86_400_000;

/** Scheduled maintenance: deletes processed webhook events past EVENT_RETENTION_MS. */
export async function purgeWebhookEvents(deps: Deps): Promise<number> {
  const e = deps.t.webhookEvents;
  const cutoff = new Date(deps.clock.now().getTime() - EVENT_RETENTION_MS);
  const deleted = await deps.db
    .delete(e)
    .where(and(isNotNull(e.processedAt), lt(e.createdAt, cutoff)))
    .returning({ id: e.id });
  return deleted.length;
}
