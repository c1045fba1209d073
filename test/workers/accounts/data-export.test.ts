// Right of access: GET /v1/auth/me/export is a JSON download of everything stored about the user — and never
// a secret, hash or token (checked against every such value the database holds for the user).
import { describe, expect, it } from 'vitest';
import { png } from '../../fixtures/images.ts';
import {
  call,
  createOrganization,
  json,
  loginUser,
  PASSWORD,
  putAvatar,
  registerUser,
  sessionCookie,
  sql,
  totp,
  uniqueEmail,
} from '../support/index.ts';

describe('data export', () => {
  it('is a JSON attachment with profile, verification state, organizations and roles, sessions, audit events and other records', async () => {
    const { cookie, user, email } = await registerUser();
    await json(await call('/v1/auth/me', { method: 'PATCH', cookie, json: { name: 'Export Me', time_zone: 'Asia/Tokyo' } }));
    const { avatar_url } = await json<{ avatar_url: string }>(await putAvatar(cookie, await png(8, 8)));
    await createOrganization(cookie, 'Second org');
    await json(
      await call(`/v1/auth/organizations/${(await createOrganization(cookie, 'Third')).id}/invitations`, {
        method: 'POST',
        cookie,
        json: { email: uniqueEmail() },
      }),
      201,
    );
    await loginUser(email, PASSWORD, { headers: { 'user-agent': 'ExportPhone/1.0' } });

    const res = await call('/v1/auth/me/export', { cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="identsphere-export-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const data = await res.json<Record<string, any>>();
    expect(data.account).toMatchObject({ id: user.id, email, name: 'Export Me', email_verified_at: null });
    expect(data.account.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(data.profile).toMatchObject({ email_verified: false, time_zone: 'Asia/Tokyo', avatar_url });
    expect(data.mfa).toEqual({ enabled: false, methods: [] });
    expect(data.organizations.map((o: { name: string; role: string }) => [o.name, o.role])).toEqual([
      ['Acme', 'owner'],
      ['Second org', 'owner'],
      ['Third', 'owner'],
    ]);
    expect(data.sessions).toHaveLength(2);
    expect(data.sessions.map((s: { user_agent: string }) => s.user_agent)).toContain('ExportPhone/1.0');
    expect(data.audit_events.map((e: { event: string }) => e.event)).toEqual(
      expect.arrayContaining(['user.registered', 'user.avatar_updated', 'organization.created', 'login.succeeded']),
    );
    // Tables found through their foreign key to users (here: invitations the user sent).
    expect(data.other_records.invitations).toHaveLength(1);
    expect(data.other_records.invitations[0]).not.toHaveProperty('token_hash');
  });

  it('contains no secret, hash or token: none of the values stored in such columns for the user appear in it', async () => {
    const { cookie, user } = await registerUser();
    const other = sessionCookie(
      await loginUser((await sql<{ email: string }>('select email from $schema.users where id = $1', [user.id]))[0]!.email),
    );
    await json(await call('/v1/auth/me', { method: 'PATCH', cookie, json: { email: uniqueEmail('next'), current_password: PASSWORD } }));
    const text = await (await call('/v1/auth/me/export', { cookie })).text();

    const secrets: string[] = [];
    const [u] = await sql<{ password_hash: string }>('select password_hash from $schema.users where id = $1', [user.id]);
    secrets.push(u!.password_hash);
    for (const s of await sql<{ token_hash: string }>('select token_hash from $schema.sessions where user_id = $1', [user.id]))
      secrets.push(s.token_hash);
    for (const t of await sql<{ token_hash: string }>('select token_hash from $schema.one_time_tokens where user_id = $1', [user.id]))
      secrets.push(t.token_hash);
    expect(secrets.length).toBeGreaterThanOrEqual(4);
    for (const secret of secrets) expect(text).not.toContain(secret);
    for (const c of [cookie, other]) expect(text).not.toContain(c.split('=')[1]!);
    expect(text).not.toMatch(/\$argon2|token_hash|password_hash|"[0-9a-f]{64}"/);
    // The pending email change is there, as data (the new address), without its token.
    const tokens = JSON.parse(text).other_records.one_time_tokens as { purpose: string }[];
    expect(tokens.find((t) => t.purpose === 'email_change')).toMatchObject({
      purpose: 'email_change',
      payload: { new_email: expect.any(String) },
    });
    expect(await sql("select 1 from $schema.audit_logs where user_id = $1 and event = 'user.data_exported'", [user.id])).toHaveLength(1);

    // With TOTP on: the flag is exported, the encrypted seed and the recovery-code hashes are not.
    const setup = await json<{ secret: string }>(await call('/v1/auth/mfa/totp/setup', { method: 'POST', cookie }));
    await json(
      await call('/v1/auth/mfa/totp/confirm', { method: 'POST', cookie, json: { code: await totp(setup.secret, Date.now(), -1) } }),
    );
    const withMfa = await (await call('/v1/auth/me/export', { cookie })).text();
    expect(JSON.parse(withMfa).mfa).toMatchObject({ enabled: true });
    expect(withMfa).not.toContain(setup.secret);
    for (const r of await sql<{ code_hash: string }>('select code_hash from $schema.recovery_codes where user_id = $1', [user.id])) {
      expect(withMfa).not.toContain(r.code_hash);
    }
    const [seed] = await sql<{ secret_encrypted: string }>('select secret_encrypted from $schema.totp_credentials where user_id = $1', [
      user.id,
    ]);
    expect(seed!.secret_encrypted.length).toBeGreaterThan(20);
    expect(withMfa).not.toContain(seed!.secret_encrypted);
  });
});
