// Password sign-in: a fresh session per sign-in, normalised emails, parameter upgrades, audit trail.
import { describe, expect, it } from 'vitest';
import { CURRENT_PARAMS, hashWithSalt } from '../../../src/crypto/password.ts';
import { call, expectError, loginUser, PASSWORD, registerUser, sessionCookie, sql } from '../support/index.ts';

describe('login', () => {
  it('signs in with a new session (new id, new cookie) and shows user and organization', async () => {
    const reg = await registerUser();
    const res = await loginUser(reg.email);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { user: { id: string }; organization: { name: string; role: string }; session: { id: string } };
    expect(body.user.id).toBe(reg.user.id);
    expect(body.organization).toMatchObject({ name: 'Acme', role: 'owner' });
    const cookie = sessionCookie(res);
    expect(cookie).not.toBe(reg.cookie);
    const first = (await (await call('/v1/auth/session', { cookie: reg.cookie })).json()) as { session: { id: string } };
    expect(body.session.id).not.toBe(first.session.id);
    expect((await call('/v1/auth/session', { cookie })).status).toBe(200);
  });

  it('matches the email however it is typed (trim, case, Unicode NFC)', async () => {
    const local = `ame\u0301lie-${crypto.randomUUID().slice(0, 6)}`; // "é" decomposed
    const reg = await registerUser(`${local}@example.com`);
    expect(reg.user.email).toBe(`${local.normalize('NFC')}@example.com`);
    expect((await loginUser(`  ${local.normalize('NFC').toUpperCase()}@EXAMPLE.COM `)).status).toBe(200);
  });

  it('upgrades a hash with outdated parameters on successful sign-in', async () => {
    const { email, user } = await registerUser();
    const old = await hashWithSalt(PASSWORD, crypto.getRandomValues(new Uint8Array(16)), {
      ...CURRENT_PARAMS,
      memoryKiB: 4096,
      iterations: 3,
    });
    await sql('update $schema.users set password_hash = $1 where id = $2', [old, user.id]);
    expect((await loginUser(email)).status).toBe(200);
    const [row] = await sql<{ password_hash: string }>('select password_hash from $schema.users where id = $1', [user.id]);
    expect(row!.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row!.password_hash).not.toBe(old);
    expect((await loginUser(email)).status).toBe(200);
  });

  it('records login.succeeded and login.failed with request id, IP and user agent, never the password', async () => {
    const { email, user } = await registerUser();
    await loginUser(email, 'wrong password!', {
      ip: '10.9.8.7',
      headers: { 'user-agent': 'audit-test/1.0', 'x-request-id': 'audit-fail-0001' },
    });
    await loginUser(email, PASSWORD, { ip: '10.9.8.7', headers: { 'user-agent': 'audit-test/1.0', 'x-request-id': 'audit-ok-00001' } });
    const rows = await sql<{ event: string; request_id: string; ip: string; user_agent: string; metadata: unknown }>(
      "select event, request_id, ip, user_agent, metadata from $schema.audit_logs where user_id = $1 and event like 'login.%' order by id",
      [user.id],
    );
    expect(rows.map((r) => [r.event, r.request_id, r.ip, r.user_agent])).toEqual([
      ['login.failed', 'audit-fail-0001', '10.9.8.7', 'audit-test/1.0'],
      ['login.succeeded', 'audit-ok-00001', '10.9.8.7', 'audit-test/1.0'],
    ]);
    expect(JSON.stringify(rows)).not.toContain('wrong password!');
    expect(JSON.stringify(rows)).not.toContain(PASSWORD);
  });

  it('refuses a malformed login body with 400 and unknown fields too', async () => {
    await expectError(await call('/v1/auth/login', { method: 'POST', json: { email: 'x@example.com' } }), 400, 'invalid_request');
    await expectError(
      await call('/v1/auth/login', { method: 'POST', json: { email: 'x@example.com', password: 'p', remember: true } }),
      400,
      'invalid_request',
    );
  });
});
