// Webhook endpoints: created, changed, deleted and given new secrets through the admin API, each change audited
// with its actor. The signing secret is returned once (creation, rotation) and stored sealed.
import { desc, eq, sql } from 'drizzle-orm';
import { newId } from '../../crypto/tokens.ts';
import { ApiError } from '../../lib/errors.ts';
import type { Deps } from '../../platform/deps.ts';
import { auditInsert, type RequestContext } from '../audit/audit.ts';
import { forgetEndpointPresence, type WebhookEventType } from './webhook-events.ts';
import { newWebhookSecret, sealWebhookSecret } from './webhook-signing.ts';

type EndpointRow = Deps['t']['webhookEndpoints']['$inferSelect'];

export interface WebhookEndpointView {
  id: string;
  url: string;
  description: string | null;
  event_types: string[];
  enabled: boolean;
  failing: boolean;
  failing_since: string | null;
  created_at: string;
  updated_at: string;
}

function view(row: EndpointRow): WebhookEndpointView {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    event_types: row.eventTypes,
    enabled: row.enabled,
    failing: row.failingSince !== null,
    failing_since: row.failingSince?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

/**
 * Where events may be sent: https:// in production (payloads and signatures must not travel in the clear),
 * http:// as well in development and tests. Credentials in the URL are refused: they would be stored and
 * shown in plain text in every endpoint listing. Only administrators choose URLs, and a Worker's fetch reaches
 * the public internet only (no private network behind it to probe).
 */
export function checkEndpointUrl(deps: Pick<Deps, 'config'>, raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalidUrl('The URL is not valid.');
  }
  const allowed = deps.config.IDENTSPHERE_ENV === 'production' ? ['https:'] : ['https:', 'http:'];
  if (!allowed.includes(url.protocol)) throw invalidUrl(`The URL must use ${allowed.map((p) => p.slice(0, -1)).join(' or ')}.`);
  if (url.username || url.password) throw invalidUrl('The URL must not contain credentials.');
  if (url.hash) throw invalidUrl('The URL must not contain a fragment.');
  return url.href;
}

function invalidUrl(message: string): ApiError {
  return new ApiError('invalid_request', message, { details: [{ field: 'url', message }] });
}

export async function createEndpoint(
  deps: Deps,
  ctx: RequestContext,
  input: { url: string; event_types?: WebhookEventType[]; description?: string },
): Promise<{ endpoint: WebhookEndpointView; secret: string }> {
  const id = newId();
  const secret = newWebhookSecret();
  const now = deps.clock.now();
  const row = {
    id,
    url: checkEndpointUrl(deps, input.url),
    description: input.description ?? null,
    eventTypes: [...new Set(input.event_types ?? [])],
    secretSealed: await sealWebhookSecret(deps.config.IDENTSPHERE_ENCRYPTION_KEY, id, secret),
    previousSecretSealed: null,
    previousSecretExpiresAt: null,
    enabled: true,
    failingSince: null,
    createdAt: now,
    updatedAt: now,
  };
  await deps.db.batch([
    deps.db.insert(deps.t.webhookEndpoints).values(row),
    auditInsert(deps, ctx, 'webhook.created', { metadata: { webhook_id: id, url: row.url, event_types: row.eventTypes } }),
  ]);
  forgetEndpointPresence(deps);
  return { endpoint: view(row), secret };
}

export async function listEndpoints(deps: Deps): Promise<WebhookEndpointView[]> {
  const e = deps.t.webhookEndpoints;
  return (await deps.db.select().from(e).orderBy(desc(e.createdAt), desc(e.id))).map(view);
}

async function findEndpoint(deps: Deps, id: string): Promise<EndpointRow> {
  const [row] = await deps.db.select().from(deps.t.webhookEndpoints).where(eq(deps.t.webhookEndpoints.id, id));
  if (!row) throw new ApiError('not_found', 'No such webhook endpoint.');
  return row;
}

export async function getEndpoint(deps: Deps, id: string): Promise<WebhookEndpointView> {
  return view(await findEndpoint(deps, id));
}

export async function updateEndpoint(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  input: { url?: string; event_types?: WebhookEventType[]; description?: string | null; enabled?: boolean },
): Promise<WebhookEndpointView> {
  const e = deps.t.webhookEndpoints;
  await findEndpoint(deps, id);
  const changes: Partial<EndpointRow> = { updatedAt: deps.clock.now() };
  if (input.url !== undefined) changes.url = checkEndpointUrl(deps, input.url);
  if (input.event_types !== undefined) changes.eventTypes = [...new Set(input.event_types)];
  if (input.description !== undefined) changes.description = input.description;
  if (input.enabled !== undefined) changes.enabled = input.enabled;
  // Re-enabling is the operator saying the receiver is fixed: it is no longer reported failing.
  if (input.enabled === true) changes.failingSince = null;
  const fields = Object.keys(input).filter((k) => input[k as keyof typeof input] !== undefined);
  const [updated] = await deps.db.batch([
    deps.db.update(e).set(changes).where(eq(e.id, id)).returning(),
    auditInsert(deps, ctx, 'webhook.updated', { metadata: { webhook_id: id, fields } }),
  ]);
  const row = updated[0];
  if (!row) throw new ApiError('not_found', 'No such webhook endpoint.');
  forgetEndpointPresence(deps);
  return view(row);
}

export async function deleteEndpoint(deps: Deps, ctx: RequestContext, id: string): Promise<void> {
  const e = deps.t.webhookEndpoints;
  await findEndpoint(deps, id);
  const [deleted] = await deps.db.batch([
    deps.db.delete(e).where(eq(e.id, id)).returning({ id: e.id }),
    auditInsert(deps, ctx, 'webhook.deleted', { metadata: { webhook_id: id } }),
  ]);
  if (!deleted.length) throw new ApiError('not_found', 'No such webhook endpoint.');
}

/**
 * A new secret (shown once, like at creation). The replaced one keeps signing beside it until
 * `overlapSeconds` have passed, so a receiver can deploy the new secret without failing deliveries meanwhile.
 */
export async function rotateEndpointSecret(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  overlapSeconds: number,
): Promise<{ secret: string; previous_secret_expires_at: string | null }> {
  const e = deps.t.webhookEndpoints;
  await findEndpoint(deps, id);
  const secret = newWebhookSecret();
  const sealed = await sealWebhookSecret(deps.config.IDENTSPHERE_ENCRYPTION_KEY, id, secret);
  const now = deps.clock.now();
  const expiresAt = overlapSeconds > 0 ? new Date(now.getTime() + overlapSeconds * 1000) : null;
  const [updated] = await deps.db.batch([
    deps.db
      .update(e)
      .set({
        secretSealed: sealed,
        // The stored value at the update, not one read earlier: concurrent rotations cannot drop a secret shown.
        previousSecretSealed: expiresAt ? sql`${e.secretSealed}` : null,
        previousSecretExpiresAt: expiresAt,
        updatedAt: now,
      })
      .where(eq(e.id, id))
      .returning({ id: e.id }),
    auditInsert(deps, ctx, 'webhook.secret_rotated', { metadata: { webhook_id: id, previous_secret_expires_in: overlapSeconds } }),
  ]);
  if (!updated.length) throw new ApiError('not_found', 'No such webhook endpoint.');
  return { secret, previous_secret_expires_at: expiresAt?.toISOString() ?? null };
}
