// GET /v1/auth/audit-logs: your own events; the active organization's for its owners and admins; newest
// first with a cursor that neither skips nor repeats.
import { describe, expect, it } from 'vitest';
import { call, clockedEnv, expectError, json, registerUser, sql, team } from '../support/index.ts';

interface Page {
  events: {
    id: string;
    event: string;
    user_id: string | null;
    organization_id: string | null;
    ip: string | null;
    created_at: string;
    metadata: Record<string, unknown>;
  }[];
  next_cursor: string | null;
}

const page = async (cookie: string, query = '', init = {}) => json<Page>(await call(`/v1/auth/audit-logs${query}`, { cookie, ...init }));

describe('audit-log API', () => {
  it('lists only your own events, newest first', async () => {
    const { cookie, user } = await registerUser(undefined, undefined);
    await call('/v1/auth/me', { method: 'PATCH', cookie, json: { name: 'A' }, ip: '10.9.8.7' });
    const other = await registerUser();
    await call('/v1/auth/me', { method: 'PATCH', cookie: other.cookie, json: { name: 'B' } });
    const { events, next_cursor } = await page(cookie);
    expect(events.map((e) => e.event)).toEqual(['user.profile_updated', 'user.registered']);
    expect(events.every((e) => e.user_id === user.id)).toBe(true);
    expect(events[0]!.ip).toBe('10.9.8.7');
    expect(next_cursor).toBeNull();
  });

  it('pages through with the cursor: every event once, in order, even with equal timestamps', async () => {
    const { env, clock } = clockedEnv(Date.parse('2030-01-01T00:00:00Z'));
    const { cookie, user } = await registerUser(undefined, undefined, env);
    for (let i = 0; i < 6; i++) {
      if (i % 2 === 0) clock.advance(1000); // pairs of events share a timestamp
      await call('/v1/auth/me', { method: 'PATCH', cookie, json: { name: `n${i}` }, env });
    }
    const seen: string[] = [];
    let cursor: string | null = '';
    let pages = 0;
    while (cursor !== null) {
      const p: Page = await page(cookie, `?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { env });
      expect(p.events.length).toBeLessThanOrEqual(2);
      seen.push(...p.events.map((e) => e.id));
      cursor = p.next_cursor;
      pages++;
    }
    const all = await sql<{ id: string }>('select id::text from $schema.audit_logs where user_id = $1 order by created_at desc, id desc', [
      user.id,
    ]);
    expect(seen).toEqual(all.map((r) => r.id));
    expect(pages).toBe(4);
  });

  it('org scope: owners and admins see the organization’s events; members get 403', async () => {
    const { org, owner, admin, member } = await team();
    await json(await call(`/v1/auth/organizations/${org.id}/switch`, { method: 'POST', cookie: admin.cookie }));
    await json(await call(`/v1/auth/organizations/${org.id}/switch`, { method: 'POST', cookie: member.cookie }));
    for (const who of [owner, admin]) {
      const { events } = await page(who.cookie, '?scope=organization&limit=100');
      expect(events.length).toBeGreaterThan(0);
      expect(events.every((e) => e.organization_id === org.id)).toBe(true);
      expect(events.map((e) => e.event)).toEqual(
        expect.arrayContaining(['organization.created', 'organization.member_invited', 'organization.invitation_accepted']),
      );
      // Events of other members of the organization are included.
      expect(new Set(events.map((e) => e.user_id))).toEqual(new Set([owner.user.id, admin.user.id, member.user.id]));
    }
    await expectError(await call('/v1/auth/audit-logs?scope=organization', { cookie: member.cookie }), 403, 'forbidden');
  });

  it('validates the query', async () => {
    const { cookie } = await registerUser();
    for (const q of ['?limit=0', '?limit=101', '?limit=abc', '?cursor=not-a-cursor', '?scope=everyone', '?foo=bar']) {
      await expectError(await call(`/v1/auth/audit-logs${q}`, { cookie }), 400, 'invalid_request');
    }
    await expectError(await call('/v1/auth/audit-logs'), 401, 'unauthorized');
  });
});
