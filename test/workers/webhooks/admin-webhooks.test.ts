// /v1/admin/webhooks: validation, scopes, the secret shown once and stored sealed, rotation, the delivery log,
// redelivery, and an endpoint marked failing once a delivery used its last attempt (the queue consumer).
import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test';
import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkEndpointUrl } from '../../../src/features/webhooks/webhook-endpoints.ts';
import { consumeJobs } from '../../../src/jobs.ts';
import type { Job } from '../../../src/platform/adapters/job-queue.ts';
import type { Config } from '../../../src/platform/config.ts';
import {
  adminCall,
  apiKey,
  call,
  createWebhook,
  eventually,
  expectError,
  json,
  PASSWORD,
  RECEIVER,
  receivedAbout,
  registerUser,
  uniqueEmail,
  verified,
  webhookEnv,
} from '../support/index.ts';

type Delivery = { id: string; event_id: string; event_type: string; status: string; attempts: number; last_status: number | null };

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function setup(body: Record<string, unknown> = {}) {
  const w = webhookEnv();
  const key = (await apiKey(['webhooks:write'], w.deps)).key;
  const hook = await createWebhook(w.env, key, body);
  cleanups.push(() => adminCall(w.env, key, `/v1/admin/webhooks/${hook.id}`, { method: 'DELETE' }));
  return { ...w, key, hook };
}

async function deliveries(env: Parameters<typeof adminCall>[0], key: string, hookId: string, query = '') {
  return json<{ deliveries: Delivery[]; next_cursor: string | null }>(
    await adminCall(env, key, `/v1/admin/webhooks/${hookId}/deliveries${query}`),
  );
}

