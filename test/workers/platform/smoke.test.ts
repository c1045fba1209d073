// The production checklist's smoke test, as curl runs it: JSON register, cookie-only session check,
// bodiless logout without Origin, then the replayed cookie is refused.
import { describe, expect, it } from 'vitest';
import { call, expectError, sessionCookie, sql, uniqueEmail } from '../support/index.ts';

describe('smoke test (register → session → logout → session 401)', () => {
  it('passes end to end', async () => {
    const email = uniqueEmail('smoke');
    const reg = await call('/v1/auth/register', {
      method: 'POST',
      json: { email, password: 'smoke-test-password', organization_name: 'Smoke' },
    });
    expect(reg.status).toBe(201);
    const body = (await reg.json()) as {
      user: { id: string; email: string };
      organization: { name: string; role: string };
      session: { id: string };
    };
    expect(body.user.email).toBe(email);
    expect(body.organization).toMatchObject({ name: 'Smoke', role: 'owner' });
    expect(body.session.id).toMatch(/^[0-9a-f-]{36}$/);
    const setCookie = reg.headers.getSetCookie().join('\n');
    expect(setCookie).toMatch(/identsphere_session=/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Path=\//);
    const cookie = sessionCookie(reg);

    const session = await call('/v1/auth/session', { cookie });
    expect(session.status).toBe(200);
    const sessionBody = (await session.json()) as { user: { email: string }; organization: { name: string } };
    expect(sessionBody.user.email).toBe(email);
    expect(sessionBody.organization.name).toBe('Smoke');

    const logout = await call('/v1/auth/logout', { method: 'POST', cookie });
    expect(logout.status).toBe(204);
    expect(logout.headers.getSetCookie().join('\n')).toMatch(/identsphere_session=;.*Max-Age=0/);

    await expectError(await call('/v1/auth/session', { cookie }), 401, 'unauthorized');
    const rows = await sql<{ n: string }>(
      'select count(*) as n from $schema.sessions s join $schema.users u on u.id = s.user_id where u.email = $1',
      [email],
    );
    expect(Number(rows[0]!.n)).toBe(0);
  });

  it('stores the user, organization, owner membership and audit event', async () => {
    const email = uniqueEmail('rows');
    const reg = await call('/v1/auth/register', { method: 'POST', json: { email, password: 'smoke-test-password', name: 'Ada' } });
    expect(reg.status).toBe(201);
    const [user] = await sql<{ id: string; name: string; password_hash: string }>('select * from $schema.users where email = $1', [email]);
    expect(user!.name).toBe('Ada');
    expect(user!.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    const memberships = await sql<{ role: string; name: string }>(
      'select m.role, o.name from $schema.memberships m join $schema.organizations o on o.id = m.organization_id where m.user_id = $1',
      [user!.id],
    );
    expect(memberships).toEqual([{ role: 'owner', name: 'Personal' }]);
    const audit = await sql<{ event: string; request_id: string }>('select event, request_id from $schema.audit_logs where user_id = $1', [
      user!.id,
    ]);
    expect(audit.map((a) => a.event)).toEqual(['user.registered']);
    expect(audit[0]!.request_id).toBe(reg.headers.get('x-request-id'));
  });

  it('refuses a taken email with 409 email_taken', async () => {
    const email = uniqueEmail('taken');
    expect((await call('/v1/auth/register', { method: 'POST', json: { email, password: 'password-one' } })).status).toBe(201);
    const again = await call('/v1/auth/register', {
      method: 'POST',
      json: { email: ` ${email.toUpperCase()} `, password: 'password-two' },
    });
    await expectError(again, 409, 'email_taken');
  });

  it('logout without a session is a harmless 204', async () => {
    expect((await call('/v1/auth/logout', { method: 'POST' })).status).toBe(204);
  });
});
