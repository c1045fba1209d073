// A database outage fails closed: 503 in the error shape, nothing half-written.
import { describe, expect, it, vi } from 'vitest';
import { call, callWithEnv, envWith, expectError, sql, uniqueEmail } from '../support/index.ts';

// Nothing listens on port 9 (discard) here: every query fails to connect. (workerd also prints each refused
// connection as an "uncaught exception … Network connection lost" from its own request-body pump; the
// driver's error is caught and handled — the assertions below are what the client sees.)
const DOWN = envWith({ DATABASE_URL: 'postgres://identsphere:local@127.0.0.1:9/identsphere' });

describe('database outage', () => {
  it('readiness is 503 while liveness stays 200', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await expectError(await callWithEnv(DOWN, '/v1/health/ready'), 503, 'service_unavailable');
    expect((await callWithEnv(DOWN, '/v1/health')).status).toBe(200);
    const ready = await call('/v1/health/ready');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: 'ok' });
  });

  it('register is 503, sets no cookie, and writes nothing', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const email = uniqueEmail('outage');
    const res = await callWithEnv(DOWN, '/v1/auth/register', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'long enough pw' }),
    });
    expect(res.headers.getSetCookie()).toEqual([]);
    await expectError(res, 503, 'service_unavailable');
    expect(await sql('select 1 from $schema.users where email = $1', [email])).toHaveLength(0);
  });

  it('16 parallel registrations of one email: one 201, fifteen 409, no orphaned organization or session', async () => {
    const email = uniqueEmail('race');
    const org = `race-${crypto.randomUUID()}`;
    const results = await Promise.all(
      Array.from({ length: 16 }, () =>
        call('/v1/auth/register', { method: 'POST', json: { email, password: 'long enough pw', organization_name: org } }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, ...Array(15).fill(409)]);
    expect(await sql('select 1 from $schema.users where email = $1', [email])).toHaveLength(1);
    // The losers' batches failed at the user insert, after their organization insert: rolled back whole.
    expect(await sql('select 1 from $schema.organizations where name = $1', [org])).toHaveLength(1);
    const sessions = await sql('select 1 from $schema.sessions s join $schema.users u on u.id = s.user_id where u.email = $1', [email]);
    expect(sessions).toHaveLength(1);
  });
});