describe('admin webhooks API', () => {
  it('validates the URL and event types: http(s) only, https only in production, no credentials', async () => {
    const { env, deps } = webhookEnv();
    const key = (await apiKey(['webhooks:write'], deps)).key;
    for (const url of ['ftp://receiver.example.test/', 'javascript:alert(1)', 'https://user:pw@receiver.example.test/', 'not a url']) {
      await expectError(await adminCall(env, key, '/v1/admin/webhooks', { method: 'POST', json: { url } }), 400, 'invalid_request');
    }
    await expectError(
      await adminCall(env, key, '/v1/admin/webhooks', { method: 'POST', json: { url: `${RECEIVER}/x`, event_types: ['user.exploded'] } }),
      400,
      'invalid_request',
    );
    const production = { config: { IDENTSPHERE_ENV: 'production' } as Config };
    expect(() => checkEndpointUrl(production, 'http://receiver.example.test/hook')).toThrow(/https/);
    expect(checkEndpointUrl(production, 'https://receiver.example.test/hook')).toBe('https://receiver.example.test/hook');
    expect(checkEndpointUrl({ config: { IDENTSPHERE_ENV: 'test' } as Config }, 'http://127.0.0.1:9/hook')).toBe('http://127.0.0.1:9/hook');
  });

  it('needs the webhooks:write scope (or a platform administrator); anyone else is refused', async () => {
    const { env, deps } = webhookEnv();
    const readOnly = (await apiKey(['users:read', 'audit:read'], deps)).key;
    await expectError(await adminCall(env, readOnly, '/v1/admin/webhooks'), 403, 'forbidden');
    await expectError(
      await adminCall(env, readOnly, '/v1/admin/webhooks', { method: 'POST', json: { url: `${RECEIVER}/x` } }),
      403,
      'forbidden',
    );
    await expectError(await call('/v1/admin/webhooks', { env }), 401, 'unauthorized');
    const { cookie } = await registerUser(uniqueEmail(), PASSWORD, env);
    await expectError(await call('/v1/admin/webhooks', { env, cookie }), 403, 'forbidden');
  });

  it('shows the secret once, stores it sealed, audits with the actor; rotation replaces it', async () => {
    const { env, deps, key, hook, receiver } = await setup({ event_types: ['user.created'], description: 'CRM sync' });
    expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const shown = await json<{ webhook: Record<string, unknown> }>(await adminCall(env, key, `/v1/admin/webhooks/${hook.id}`));
    expect(shown.webhook).toMatchObject({
      id: hook.id,
      url: `${RECEIVER}/hook`,
      event_types: ['user.created'],
      enabled: true,
      failing: false,
    });
    expect(JSON.stringify(shown)).not.toContain(hook.secret.slice(6));
    const listed = await json<{ webhooks: { id: string }[] }>(await adminCall(env, key, '/v1/admin/webhooks'));
    expect(listed.webhooks.map((w) => w.id)).toContain(hook.id);
    expect(JSON.stringify(listed)).not.toContain('whsec_');
    const { webhookEndpoints, auditLogs } = deps.t;
    const [row] = await deps.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, hook.id));
    expect(row!.secretSealed).toMatch(/^v1\./);
    expect(row!.secretSealed).not.toContain(hook.secret.slice(6, 20));
    const audit = await deps.db
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.event, 'webhook.created'), eq(auditLogs.actorType, 'api_key')));
    expect(audit.some((a) => a.metadata.webhook_id === hook.id)).toBe(true);

    const rotated = await json<{ secret: string }>(
      await adminCall(env, key, `/v1/admin/webhooks/${hook.id}/rotate-secret`, { method: 'POST', json: { previous_secret_expires_in: 0 } }),
    );
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(hook.secret);
    const { user } = await registerUser(uniqueEmail(), PASSWORD, env);
    const [got] = await receivedAbout(receiver, user.id);
    expect(verified(rotated.secret, got!)).toEqual(got!.payload);
    expect(() => verified(hook.secret, got!)).toThrow();
  });

  it('PATCH changes the filter and switches the endpoint off; DELETE removes it', async () => {
    const { env, key, hook, receiver } = await setup({ event_types: ['user.created'] });
    const patched = await json<{ webhook: { event_types: string[]; enabled: boolean; description: string } }>(
      await adminCall(env, key, `/v1/admin/webhooks/${hook.id}`, {
        method: 'PATCH',
        json: { event_types: ['session.created'], description: 'sessions', enabled: false },
      }),
    );
    expect(patched.webhook).toMatchObject({ event_types: ['session.created'], enabled: false, description: 'sessions' });
    await expectError(
      await adminCall(env, key, `/v1/admin/webhooks/${hook.id}`, { method: 'PATCH', json: { url: 'ftp://x/' } }),
      400,
      'invalid_request',
    );
    const { user } = await registerUser(uniqueEmail(), PASSWORD, env);
    await new Promise((r) => setTimeout(r, 300));
    expect(receiver.about(user.id)).toEqual([]);
    expect((await adminCall(env, key, `/v1/admin/webhooks/${hook.id}`, { method: 'DELETE' })).status).toBe(204);
    await expectError(await adminCall(env, key, `/v1/admin/webhooks/${hook.id}`), 404, 'not_found');
    await expectError(await adminCall(env, key, '/v1/admin/webhooks/not-a-uuid'), 404, 'not_found');
  });

  it('the delivery log pages with a cursor; redelivery sends the same webhook-id again', async () => {
    const { env, key, hook, receiver } = await setup({ event_types: ['user.created'] });
    receiver.answerWith(() => new Response('down for maintenance', { status: 503 }));
    const { user } = await registerUser(uniqueEmail(), PASSWORD, env);
    await receivedAbout(receiver, user.id, 3);
    const other = await registerUser(uniqueEmail(), PASSWORD, env);
    await receivedAbout(receiver, other.user.id, 3);
    const first = await deliveries(env, key, hook.id, '?limit=1');
    expect(first.deliveries).toHaveLength(1);
    expect(first.next_cursor).toEqual(expect.any(String));
    const second = await deliveries(env, key, hook.id, `?limit=1&cursor=${first.next_cursor}`);
    expect(second.deliveries[0]!.id).not.toBe(first.deliveries[0]!.id);
    await expectError(await adminCall(env, key, `/v1/admin/webhooks/${hook.id}/deliveries?cursor=bogus`), 400, 'invalid_request');
    const failed = [...first.deliveries, ...second.deliveries].find(
      (d) => d.event_id === receiver.about(user.id)[0]!.headers['webhook-id'],
    )!;
    expect(failed).toMatchObject({ event_type: 'user.created', status: 'failed', attempts: 3, last_status: 503 });

    receiver.answerWith(() => new Response(null, { status: 200 }));
    const res = await adminCall(env, key, `/v1/admin/webhooks/${hook.id}/deliveries/${failed.id}/redeliver`, { method: 'POST' });
    expect(res.status).toBe(202);
    const got = await receivedAbout(receiver, user.id, 4);
    expect(new Set(got.map((r) => r.headers['webhook-id'])).size).toBe(1);
    const after = await deliveries(env, key, hook.id);
    expect(after.deliveries.find((d) => d.id === failed.id)).toMatchObject({ status: 'delivered', attempts: 4, last_status: 200 });
    await expectError(
      await adminCall(env, key, `/v1/admin/webhooks/${hook.id}/deliveries/${crypto.randomUUID()}/redeliver`, { method: 'POST' }),
      404,
      'not_found',
    );
  });

  it('the queue consumer retries with backoff; after the last attempt the delivery is dead and the endpoint failing', async () => {
    // Unreachable: the consumer runs with the environment's own fetch.
    const { env, key, hook } = await setup({ event_types: ['user.created'], url: 'http://127.0.0.1:9/hook' });
    await registerUser(uniqueEmail(), PASSWORD, env);
    // The in-process twin's three immediate attempts, in the background of the sign-up.
    const delivery = await eventually(
      async () => (await deliveries(env, key, hook.id)).deliveries.find((d) => d.attempts === 3),
      '3 attempts',
    );
    expect(delivery).toMatchObject({ status: 'failed', last_status: 502 });

    async function consume(attempts: number) {
      const batch = createMessageBatch<Job>('identsphere-jobs', [
        { id: `m${attempts}`, timestamp: new Date(), attempts, body: { kind: 'webhook_delivery', delivery_id: delivery.id } },
      ]);
      const ctx = createExecutionContext();
      // getQueueResult records which messages were retried, not after how long: the delay is read here.
      const retry = vi.spyOn(batch.messages[0]!, 'retry');
      await consumeJobs(batch, env);
      const result = await getQueueResult(batch, ctx);
      return {
        ...result,
        retryMessages: result.retryMessages.map((m) => ({ ...m, delaySeconds: retry.mock.calls[0]?.[0]?.delaySeconds })),
      };
    }
    expect((await consume(1)).retryMessages).toEqual([{ msgId: 'm1', delaySeconds: 30 }]);
    expect((await consume(4)).retryMessages).toEqual([{ msgId: 'm4', delaySeconds: 240 }]);
    expect((await consume(12)).retryMessages).toEqual([{ msgId: 'm12', delaySeconds: 4 * 3600 }]);
    // The last attempt (max_retries 14 + 1): not acknowledged, so the queue moves it to the dead-letter queue.
    const last = await consume(15);
    expect(last.explicitAcks).toEqual([]);
    expect(last.retryMessages).toHaveLength(1);
    expect((await deliveries(env, key, hook.id)).deliveries[0]).toMatchObject({
      status: 'dead',
      attempts: 7,
      last_status: null,
      last_error: expect.any(String),
    });
    const shown = await json<{ webhook: { failing: boolean; failing_since: string } }>(
      await adminCall(env, key, `/v1/admin/webhooks/${hook.id}`),
    );
    expect(shown.webhook.failing).toBe(true);
    // A dead delivery is not attempted again by a stray message; re-enabling clears `failing`.
    expect((await consume(2)).explicitAcks).toEqual(['m2']);
    const enabled = await json<{ webhook: { failing: boolean } }>(
      await adminCall(env, key, `/v1/admin/webhooks/${hook.id}`, { method: 'PATCH', json: { enabled: true } }),
    );
    expect(enabled.webhook.failing).toBe(false);
  });
});
