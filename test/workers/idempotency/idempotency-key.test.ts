// Idempotency-Key: a retried state-changing request gets the first answer back instead of running twice; the
// key is bound to its request (another body is refused), to its caller (users never share answers) and to 24 h.
import { afterEach, describe, expect, it } from 'vitest';
import { runScheduledMaintenance } from '../../../src/scheduled-maintenance.ts';
import {
  type CallInit,
  call,
  clockedEnv,
  expectError,
  flowEnv,
  interceptDatabase,
  me,
  randomIp,
  registerUser,
  sql,
  uniqueEmail,
  writesUser,
} from '../support/index.ts';

function withKey(key: string, init: CallInit): CallInit {
  return { ...init, headers: { ...(init.headers as Record<string, string> | undefined), 'idempotency-key': key } };
}

function register(key: string, email: string, ip: string) {
  return call('/v1/auth/register', withKey(key, { method: 'POST', ip, json: { email, password: 'long enough pw' } }));
}

let restore = () => {};
afterEach(() => {
  restore();
  restore = () => {};
});

describe('idempotency key', () => {
  it('a retry gets the original answer, Set-Cookie included, and the request ran once', async () => {
    const key = crypto.randomUUID();
    const email = uniqueEmail('idem');
    const ip = randomIp();
    const first = await register(key, email, ip);
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotency-replayed')).toBeNull();
    const again = await register(key, email, ip);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotency-replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    // The session cookie of the first answer: a client that lost it is signed in by the retry.
    expect(again.headers.getSetCookie()).toEqual(first.headers.getSetCookie());
    expect(again.headers.get('content-type')).toBe(first.headers.get('content-type'));
    expect(await sql('select 1 from $schema.users where email = $1', [email])).toHaveLength(1);
    // Stored sealed: neither the address nor the session token is readable at rest.
    const token = first.headers.getSetCookie()[0]!.split(';')[0]!.split('=')[1]!;
    const leaks = await sql(`select 1 from $schema.idempotency_keys where response like $1 or response like $2`, [
      `%${email}%`,
      `%${token}%`,
    ]);
    expect(leaks).toHaveLength(0);
  });

  it('the same key with another body is refused with 422 idempotency_key_reused', async () => {
    const key = crypto.randomUUID();
    const ip = randomIp();
    expect((await register(key, uniqueEmail('idem'), ip)).status).toBe(201);
    const other = uniqueEmail('idem-other');
    await expectError(await register(key, other, ip), 422, 'idempotency_key_reused');
    expect(await sql('select 1 from $schema.users where email = $1', [other])).toHaveLength(0);
  });

  it('a duplicate sent while the first is still running gets 409 idempotency_key_in_progress', async () => {
    const flow = flowEnv();
    const key = crypto.randomUUID();
    const email = uniqueEmail('idem');
    const ip = randomIp();
    const send = () => flow.call('/v1/auth/register', withKey(key, { method: 'POST', ip, json: { email, password: 'long enough pw' } }));
    // The first request is held at its registration batch (its key already claimed) until the duplicate has
    // been answered: the overlap is made, not hoped for. Only the first such batch is held.
    let arrive = () => {};
    const reached = new Promise<void>((resolve) => (arrive = resolve));
    let release = () => {};
    const gate = new Promise<undefined>((resolve) => (release = () => resolve(undefined)));
    let held = 0;
    const db = interceptDatabase((r) => {
      if (!writesUser(r) || held++) return undefined;
      arrive();
      return gate;
    });
    restore = () => {
      release();
      db.restore();
    };
    const pending = send();
    await reached;

    const duplicate = await send();
    await expectError(duplicate, 409, 'idempotency_key_in_progress');
    expect(duplicate.headers.get('retry-after')).toBe('1');
    expect(await sql('select 1 from $schema.users where email = $1', [email])).toHaveLength(0);

    release();
    const first = await pending;
    await flow.settle();
    restore();
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotency-replayed')).toBeNull();
    expect(held).toBe(1);
    // The client's next retry gets the finished answer.
    const retry = await send();
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotency-replayed')).toBe('true');
    expect(await retry.json()).toEqual(await first.json());
    expect(await sql('select 1 from $schema.users where email = $1', [email])).toHaveLength(1);
  });

  it('different users never share a key', async () => {
    const key = 'shared-key';
    const alice = await registerUser();
    const bob = await registerUser();
    const patch = (cookie: string) => call('/v1/auth/me', withKey(key, { method: 'PATCH', cookie, json: { name: 'Same Name' } }));
    const forAlice = await patch(alice.cookie);
    expect(forAlice.status).toBe(200);
    const forBob = await patch(bob.cookie);
    expect(forBob.status).toBe(200);
    expect(forBob.headers.get('idempotency-replayed')).toBeNull();
    expect(((await forBob.json()) as { user: { id: string } }).user.id).toBe(bob.user.id);
    expect((await me(bob.cookie)).name).toBe('Same Name');
  });

  it('a malformed key is refused with 400 before anything runs', async () => {
    const { cookie } = await registerUser();
    for (const key of ['', ' ', 'k'.repeat(256), 'tab\there', 'del\x7fhere']) {
      const res = await call('/v1/auth/me', withKey(key, { method: 'PATCH', cookie, json: { name: 'Never Set' } }));
      await expectError(res, 400, 'invalid_request');
    }
    expect((await me(cookie)).name).not.toBe('Never Set');
    expect((await call('/v1/auth/me', withKey('k'.repeat(255), { method: 'PATCH', cookie, json: { name: 'Ok' } }))).status).toBe(200);
  });

  it('answers expire after 24 h: the key is free again and the scheduled sweep deletes the row', async () => {
    const { env, clock, deps } = clockedEnv();
    const key = crypto.randomUUID();
    const ip = randomIp();
    const email = uniqueEmail('idem');
    const first = await call('/v1/auth/register', withKey(key, { method: 'POST', ip, env, json: { email, password: 'long enough pw' } }));
    expect(first.status).toBe(201);
    const stored = () => sql(`select 1 from $schema.idempotency_keys where created_at = $1`, [clock.now().toISOString()]);
    clock.advance(23 * 3600 * 1000);
    const other = uniqueEmail('idem-later');
    const later = { method: 'POST', ip, env, json: { email: other, password: 'long enough pw' } };
    await expectError(await call('/v1/auth/register', withKey(key, later)), 422, 'idempotency_key_reused');
    clock.advance(3600 * 1000 + 1000);
    const fresh = await call('/v1/auth/register', withKey(key, later));
    expect(fresh.status).toBe(201);
    expect(fresh.headers.get('idempotency-replayed')).toBeNull();
    // The sweep: past another 24 h the row taken over above is deleted too.
    expect(await stored()).toHaveLength(1);
    clock.advance(24 * 3600 * 1000 + 1000);
    const outcome = await runScheduledMaintenance(deps);
    expect(outcome.idempotency_keys_expired).toBeGreaterThanOrEqual(1);
    expect(await sql(`select 1 from $schema.idempotency_keys where expires_at <= $1`, [clock.now().toISOString()])).toHaveLength(0);
  });
});
