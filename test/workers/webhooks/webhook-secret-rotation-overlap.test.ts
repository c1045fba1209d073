// Rotating a webhook secret: the replaced secret keeps signing beside the new one (two `v1,` signatures) until its
// expiry, so receivers switch without rejecting deliveries; after the expiry, or with an overlap of 0, it no longer
// signs. The overlap is bounded and validated.
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import {
  adminCall,
  apiKey,
  createWebhook,
  expectError,
  json,
  PASSWORD,
  receivedAbout,
  registerUser,
  uniqueEmail,
  verified,
  webhookEnv,
} from '../support/index.ts';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function setup() {
  const w = webhookEnv();
  const key = (await apiKey(['webhooks:write'], w.deps)).key;
  const hook = await createWebhook(w.env, key, { event_types: ['user.created'] });
  cleanups.push(() => adminCall(w.env, key, `/v1/admin/webhooks/${hook.id}`, { method: 'DELETE' }));
  const rotate = (body?: unknown) => adminCall(w.env, key, `/v1/admin/webhooks/${hook.id}/rotate-secret`, { method: 'POST', json: body });
  const nextDelivery = async () => {
    const { user } = await registerUser(uniqueEmail(), PASSWORD, w.env);
    const [got] = await receivedAbout(w.receiver, user.id);
    return got!;
  };
  return { ...w, key, hook, rotate, nextDelivery };
}

describe('webhook secret rotation overlap', () => {
  it('signs with both secrets for 24 hours by default; either verifies', async () => {
    const { hook, rotate, nextDelivery, deps } = await setup();
    const res = await rotate();
    expect(res.status).toBe(200);
    const rotated = await json<{ secret: string; previous_secret_expires_at: string }>(res);
    const expiresIn = Date.parse(rotated.previous_secret_expires_at) - Date.now();
    expect(expiresIn).toBeGreaterThan(23.9 * 3600_000);
    expect(expiresIn).toBeLessThanOrEqual(24 * 3600_000 + 60_000);

    const got = await nextDelivery();
    expect(got.headers['webhook-signature']!.split(' ')).toHaveLength(2);
    expect(verified(rotated.secret, got)).toEqual(got.payload);
    expect(verified(hook.secret, got)).toEqual(got.payload);

    // The replaced secret is stored sealed like the current one.
    const { webhookEndpoints: e } = deps.t;
    const [row] = await deps.db.select().from(e).where(eq(e.id, hook.id));
    expect(row!.previousSecretSealed).toMatch(/^v1\./);
    expect(row!.previousSecretSealed).not.toContain(hook.secret.slice(6, 20));

    // Once expired it stops signing, although the row still holds it.
    await deps.db
      .update(e)
      .set({ previousSecretExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(e.id, hook.id));
    const later = await nextDelivery();
    expect(later.headers['webhook-signature']!.split(' ')).toHaveLength(1);
    expect(verified(rotated.secret, later)).toEqual(later.payload);
    expect(() => verified(hook.secret, later)).toThrow();
  });

  it('a second rotation keeps the secret shown by the first as the previous one, never the original', async () => {
    const { hook, rotate, nextDelivery } = await setup();
    const first = await json<{ secret: string }>(await rotate({ previous_secret_expires_in: 600 }));
    const second = await json<{ secret: string }>(await rotate({ previous_secret_expires_in: 600 }));
    const got = await nextDelivery();
    expect(verified(second.secret, got)).toEqual(got.payload);
    expect(verified(first.secret, got)).toEqual(got.payload);
    expect(() => verified(hook.secret, got)).toThrow();
  });

  it('an overlap of 0 replaces the secret at once', async () => {
    const { hook, rotate, nextDelivery } = await setup();
    const rotated = await json<{ secret: string; previous_secret_expires_at: null }>(await rotate({ previous_secret_expires_in: 0 }));
    expect(rotated.previous_secret_expires_at).toBeNull();
    const got = await nextDelivery();
    expect(got.headers['webhook-signature']!.split(' ')).toHaveLength(1);
    expect(verified(rotated.secret, got)).toEqual(got.payload);
    expect(() => verified(hook.secret, got)).toThrow();
  });

  it('refuses an overlap beyond 7 days, negative or fractional, and changes nothing', async () => {
    const { hook, rotate, nextDelivery } = await setup();
    for (const previous_secret_expires_in of [7 * 24 * 3600 + 1, -1, 1.5, '60']) {
      await expectError(await rotate({ previous_secret_expires_in }), 400, 'invalid_request');
    }
    const got = await nextDelivery();
    expect(verified(hook.secret, got)).toEqual(got.payload);
  });
});
