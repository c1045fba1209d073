// GET/PATCH /v1/auth/me: profile fields, validation, and the cached session records refreshed on change.
import { describe, expect, it } from 'vitest';
import { call, expectError, json, loginUser, me, registerUser, sessionCookie, sql } from '../support/index.ts';

describe('profile', () => {
  it('GET /v1/auth/me shows the user with profile fields and avatar_url', async () => {
    const { cookie, user, email } = await registerUser();
    expect(await me(cookie)).toEqual({
      id: user.id,
      email,
      name: null,
      email_verified: false,
      locale: null,
      time_zone: null,
      avatar_url: null,
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
    await expectError(await call('/v1/auth/me'), 401, 'unauthorized');
  });

  it('PATCH updates name, locale and time zone (canonicalised), clears with null, and audits the field names only', async () => {
    const { cookie, user } = await registerUser();
    const { user: updated } = await json<{ user: Record<string, unknown> }>(
      await call('/v1/auth/me', { method: 'PATCH', cookie, json: { name: '  Ada Lovelace ', locale: 'en-gb', time_zone: 'Europe/Paris' } }),
    );
    expect(updated).toMatchObject({ name: 'Ada Lovelace', locale: 'en-GB', time_zone: 'Europe/Paris' });
    expect(await me(cookie)).toMatchObject({ name: 'Ada Lovelace', locale: 'en-GB', time_zone: 'Europe/Paris' });
    await json(await call('/v1/auth/me', { method: 'PATCH', cookie, json: { name: null, locale: null } }));
    expect(await me(cookie)).toMatchObject({ name: null, locale: null, time_zone: 'Europe/Paris' });
    const events = await sql<{ metadata: { fields: string[] } }>(
      "select metadata from $schema.audit_logs where user_id = $1 and event = 'user.profile_updated' order by id",
      [user.id],
    );
    expect(events.map((e) => e.metadata.fields)).toEqual([
      ['name', 'locale', 'time_zone'],
      ['name', 'locale'],
    ]);
    expect(JSON.stringify(events)).not.toContain('Ada');
  });

  it('refuses invalid values and unknown fields', async () => {
    const { cookie } = await registerUser();
    for (const body of [
      { time_zone: 'Mars/Olympus_Mons' },
      { locale: 'not a locale!' },
      { name: '' },
      { name: 'x'.repeat(201) },
      { avatar_url: 'https://evil' },
      { email_verified: true },
    ]) {
      await expectError(await call('/v1/auth/me', { method: 'PATCH', cookie, json: body }), 400, 'invalid_request');
    }
  });

  it('a name change shows at once in every session, even with their cached records warm', async () => {
    const { cookie, email } = await registerUser();
    const other = sessionCookie(await loginUser(email));
    for (const c of [cookie, other])
      expect((await json<{ user: { name: null } }>(await call('/v1/auth/session', { cookie: c }))).user.name).toBeNull();
    await json(await call('/v1/auth/me', { method: 'PATCH', cookie, json: { name: 'Grace' } }));
    for (const c of [cookie, other])
      expect((await json<{ user: { name: string } }>(await call('/v1/auth/session', { cookie: c }))).user.name).toBe('Grace');
  });
});
