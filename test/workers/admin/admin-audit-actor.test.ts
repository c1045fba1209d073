// Every admin write is audited with its actor: the administrator's user id (session) or the API key's id; a
// disable with its reason. The platform audit API filters by user and action and shows the actor, and the
// user's own audit log shows who disabled them.
import { describe, expect, it } from 'vitest';
import { AuditPage } from '../../../src/features/audit/audit.schemas.ts';
import { apiKey, type CallInit, call, json, registerAdmin, registerUser, sessionCookie, sql, withKey } from '../support/index.ts';

type Actor = { type: string; id: string };

const WRITES = [
  { step: 'disable', event: 'user.disabled', method: 'POST', path: '/disable', json: { reason: 'spam wave' } },
  { step: 'enable', event: 'user.enabled', method: 'POST', path: '/enable' },
  { step: 'sign-out', event: 'user.signed_out', method: 'POST', path: '/sign-out' },
  { step: 'mfa', event: 'mfa.reset', method: 'DELETE', path: '/mfa?passkeys=true' },
  { step: 'verify-email', event: 'email.verified', method: 'POST', path: '/verify-email' },
  { step: 'delete', event: 'user.deleted', method: 'DELETE', path: '' },
] as const;

/** The audit row a request wrote (found by its request id). */
async function auditRow(requestId: string, event: string) {
  const rows = await sql<{ user_id: string | null; actor_type: string | null; actor_id: string | null; metadata: Record<string, unknown> }>(
    'select user_id::text, actor_type, actor_id, metadata from $schema.audit_logs where request_id = $1 and event = $2',
    [requestId, event],
  );
  expect(rows, `${event} for ${requestId}`).toHaveLength(1);
  return rows[0]!;
}

async function everyWriteRecords(actor: Actor, credentials: (init: CallInit) => CallInit) {
  const target = await registerUser();
  for (const write of WRITES) {
    const requestId = `audit-actor-${write.step}-${crypto.randomUUID()}`;
    const res = await call(
      `/v1/admin/users/${target.user.id}${write.path}`,
      credentials({ method: write.method, json: 'json' in write ? write.json : undefined, headers: { 'x-request-id': requestId } }),
    );
    expect(res.status, `${write.step}: ${await res.clone().text()}`).toBe(write.step === 'delete' ? 204 : 200);
    const row = await auditRow(requestId, write.event);
    expect({ type: row.actor_type, id: row.actor_id }).toEqual(actor);
    // The deletion's own event is about nobody any more (the account is gone); the others are the target's.
    expect(row.user_id).toBe(write.step === 'delete' ? null : target.user.id);
    if (write.step === 'disable') expect(row.metadata).toMatchObject({ reason: 'spam wave' });
  }
}

describe('admin audit actor', () => {
  it("through an administrator's session: actor {type: user, id: the administrator}", async () => {
    const admin = await registerAdmin();
    await everyWriteRecords({ type: 'user', id: admin.user.id }, (init) => ({ ...init, cookie: admin.cookie }));
  });

  it('through an API key: actor {type: api_key, id: the key id}', async () => {
    const { key, id } = await apiKey(['users:write']);
    await everyWriteRecords({ type: 'api_key', id }, (init) => withKey(key, init));
  });

  it('GET /v1/admin/audit-logs filters by user and action and shows the actor; the user sees who disabled them', async () => {
    const admin = await registerAdmin();
    const { key, id: keyId } = await apiKey(['users:write', 'audit:read']);
    const target = await registerUser();
    const disable = (init: CallInit) =>
      call(`/v1/admin/users/${target.user.id}/disable`, { method: 'POST', json: { reason: 'chargeback' }, ...init });
    const enable = (init: CallInit) => call(`/v1/admin/users/${target.user.id}/enable`, { method: 'POST', ...init });
    await json(await disable({ cookie: admin.cookie }));
    await json(await enable({ cookie: admin.cookie }));
    await json(await disable(withKey(key)));
    await json(await enable(withKey(key)));
    // Someone else's event, which the filters must leave out.
    const other = await registerUser();
    await json(await call(`/v1/admin/users/${other.user.id}/disable`, withKey(key, { method: 'POST', json: { reason: 'other' } })));

    const page = async (query: string) =>
      AuditPage.parse(await json(await call(`/v1/admin/audit-logs?${query}`, { cookie: admin.cookie })));
    const byUser = await page(`user_id=${target.user.id}`);
    expect(byUser.events.every((e) => e.user_id === target.user.id)).toBe(true);
    expect(byUser.events.map((e) => e.event)).toEqual([
      'user.enabled',
      'user.disabled',
      'user.enabled',
      'user.disabled',
      'user.registered',
    ]);
    expect(byUser.events.map((e) => e.actor)).toEqual([
      { type: 'api_key', id: keyId },
      { type: 'api_key', id: keyId },
      { type: 'user', id: admin.user.id },
      { type: 'user', id: admin.user.id },
      null,
    ]);

    const disables = await page(`user_id=${target.user.id}&action=user.disabled`);
    expect(disables.events.map((e) => [e.event, e.actor?.type, e.metadata.reason])).toEqual([
      ['user.disabled', 'api_key', 'chargeback'],
      ['user.disabled', 'user', 'chargeback'],
    ]);
    // By action alone: every user's, the other one's included.
    const allDisables = await page('action=user.disabled&limit=100');
    expect(allDisables.events.every((e) => e.event === 'user.disabled')).toBe(true);
    expect(allDisables.events.some((e) => e.user_id === other.user.id)).toBe(true);
    // The same page through the key (audit:read).
    expect(AuditPage.parse(await json(await call(`/v1/admin/audit-logs?user_id=${target.user.id}`, withKey(key)))).events).toEqual(
      byUser.events,
    );

    // The user, signed in again, sees the disable in their own log, with who did it.
    const login = await call('/v1/auth/login', { method: 'POST', json: { email: target.email, password: target.password } });
    const own = AuditPage.parse(await json(await call('/v1/auth/audit-logs?limit=100', { cookie: sessionCookie(login) }))).events.filter(
      (e) => e.event === 'user.disabled',
    );
    expect(own.map((e) => e.actor)).toEqual([
      { type: 'api_key', id: keyId },
      { type: 'user', id: admin.user.id },
    ]);
  });
});
