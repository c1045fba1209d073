import { Hono } from 'hono';
import * as z from 'zod';
import { parseJson, parseOptionalJson, parseQuery } from '../../http/request.ts';
import { describeRoute } from '../../http/route-contract.ts';
import type { AppEnv } from '../../http/types.ts';
import { ApiError } from '../../lib/errors.ts';
import { adminWriteContext, requireAdmin } from '../admin/admin-auth.ts';
import { AdminWriteBody } from '../admin/admin-users.routes.ts';
import { listDeliveries, redeliver } from './webhook-deliveries.ts';
import { createEndpoint, deleteEndpoint, getEndpoint, listEndpoints, rotateEndpointSecret, updateEndpoint } from './webhook-endpoints.ts';
import {
  CreateWebhookBody,
  DeliveriesQuery,
  RotateSecretBody,
  UpdateWebhookBody,
  WebhookDeliveryAnswer,
  WebhookDeliveryPage,
  WebhookEndpointAnswer,
  WebhookEndpointCreated,
  WebhookEndpointList,
  WebhookSecretRotated,
} from './webhooks.schemas.ts';

const UUID = z.uuid();

/** A path id that is not a UUID names nothing (404, like an unknown one). */
function idParam(id: string, what: string): string {
  if (!UUID.safeParse(id).success) throw new ApiError('not_found', `No such ${what}.`);
  return id;
}

const WRITE_ERRORS = ['not_found', 'reauthentication_required', 'invalid_password'] as const;
const contract = { tag: 'admin', auth: true, apiKeyScope: 'webhooks:write' } as const;

/**
 * /v1/admin/webhooks: webhook endpoints, their delivery log and redelivery. Every operation needs the
 * `webhooks:write` scope: the list and the log reveal where events go and what happened to them. Writes by an
 * administrator's session need a fresh authentication (`password` in the body, or a recent sign-in).
 */
