// Webhook delivery end to end: the audit trigger writes the outbox row in the change's transaction, the
// request's producer hands it to the (in-process) queue, the consumer signs and POSTs it; retries keep the
// webhook-id; a lost enqueue is found by the Cron sweep.
import { eq, inArray } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { disableUser } from '../../../src/features/admin/user-moderation.ts';
import { purgeWebhookEvents, sweepWebhookEvents } from '../../../src/features/webhooks/webhook-events.ts';
import type { Job } from '../../../src/platform/adapters/job-queue.ts';
import { InProcessJobQueue } from '../../../src/platform/adapters/job-queue.ts';
import {
  adminCall,
  apiKey,
  CLI_CONTEXT,
  call,
  createWebhook,
  type DatabaseRequest,
  eventually,
  interceptDatabase,
  PASSWORD,
  receivedAbout,
  registerUser,
  uniqueEmail,
  verified,
  webhookEnv,
} from '../support/index.ts';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  // Endpoints left enabled would make other test files' events produce outbox rows.
  while (cleanups.length) await cleanups.pop()!();
});

async function setup(json: Record<string, unknown> = {}, options: Parameters<typeof webhookEnv>[0] = {}) {
  const w = webhookEnv(options);
  const key = (await apiKey(['webhooks:write', 'users:write'], w.deps)).key;
  const hook = await createWebhook(w.env, key, json);
  cleanups.push(() => adminCall(w.env, key, `/v1/admin/webhooks/${hook.id}`, { method: 'DELETE' }));
  return { ...w, key, hook };
}

