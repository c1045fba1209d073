// Security requirements 12 and 14: logout and revocation are server-side and immediate — the old cookie is
// refused at once even with the session cache warm; users list and revoke their sessions.
import { describe, expect, it } from 'vitest';
import { call, expectError, loginUser, registerUser, sessionCookie, sql } from '../support/index.ts';

interface Listed {
  sessions: {
    id: string;
    current: boolean;
    ip: string | null;
    user_agent: string | null;
    created_at: string;
    last_seen_at: string;
    expires_at: string;
  }[];
}

describe('session revocation', () => {
  it('logout, then replaying the old cookie with the cache warm: 401 at once', async () => {
    const { cookie, user } = await registerUser();
    // Warm the cache: these checks are served from KV.
    expect((await call('/v1/auth/session', { cookie })).status).toBe(200);
    expect((await call('/v1/auth/session', { cookie })).status).toBe(200);
    expect((await call('/v1/auth/logout', { method: 'POST', cookie })).status).toBe(204);
    await expectError(await call('/v1/auth/session', { cookie }), 401, 'unauthorized');
    await expectError(await call('/v1/auth/sessions', { cookie }), 401, 'unauthorized');
    const events = await sql<{ event: string }>("select event from $schema.audit_logs where user_id = $1 and event = 'logout'", [user.id]);
    expect(events).toHaveLength(1);
  });

  it('lists sessions with device, IP, times and the current flag', async () => {
    const { email, cookie } = await registerUser();
    await loginUser(email, undefined, { ip: '10.1.2.3', headers: { 'user-agent': 'Phone/2.0' } });
    const res = await call('/v1/auth/sessions', { cookie });
    expect(res.status).toBe(200);
    const { sessions } = (await res.json()) as Listed;
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    const phone = sessions.find((s) => !s.current)!;
    expect(phone).toMatchObject({ ip: '10.1.2.3', user_agent: 'Phone/2.0' });
    for (const s of sessions)
      expect(Object.keys(s).sort()).toEqual(['created_at', 'current', 'expires_at', 'id', 'ip', 'last_seen_at', 'user_agent']);
  });

  it('revokes one session by id: that cookie is refused at once (cache warm), others live on', async () => {
    const { email, cookie } = await registerUser();
    const other = sessionCookie(await loginUser(email));
    expect((await call('/v1/auth/session', { cookie: other })).status).toBe(200); // warm
    const { sessions } = (await (await call('/v1/auth/sessions', { cookie })).json()) as Listed;
    const target = sessions.find((s) => !s.current)!;
    expect((await call(`/v1/auth/sessions/${target.id}`, { method: 'DELETE', cookie })).status).toBe(204);
    await expectError(await call('/v1/auth/session', { cookie: other }), 401, 'unauthorized');
    expect((await call('/v1/auth/session', { cookie })).status).toBe(200);
    await expectError(await call(`/v1/auth/sessions/${target.id}`, { method: 'DELETE', cookie }), 404, 'not_found');
  });

  it("cannot see or revoke another user's session (404, nothing changes)", async () => {
    const alice = await registerUser();
    const bob = await registerUser();
    const { sessions } = (await (await call('/v1/auth/sessions', { cookie: bob.cookie })).json()) as Listed;
    await expectError(await call(`/v1/auth/sessions/${sessions[0]!.id}`, { method: 'DELETE', cookie: alice.cookie }), 404, 'not_found');
    await expectError(await call('/v1/auth/sessions/not-a-uuid', { method: 'DELETE', cookie: alice.cookie }), 404, 'not_found');
    expect((await call('/v1/auth/session', { cookie: bob.cookie })).status).toBe(200);
  });

  it('revoke-others ends every other session at once and keeps the current one', async () => {
    const { email, cookie } = await registerUser();
    const others = [sessionCookie(await loginUser(email)), sessionCookie(await loginUser(email))];
    for (const c of others) expect((await call('/v1/auth/session', { cookie: c })).status).toBe(200); // warm
    expect((await call('/v1/auth/sessions/revoke-others', { method: 'POST', cookie })).status).toBe(204);
    for (const c of others) await expectError(await call('/v1/auth/session', { cookie: c }), 401, 'unauthorized');
    const { sessions } = (await (await call('/v1/auth/sessions', { cookie })).json()) as Listed;
    expect(sessions.map((s) => s.current)).toEqual([true]);
  });

  it('revoking the current session by id also clears its cookie', async () => {
    const { cookie } = await registerUser();
    const { sessions } = (await (await call('/v1/auth/sessions', { cookie })).json()) as Listed;
    const res = await call(`/v1/auth/sessions/${sessions[0]!.id}`, { method: 'DELETE', cookie });
    expect(res.status).toBe(204);
    expect(res.headers.getSetCookie().join()).toMatch(/Max-Age=0/);
    await expectError(await call('/v1/auth/session', { cookie }), 401, 'unauthorized');
  });
});
