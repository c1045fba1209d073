// Invitations: a single-use, expiring link (stored hashed) for one address; accepted while signed in or by
// registering; exactly one acceptance under concurrency.
import { describe, expect, it, vi } from 'vitest';
import {
  call,
  clockedEnv,
  createOrganization,
  envWith,
  expectError,
  FlakyMailer,
  json,
  lastMailTo,
  loginUser,
  registerUser,
  roleOf,
  sessionCookie,
  sql,
  tokenFromMail,
  uniqueEmail,
  withDeps,
} from '../support/index.ts';

async function invite(cookie: string, organizationId: string, email: string, role = 'member', init = {}) {
  const res = await call(`/v1/auth/organizations/${organizationId}/invitations`, {
    method: 'POST',
    cookie,
    json: { email, role },
    ...init,
  });
  return json<{ invitation: { id: string; email: string; role: string; expires_at: string } }>(res, 201);
}

const accept = (cookie: string, token: string, init = {}) =>
  call('/v1/auth/invitations/accept', { method: 'POST', cookie, json: { token }, ...init });

describe('invitations', () => {
  it('is emailed with a link built from the configured URL, stored only as a hash, and works once', async () => {
    const owner = await registerUser();
    const org = await createOrganization(owner.cookie, 'Invitees');
    const guest = await registerUser();
    const { invitation } = await invite(owner.cookie, org.id, guest.email, 'admin');
    expect(invitation).toMatchObject({ email: guest.email, role: 'admin' });
    const mail = lastMailTo(guest.email)!;
    expect(mail.tag).toBe('organization_invitation');
    expect(mail.text).toContain('http://localhost:8787/invitations/accept#token=');
    expect(mail.html).toContain('Invitees');
    const token = tokenFromMail(guest.email, 'organization_invitation');
    const [row] = await sql<{ token_hash: string }>('select token_hash from $schema.invitations where id = $1', [invitation.id]);
    expect(row!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.token_hash).not.toContain(token);

    expect(await json(await accept(guest.cookie, token))).toEqual({ organization: { id: org.id, name: 'Invitees', role: 'admin' } });
    expect(await roleOf(org.id, owner.cookie, guest.user.id)).toBe('admin');
    await expectError(await accept(guest.cookie, token), 400, 'invitation_invalid');
    expect(await sql('select 1 from $schema.invitations where id = $1', [invitation.id])).toHaveLength(0);
  });

  it('16 concurrent acceptances of one invitation: exactly one succeeds', async () => {
    const owner = await registerUser();
    const org = await createOrganization(owner.cookie);
    const guest = await registerUser();
    await invite(owner.cookie, org.id, guest.email);
    const token = tokenFromMail(guest.email, 'organization_invitation');
    const results = await Promise.all(Array.from({ length: 16 }, () => accept(guest.cookie, token)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s !== 200).every((s) => s === 400 || s === 409)).toBe(true);
    expect(
      await sql("select 1 from $schema.audit_logs where event = 'organization.invitation_accepted' and organization_id = $1", [org.id]),
    ).toHaveLength(1);
  });

  it('accepting by registering: one call creates the account (email verified), joins, signs in; the link is then dead', async () => {
    const owner = await registerUser();
    const org = await createOrganization(owner.cookie, 'Newcomers');
    const email = uniqueEmail('newcomer');
    await invite(owner.cookie, org.id, email);
    const token = tokenFromMail(email, 'organization_invitation');
    const res = await call('/v1/auth/invitations/register', {
      method: 'POST',
      json: { token, password: 'a brand new password', name: 'Newbie' },
    });
    const body = await json<{ user: { id: string; email: string; email_verified: boolean }; organization: { id: string; role: string } }>(
      res,
      201,
    );
    expect(body.user).toMatchObject({ email, email_verified: true });
    expect(body.organization).toMatchObject({ id: org.id, role: 'member' });
    const cookie = sessionCookie(res);
    expect((await json<{ organization: { id: string } }>(await call('/v1/auth/session', { cookie }))).organization.id).toBe(org.id);
    expect((await loginUser(email, 'a brand new password')).status).toBe(200);
    await expectError(
      await call('/v1/auth/invitations/register', { method: 'POST', json: { token, password: 'another password!' } }),
      400,
      'invitation_invalid',
    );
    // Only the invited organization: registering through an invitation creates no personal one.
    expect(await sql('select organization_id from $schema.memberships where user_id = $1', [body.user.id])).toEqual([
      { organization_id: org.id },
    ]);
  });

  it('registering with an invitation for an address that has an account: 409, and the invitation stays usable', async () => {
    const owner = await registerUser();
    const org = await createOrganization(owner.cookie);
    const guest = await registerUser();
    await invite(owner.cookie, org.id, guest.email);
    const token = tokenFromMail(guest.email, 'organization_invitation');
    await expectError(
      await call('/v1/auth/invitations/register', { method: 'POST', json: { token, password: 'whatever password' } }),
      409,
      'email_taken',
    );
    expect((await accept(guest.cookie, token)).status).toBe(200);
  });

  it('is bound to its address, expires after 7 days, is superseded by a re-invite and can be revoked', async () => {
    const { env, clock } = clockedEnv();
    const owner = await registerUser(undefined, undefined, env);
    const org = await createOrganization(owner.cookie);
    const guest = await registerUser(undefined, undefined, env);
    const stranger = await registerUser(undefined, undefined, env);

    await invite(owner.cookie, org.id, guest.email, 'member', { env });
    const expiring = tokenFromMail(guest.email, 'organization_invitation');
    await expectError(await accept(stranger.cookie, expiring, { env }), 403, 'invitation_email_mismatch');
    clock.advance(7 * 86400 * 1000 + 1);
    // (Sessions idle out after 7 days too: sign in again.)
    owner.cookie = sessionCookie(await loginUser(owner.email, undefined, { env }));
    guest.cookie = sessionCookie(await loginUser(guest.email, undefined, { env }));
    await expectError(await accept(guest.cookie, expiring, { env }), 400, 'invitation_invalid');

    await invite(owner.cookie, org.id, guest.email, 'member', { env });
    const older = tokenFromMail(guest.email, 'organization_invitation');
    const { invitation } = await invite(owner.cookie, org.id, guest.email, 'admin', { env });
    await expectError(await accept(guest.cookie, older, { env }), 400, 'invitation_invalid');
    const { invitations } = await json<{ invitations: { id: string }[] }>(
      await call(`/v1/auth/organizations/${org.id}/invitations`, { cookie: owner.cookie, env }),
    );
    expect(invitations.map((i) => i.id)).toEqual([invitation.id]);
    expect(
      (await call(`/v1/auth/organizations/${org.id}/invitations/${invitation.id}`, { method: 'DELETE', cookie: owner.cookie, env })).status,
    ).toBe(204);
    await expectError(
      await accept(guest.cookie, tokenFromMail(guest.email, 'organization_invitation'), { env }),
      400,
      'invitation_invalid',
    );
  });

  it('refuses to invite an existing member; an email provider failure writes nothing', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const owner = await registerUser();
    const org = await createOrganization(owner.cookie);
    await expectError(
      await call(`/v1/auth/organizations/${org.id}/invitations`, { method: 'POST', cookie: owner.cookie, json: { email: owner.email } }),
      409,
      'already_member',
    );
    const mailer = new FlakyMailer();
    const env = envWith({});
    withDeps(env, { mailer });
    mailer.failNext();
    const email = uniqueEmail('unlucky');
    await expectError(
      await call(`/v1/auth/organizations/${org.id}/invitations`, { method: 'POST', cookie: owner.cookie, json: { email }, env }),
      503,
      'service_unavailable',
    );
    expect(await sql('select 1 from $schema.invitations where email = $1', [email])).toHaveLength(0);
  });
});
