// The consumer side of webhooks, run from the JOBS queue (src/jobs.ts): a `webhook_event` job fans out into
// one delivery per listening endpoint; a `webhook_delivery` job makes one signed POST attempt.
import { and, eq, sql } from 'drizzle-orm';
import type { Job, JobOutcome } from '../../platform/adapters/job-queue.ts';
import type { Deps } from '../../platform/deps.ts';
import { log } from '../../platform/log.ts';
import { EVENT_JOB } from './webhook-events.ts';
import { openWebhookSecret, signatureHeaders } from './webhook-signing.ts';

export const DELIVERY_JOB = 'webhook_delivery';

/**
 * The last attempt of a delivery: the JOBS consumer's max_retries (14, wrangler.toml) + 1. After it the
 * delivery is dead, its endpoint failing, and the message goes on to the dead-letter queue.
 */
export const MAX_DELIVERY_ATTEMPTS = 15;
const FIRST_RETRY_SECONDS = 30;
// 30 s doubling, capped at 4 h: the 14 pauses add up to about a day (≈ 24 h 15 min).
const MAX_RETRY_SECONDS = 4 * 3600;
const REQUEST_TIMEOUT_MS = 10_000;

/** The pause after failed attempt `attempt` (1-based). */
export function retryDelaySeconds(attempt: number): number {
  return Math.min(FIRST_RETRY_SECONDS * 2 ** (attempt - 1), MAX_RETRY_SECONDS);
}

/**
 * Fans an event out: a delivery row per enabled endpoint whose filter matches (unique per endpoint and event,
 * so a repeated job adds none), then a job for every delivery of the event still pending — those of an
 * earlier run that stopped before sending included.
 */
export async function fanOutEvent(deps: Deps, job: Job): Promise<JobOutcome> {
  const { webhookEvents: ev, webhookEndpoints: ep, webhookDeliveries: d } = deps.t;
  const eventId = String(job.event_id);
  const [event] = await deps.db.select({ id: ev.id, type: ev.type }).from(ev).where(eq(ev.id, eventId));
  if (!event) return { done: true };
  const now = deps.clock.now();
  await deps.db.execute(sql`
    insert into ${d} (id, endpoint_id, event_id, status, attempts, created_at)
    select gen_random_uuid(), ${ep.id}, ${eventId}::uuid, 'pending', 0, ${now.toISOString()}::timestamptz from ${ep}
    where ${ep.enabled} and (cardinality(${ep.eventTypes}) = 0 or ${event.type} = any(${ep.eventTypes}))
    on conflict (endpoint_id, event_id) do nothing`);
  const pending = await deps.db
    .select({ id: d.id })
    .from(d)
    .where(and(eq(d.eventId, eventId), eq(d.status, 'pending'), eq(d.attempts, 0)));
  await deps.jobs.send(pending.map((row) => ({ kind: DELIVERY_JOB, delivery_id: row.id })));
  await deps.db.update(ev).set({ processedAt: now }).where(eq(ev.id, eventId));
  return { done: true };
}

/** One POST of a delivery. `attempt` is the queue's attempt number of this message (1-based). */
export async function attemptDelivery(deps: Deps, job: Job, attempt: number): Promise<JobOutcome> {
  const { webhookEvents: ev, webhookEndpoints: ep, webhookDeliveries: d } = deps.t;
  const deliveryId = String(job.delivery_id);
  const [row] = await deps.db
    .select({ delivery: d, endpoint: ep, event: ev })
    .from(d)
    .innerJoin(ep, eq(ep.id, d.endpointId))
    .innerJoin(ev, eq(ev.id, d.eventId))
    .where(eq(d.id, deliveryId));
  // Gone (endpoint deleted), already acknowledged, given up, or the endpoint switched off: nothing to send.
  if (!row || row.delivery.status === 'delivered' || row.delivery.status === 'dead' || !row.endpoint.enabled) return { done: true };
  const { delivery, endpoint, event } = row;
  const body = JSON.stringify({ type: event.type, timestamp: event.createdAt.toISOString(), data: event.data });
  const now = deps.clock.now();
  const sealed = [endpoint.secretSealed];
  if (endpoint.previousSecretSealed && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now) {
    sealed.push(endpoint.previousSecretSealed);
  }
  const key = deps.config.IDENTSPHERE_ENCRYPTION_KEY;
  const secrets = await Promise.all(sealed.map((s) => openWebhookSecret(key, endpoint.id, s)));
  const headers = await signatureHeaders(secrets, event.id, Math.floor(now.getTime() / 1000), body);
  let status: number | null = null;
  let error: string | null = null;
  try {
    const res = await deps.fetch(endpoint.url, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', 'user-agent': 'IdentSphere-Webhooks/1' },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    status = res.status;
    // The body is not ours to keep; a short excerpt helps whoever reads the delivery log.
    if (!res.ok) error = (await res.text().catch(() => '')).slice(0, 200) || `HTTP ${res.status}`;
    else await res.body?.cancel();
  } catch (err) {
    error = err instanceof Error ? `${err.name}: ${err.message}`.slice(0, 200) : 'request failed';
  }
  const attempts = sql`${d.attempts} + 1`;
  if (status !== null && status >= 200 && status < 300) {
    await deps.db.batch([
      deps.db
        .update(d)
        .set({
          status: 'delivered',
          attempts,
          lastStatus: status,
          lastError: null,
          lastAttemptAt: now,
          nextAttemptAt: null,
          deliveredAt: now,
        })
        .where(eq(d.id, delivery.id)),
      // A receiver that answers again is no longer failing.
      deps.db
        .update(ep)
        .set({ failingSince: null })
        .where(and(eq(ep.id, endpoint.id), sql`${ep.failingSince} is not null`)),
    ]);
    return { done: true };
  }
  if (attempt >= MAX_DELIVERY_ATTEMPTS) {
    await deps.db.batch([
      deps.db
        .update(d)
        .set({ status: 'dead', attempts, lastStatus: status, lastError: error, lastAttemptAt: now, nextAttemptAt: null })
        .where(eq(d.id, delivery.id)),
      deps.db
        .update(ep)
        .set({ failingSince: now })
        .where(and(eq(ep.id, endpoint.id), sql`${ep.failingSince} is null`)),
    ]);
    log('warn', 'webhook delivery gave up; endpoint marked failing', { delivery_id: delivery.id, endpoint_id: endpoint.id, status });
    // Not acknowledged: past max_retries the queue moves the message to the dead-letter queue.
    return { done: false, retryAfterSeconds: retryDelaySeconds(attempt) };
  }
  const delay = retryDelaySeconds(attempt);
  await deps.db
    .update(d)
    .set({
      status: 'failed',
      attempts,
      lastStatus: status,
      lastError: error,
      lastAttemptAt: now,
      nextAttemptAt: new Date(now.getTime() + delay * 1000),
    })
    .where(eq(d.id, delivery.id));
  return { done: false, retryAfterSeconds: delay };
}

export const webhookJobHandlers = { [EVENT_JOB]: fanOutEvent, [DELIVERY_JOB]: attemptDelivery };