describe('webhook delivery', () => {
  it('a sign-up reaches the receiver as user.created, signed so that standardwebhooks verifies it', async () => {
    const { env, receiver, hook } = await setup();
    const { user } = await registerUser(uniqueEmail(), PASSWORD, env);
    const [got] = await receivedAbout(receiver, user.id, 1, 'user.created');
    expect(got!.url).toBe('https://receiver.example.test/hook');
    expect(got!.headers['content-type']).toBe('application/json');
    expect(got!.headers['webhook-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(got!.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(verified(hook.secret, got!)).toEqual(got!.payload);
    expect(got!.payload).toMatchObject({ type: 'user.created', data: { user_id: user.id } });
    expect(Date.parse(got!.payload.timestamp)).not.toBeNaN();
    // Signed with this endpoint's secret only: another secret does not verify.
    expect(() => verified(`whsec_${btoa('x'.repeat(32))}`, got!)).toThrow();
  });

  it('a receiver answering 500 then 200 gets the same webhook-id twice, acknowledged once', async () => {
    const { env, receiver, deps, key, hook } = await setup({ event_types: ['user.created'] });
    let calls = 0;
    receiver.answerWith(() => new Response(null, { status: ++calls === 1 ? 500 : 200 }));
    const { user } = await registerUser(uniqueEmail(), PASSWORD, env);
    const got = await receivedAbout(receiver, user.id, 2);
    expect(got.map((r) => r.headers['webhook-id'])).toEqual([got[0]!.headers['webhook-id'], got[0]!.headers['webhook-id']]);
    for (const r of got) expect(verified(hook.secret, r)).toEqual(r.payload);
    const res = await adminCall(env, key, `/v1/admin/webhooks/${hook.id}/deliveries`);
    const { deliveries } = (await res.json()) as {
      deliveries: { event_id: string; status: string; attempts: number; last_status: number }[];
    };
    const mine = deliveries.filter((d) => d.event_id === got[0]!.headers['webhook-id']);
    expect(mine).toEqual([expect.objectContaining({ status: 'delivered', attempts: 2, last_status: 200 })]);
    // Nothing more is sent for it.
    await new Promise((r) => setTimeout(r, 200));
    expect(receiver.about(user.id)).toHaveLength(2);
    expect(deps.jobs).toBeInstanceOf(InProcessJobQueue);
  });

  it('the event type filter: an endpoint gets only the types it asked for', async () => {
    const { env, receiver } = await setup({ event_types: ['session.created'] });
    const { email, user } = await registerUser(uniqueEmail(), PASSWORD, env);
    expect((await call('/v1/auth/login', { env, method: 'POST', json: { email, password: PASSWORD } })).status).toBe(200);
    await receivedAbout(receiver, user.id);
    await new Promise((r) => setTimeout(r, 200));
    expect(receiver.about(user.id).map((r) => r.payload.type)).toEqual(['session.created']);
    expect(receiver.about(user.id)[0]!.payload.data).toMatchObject({ method: 'password', session_id: expect.any(String) });
  });

  it('an enqueue lost after the commit (the queue refused) is delivered by the Cron sweep', async () => {
    class RefusingQueue extends InProcessJobQueue {
      refuse = true;
      override async send(jobs: Job[]): Promise<void> {
        if (this.refuse && jobs.some((j) => j.kind === 'webhook_event')) throw new Error('simulated queue outage');
        return super.send(jobs);
      }
    }
    const jobs = new RefusingQueue();
    const { env, receiver, deps } = await setup({ event_types: ['user.created'] }, { deps: { jobs } });
    const { user } = await registerUser(uniqueEmail(), PASSWORD, env);
    const { webhookEvents } = deps.t;
    // Committed with the sign-up, not sent.
    await eventually(async () => {
      const [row] = await deps.db.select().from(webhookEvents).where(eq(webhookEvents.userId, user.id));
      return row && row.enqueuedAt === null && row;
    }, 'the released outbox row');
    await new Promise((r) => setTimeout(r, 100));
    expect(receiver.about(user.id)).toEqual([]);
    jobs.refuse = false;
    await sweepWebhookEvents(deps);
    await receivedAbout(receiver, user.id);
    expect(receiver.about(user.id).map((r) => r.payload.type)).toEqual(['user.created']);
  });

  it('the database failing between the commit and the enqueue (the claim) loses nothing: the sweep sends it', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { env, receiver, deps } = await setup({ event_types: ['user.created'] });
    const claims = (r: DatabaseRequest) => r.statements.some((s) => /^\s*update "[^"]+"\."webhook_events" set enqueued_at/.test(s));
    const db = interceptDatabase((r) => {
      if (claims(r)) throw new TypeError('Network connection lost.');
      return undefined;
    });
    let userId: string;
    try {
      userId = (await registerUser(uniqueEmail(), PASSWORD, env)).user.id;
      await eventually(() => db.requests.some(claims), 'the failed claim');
    } finally {
      db.restore();
    }
    await new Promise((r) => setTimeout(r, 100));
    expect(receiver.about(userId)).toEqual([]);
    await sweepWebhookEvents(deps);
    expect((await receivedAbout(receiver, userId)).map((r) => r.payload.type)).toEqual(['user.created']);
  });

  it('a change no request produced (the CLI) is sent by the sweep', async () => {
    const { env, receiver, deps } = await setup({ event_types: ['user.disabled'] });
    const { user } = await registerUser(uniqueEmail(), PASSWORD, env);
    await disableUser(deps, CLI_CONTEXT, user.id, { reason: 'test' });
    expect(receiver.about(user.id)).toEqual([]);
    await sweepWebhookEvents(deps);
    const [got] = await receivedAbout(receiver, user.id);
    expect(got!.payload.data).toEqual({ user_id: user.id, actor: CLI_CONTEXT.actor });
  });

  it('the scheduled maintenance drops processed events after 30 days, and keeps newer or unprocessed ones', async () => {
    const { deps } = webhookEnv();
    const { webhookEvents } = deps.t;
    const day = 86_400_000;
    const rows = [
      {
        id: crypto.randomUUID(),
        type: 'user.created',
        createdAt: new Date(Date.now() - 31 * day),
        processedAt: new Date(Date.now() - 31 * day),
      },
      {
        id: crypto.randomUUID(),
        type: 'user.created',
        createdAt: new Date(Date.now() - 29 * day),
        processedAt: new Date(Date.now() - 29 * day),
      },
      // Never processed (no endpoint took it yet): kept for the sweep.
      { id: crypto.randomUUID(), type: 'user.created', createdAt: new Date(Date.now() - 31 * day), enqueuedAt: new Date() },
    ];
    await deps.db.insert(webhookEvents).values(rows);
    expect(await purgeWebhookEvents(deps)).toBeGreaterThanOrEqual(1);
    const left = await deps.db
      .select({ id: webhookEvents.id })
      .from(webhookEvents)
      .where(
        inArray(
          webhookEvents.id,
          rows.map((r) => r.id),
        ),
      );
    expect(left.map((r) => r.id).sort()).toEqual([rows[1]!.id, rows[2]!.id].sort());
    await deps.db.delete(webhookEvents).where(
      inArray(
        webhookEvents.id,
        rows.map((r) => r.id),
      ),
    );
  });
});