export const webhookRoutes = new Hono<AppEnv>()
  .post(
    '/',
    describeRoute({
      ...contract,
      operationId: 'adminCreateWebhook',
      summary: 'Register an endpoint; the answer carries its signing secret, shown this once',
      body: CreateWebhookBody,
      responses: { 201: { description: 'Created', schema: WebhookEndpointCreated } },
      errors: ['reauthentication_required', 'invalid_password'],
    }),
    requireAdmin('webhooks:write'),
    async (c) => {
      const { password, ...input } = await parseJson(c, CreateWebhookBody);
      const ctx = await adminWriteContext(c, password);
      const { endpoint, secret } = await createEndpoint(c.var.deps, ctx, input);
      return c.json({ webhook: endpoint, secret } satisfies z.input<typeof WebhookEndpointCreated>, 201);
    },
  )
  .get(
    '/',
    describeRoute({
      ...contract,
      operationId: 'adminListWebhooks',
      summary: 'Every webhook endpoint, newest first',
      responses: { 200: { description: 'The endpoints', schema: WebhookEndpointList } },
      errors: [],
    }),
    requireAdmin('webhooks:write'),
    async (c) => c.json({ webhooks: await listEndpoints(c.var.deps) } satisfies z.input<typeof WebhookEndpointList>),
  )
  .get(
    '/:id',
    describeRoute({
      ...contract,
      operationId: 'adminGetWebhook',
      summary: 'One webhook endpoint (never its secret)',
      responses: { 200: { description: 'The endpoint', schema: WebhookEndpointAnswer } },
      errors: ['not_found'],
    }),
    requireAdmin('webhooks:write'),
    async (c) =>
      c.json({ webhook: await getEndpoint(c.var.deps, idParam(c.req.param('id'), 'webhook endpoint')) } satisfies z.input<
        typeof WebhookEndpointAnswer
      >),
  )
  .patch(
    '/:id',
    describeRoute({
      ...contract,
      operationId: 'adminUpdateWebhook',
      summary: 'Change the URL, event types, description, or enable/disable (enabling clears `failing`)',
      body: UpdateWebhookBody,
      responses: { 200: { description: 'Updated', schema: WebhookEndpointAnswer } },
      errors: [...WRITE_ERRORS],
    }),
    requireAdmin('webhooks:write'),
    async (c) => {
      const id = idParam(c.req.param('id'), 'webhook endpoint');
      const { password, ...input } = await parseJson(c, UpdateWebhookBody);
      const ctx = await adminWriteContext(c, password);
      return c.json({ webhook: await updateEndpoint(c.var.deps, ctx, id, input) } satisfies z.input<typeof WebhookEndpointAnswer>);
    },
  )
  .delete(
    '/:id',
    describeRoute({
      ...contract,
      operationId: 'adminDeleteWebhook',
      summary: 'Delete an endpoint and its delivery log; nothing more is sent to it',
      body: AdminWriteBody,
      bodyRequired: false,
      responses: { 204: { description: 'Deleted' } },
      errors: [...WRITE_ERRORS],
    }),
    requireAdmin('webhooks:write'),
    async (c) => {
      const id = idParam(c.req.param('id'), 'webhook endpoint');
      const ctx = await adminWriteContext(c, (await parseOptionalJson(c, AdminWriteBody)).password);
      await deleteEndpoint(c.var.deps, ctx, id);
      return c.body(null, 204);
    },
  )
  .post(
    '/:id/rotate-secret',
    describeRoute({
      ...contract,
      operationId: 'adminRotateWebhookSecret',
      summary:
        'Replace the signing secret (shown this once); the replaced one keeps signing beside it for previous_secret_expires_in seconds (default 24 h, 0: at once)',
      body: RotateSecretBody,
      bodyRequired: false,
      responses: { 200: { description: 'The new secret', schema: WebhookSecretRotated } },
      errors: [...WRITE_ERRORS],
    }),
    requireAdmin('webhooks:write'),
    async (c) => {
      const id = idParam(c.req.param('id'), 'webhook endpoint');
      const { password, previous_secret_expires_in } = await parseOptionalJson(c, RotateSecretBody);
      const ctx = await adminWriteContext(c, password);
      const rotated = await rotateEndpointSecret(c.var.deps, ctx, id, previous_secret_expires_in);
      return c.json(rotated satisfies z.input<typeof WebhookSecretRotated>);
    },
  )
  .get(
    '/:id/deliveries',
    describeRoute({
      ...contract,
      operationId: 'adminListWebhookDeliveries',
      summary: "The endpoint's deliveries (status, attempts, last answer), newest first, cursor-paginated",
      query: DeliveriesQuery,
      responses: { 200: { description: 'One page; pass next_cursor as cursor for the next', schema: WebhookDeliveryPage } },
      errors: ['not_found'],
    }),
    requireAdmin('webhooks:write'),
    async (c) => {
      const id = idParam(c.req.param('id'), 'webhook endpoint');
      return c.json((await listDeliveries(c.var.deps, id, parseQuery(c, DeliveriesQuery))) satisfies z.input<typeof WebhookDeliveryPage>);
    },
  )
  .post(
    '/:id/deliveries/:delivery_id/redeliver',
    describeRoute({
      ...contract,
      operationId: 'adminRedeliverWebhook',
      summary: 'Send a delivery again (same webhook-id), whatever its status',
      body: AdminWriteBody,
      bodyRequired: false,
      responses: { 202: { description: 'Queued', schema: WebhookDeliveryAnswer } },
      errors: [...WRITE_ERRORS],
    }),
    requireAdmin('webhooks:write'),
    async (c) => {
      const id = idParam(c.req.param('id'), 'webhook endpoint');
      const deliveryId = idParam(c.req.param('delivery_id'), 'delivery');
      const ctx = await adminWriteContext(c, (await parseOptionalJson(c, AdminWriteBody)).password);
      return c.json({ delivery: await redeliver(c.var.deps, ctx, id, deliveryId) } satisfies z.input<typeof WebhookDeliveryAnswer>, 202);
    },
  );
