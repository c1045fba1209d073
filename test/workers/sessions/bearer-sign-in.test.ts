// Native apps: every sign-in sent with `IdentSphere-Session-Transport: bearer` answers `session_token` in the
// body next to `{user, organization, session}` and sets no cookie at all (no session cookie, no device
// cookie). A pending MFA sign-in carries no session; the MFA challenge sent with the header returns the token.
import { describe, expect, it } from 'vitest';
import {
  BEARER_TRANSPORT,
  bearer,
  bearerSignedIn,
  call,
  challenge,
  codeIn,
  createOrganization,
  enrollPasskey,
  flowEnv,
  loginOptions,
  loginUser,
  loginVerify,
  registerBearerUser,
  registerUser,
  sessionCookie,
  tokenFromMail,
  totp,
  uniqueEmail,
  userWithTotp,
} from '../support/index.ts';

async function currentSessionId(token: string): Promise<string> {
  const res = await call('/v1/auth/session', bearer(token));
  expect(res.status).toBe(200);
  return ((await res.json()) as { session: { id: string } }).session.id;
}

describe('bearer sign-in', () => {
  it('register and password login: session_token, no Set-Cookie; the token is the session the body describes', async () => {
    const { email, token, user } = await registerBearerUser();
    const res = await loginUser(email, undefined, { headers: BEARER_TRANSPORT });
    const body = await bearerSignedIn(res);
    expect(body.user.id).toBe(user.id);
    expect(body.session_token).not.toBe(token);
    expect(await currentSessionId(body.session_token)).toBe(body.session.id);
  });

  it('without the header (or with `cookie`), the same sign-in sets the cookie and has no session_token', async () => {
    const { email } = await registerUser();
    for (const headers of [{}, { 'IdentSphere-Session-Transport': 'cookie' }] as Record<string, string>[]) {
      const res = await loginUser(email, undefined, { headers });
      expect(res.status).toBe(200);
      expect(sessionCookie(res)).toMatch(/identsphere_session=/);
      expect(await res.json()).not.toHaveProperty('session_token');
    }
  });

  it('the header is case-insensitive in its value', async () => {
    const { email } = await registerUser();
    await bearerSignedIn(await loginUser(email, undefined, { headers: { 'IdentSphere-Session-Transport': 'Bearer' } }));
  });

  it('email code: session_token, no Set-Cookie', async () => {
    const flow = flowEnv();
    const { email, user } = await flow.register();
    expect((await flow.call('/v1/auth/email-otp/request', { method: 'POST', json: { email } })).status).toBe(202);
    await flow.settle();
    const res = await flow.call('/v1/auth/email-otp/verify', {
      method: 'POST',
      json: { email, code: codeIn(email) },
      headers: BEARER_TRANSPORT,
    });
    const body = await bearerSignedIn(res);
    expect(body.user.id).toBe(user.id);
    expect((await flow.call('/v1/auth/session', bearer(body.session_token))).status).toBe(200);
  });

  it('MFA: the first factor answers mfa_required with no session and no cookie; the bearer challenge returns session_token', async () => {
    const u = await userWithTotp();
    const first = await loginUser(u.email, undefined, { headers: BEARER_TRANSPORT });
    expect(first.status).toBe(200);
    expect(first.headers.getSetCookie()).toEqual([]);
    const pending = (await first.json()) as Record<string, unknown>;
    expect(pending).toMatchObject({ mfa_required: true });
    expect(pending).not.toHaveProperty('session_token');
    const res = await challenge({ mfa_token: pending.mfa_token as string, code: await totp(u.secret) }, { headers: BEARER_TRANSPORT });
    const body = await bearerSignedIn(res);
    expect(body.user.id).toBe(u.user.id);
    expect(await currentSessionId(body.session_token)).toBe(body.session.id);
  });

  it('passkey: session_token, no Set-Cookie', async () => {
    const { cookie, user } = await registerUser();
    const auth = await enrollPasskey(cookie);
    const res = await loginVerify(await auth.assert(await loginOptions()), { headers: BEARER_TRANSPORT });
    const body = await bearerSignedIn(res);
    expect(body.user.id).toBe(user.id);
    expect((await call('/v1/auth/session', bearer(body.session_token))).status).toBe(200);
  });

  it('invitation sign-up: session_token, no Set-Cookie, scoped to the invited organization', async () => {
    const owner = await registerUser();
    const org = await createOrganization(owner.cookie, 'Native');
    const email = uniqueEmail('native');
    const invited = await call(`/v1/auth/organizations/${org.id}/invitations`, {
      method: 'POST',
      cookie: owner.cookie,
      json: { email, role: 'member' },
    });
    expect(invited.status).toBe(201);
    const token = tokenFromMail(email, 'organization_invitation');
    const res = await call('/v1/auth/invitations/register', {
      method: 'POST',
      json: { token, password: 'a brand new password' },
      headers: BEARER_TRANSPORT,
    });
    const body = await bearerSignedIn<{ organization: { id: string } }>(res, 201);
    expect(body.organization.id).toBe(org.id);
    const session = await call('/v1/auth/session', bearer(body.session_token));
    expect(((await session.json()) as { organization: { id: string } }).organization.id).toBe(org.id);
  });
});
