// Request and response bodies of /v1/admin/webhooks.
import * as z from 'zod';
import { textField } from '../../lib/text.ts';
import { MAX_DELIVERY_PAGE } from './webhook-deliveries.ts';
import { WEBHOOK_EVENT_TYPES } from './webhook-events.ts';

const url = z.string().min(1).max(2048);
// Empty or absent: every event type.
const eventTypes = z.array(z.enum(WEBHOOK_EVENT_TYPES)).max(WEBHOOK_EVENT_TYPES.length);
const description = textField({ max: 500 });
/** An administrator's session proves itself again for every write: the password, unless signed in minutes ago. */
const password = z.string().min(1).max(1024).optional();

export const CreateWebhookBody = z.strictObject({ url, event_types: eventTypes.optional(), description: description.optional(), password });
export const UpdateWebhookBody = z.strictObject({
  url: url.optional(),
  event_types: eventTypes.optional(),
  description: description.nullable().optional(),
  enabled: z.boolean().optional(),
  password,
});
/** How long the replaced secret keeps signing beside the new one (Standard Webhooks receivers accept either). */
export const MAX_SECRET_OVERLAP_SECONDS = 7 * 24 * 3600;
export const RotateSecretBody = z.strictObject({
  previous_secret_expires_in: z
    .number()
    .int()
    .min(0)
    .max(MAX_SECRET_OVERLAP_SECONDS)
    .default(24 * 3600),
  password,
});
export const DeliveriesQuery = z.strictObject({
  cursor: z.string().min(1).max(512).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_DELIVERY_PAGE).default(50),
});

export const WebhookEndpoint = z
  .strictObject({
    id: z.uuid(),
    url: z.string(),
    description: z.string().nullable(),
    event_types: z.array(z.string()),
    enabled: z.boolean(),
    // A delivery exhausted its retries (cleared by the next successful delivery, or by re-enabling).
    failing: z.boolean(),
    failing_since: z.iso.datetime().nullable(),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
  })
  .meta({ id: 'WebhookEndpoint' });

export const WebhookEndpointAnswer = z.strictObject({ webhook: WebhookEndpoint });
// The signing secret (`whsec_…`) appears in these two answers only: it cannot be read back later.
export const WebhookEndpointCreated = z.strictObject({ webhook: WebhookEndpoint, secret: z.string() });
export const WebhookSecretRotated = z.strictObject({
  secret: z.string(),
  // Until then deliveries carry a signature with the replaced secret as well; null: replaced at once.
  previous_secret_expires_at: z.iso.datetime().nullable(),
});
export const WebhookEndpointList = z.strictObject({ webhooks: z.array(WebhookEndpoint) });

export const WebhookDelivery = z
  .strictObject({
    id: z.uuid(),
    event_id: z.uuid(),
    event_type: z.string(),
    status: z.enum(['pending', 'delivered', 'failed', 'dead']),
    attempts: z.number().int(),
    last_status: z.number().int().nullable(),
    last_error: z.string().nullable(),
    last_attempt_at: z.iso.datetime().nullable(),
    next_attempt_at: z.iso.datetime().nullable(),
    delivered_at: z.iso.datetime().nullable(),
    created_at: z.iso.datetime(),
  })
  .meta({ id: 'WebhookDelivery' });

export const WebhookDeliveryPage = z.strictObject({ deliveries: z.array(WebhookDelivery), next_cursor: z.string().nullable() });
export const WebhookDeliveryAnswer = z.strictObject({ delivery: WebhookDelivery });
