// An Idempotency-Key whose first attempt answered 5xx is released, not stored: the outcome was a failure (here
// the database connection dropped mid-request, so nothing was written), and replaying it would turn one outage
// into a permanent failure for that key. The retry with the same key and body runs for real; its answer is
// the one stored and replayed afterwards.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type DatabaseRequest,
  expectError,
  flowEnv,
  interceptDatabase,
  PASSWORD,
  randomIp,
  sql,
  uniqueEmail,
  writesUser,
} from '../support/index.ts';

const touchesKeys = (r: DatabaseRequest) => r.statements.some((s) => /"idempotency_keys"/.test(s));

let restore = () => {};
afterEach(() => {
  restore();
  restore = () => {};
});

describe('idempotency key after a 5xx', () => {
  it('a 503 is not stored: the retry with the same key runs, and its 201 is what is replayed', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const flow = flowEnv();
    const key = crypto.randomUUID();
    const email = uniqueEmail('idem-5xx');
    const ip = randomIp();
    const register = () =>
      flow.call('/v1/auth/register', { method: 'POST', ip, headers: { 'idempotency-key': key }, json: { email, password: PASSWORD } });
    const keysAt = (at: Date) =>
      sql<{ response_status: number | null }>('select response_status from $schema.idempotency_keys where created_at = $1', [
        at.toISOString(),
      ]);

    // First attempt: the key is claimed, then the connection drops on the registration's batch (only there).
    const firstAt = flow.clock.now();
    const db = interceptDatabase((r) => {
      if (writesUser(r)) throw new TypeError('Network connection lost.');
      return undefined;
    });
    restore = db.restore;
    const first = await register();
    await flow.settle();
    db.restore();
    await expectError(first, 503, 'service_unavailable');
    expect(first.headers.get('idempotency-replayed')).toBeNull();
    // Claimed, the route's batch lost, then the claim deleted again (the key is free).
    expect(db.requests.map((r) => (writesUser(r) ? 'register' : touchesKeys(r) ? r.statements[0]!.split(' ')[0] : 'other'))).toEqual([
      'insert',
      'register',
      'delete',
    ]);
    expect(await keysAt(firstAt)).toHaveLength(0);
    expect(await sql('select 1 from $schema.users where email = $1', [email])).toHaveLength(0);

    // The retry, same key and body: it runs (no replay, no 409 in progress) and registers the account.
    flow.clock.advance(1000);
    const retryAt = flow.clock.now();
    const retry = await register();
    await flow.settle();
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotency-replayed')).toBeNull();
    const created = (await retry.json()) as { user: { email: string } };
    expect(created.user.email).toBe(email);
    expect(await sql('select 1 from $schema.users where email = $1', [email])).toHaveLength(1);
    expect(await keysAt(retryAt)).toEqual([{ response_status: 201 }]);

    // From now on the key replays the success.
    const again = await register();
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotency-replayed')).toBe('true');
    expect(await again.json()).toEqual(created);
    expect(await sql('select 1 from $schema.users where email = $1', [email])).toHaveLength(1);
  });
});
