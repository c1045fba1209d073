// An account with MFA signing in through a provider gets the MFA challenge, not a session: the callback
// redirects with the mfa_token in the fragment (never sent to a server) and sets no session cookie.
import { describe, expect, it } from 'vitest';
import { call, callback, landing, oauthEnv, startFlow, totp, uniqueEmail } from '../support/index.ts';

describe('OAuth sign-in with MFA on', () => {
  it('ends in the MFA challenge (token in the fragment, no cookie); the challenge completes the sign-in', async () => {
    const { env, google, clock } = oauthEnv();
    const profile = { sub: `g-${crypto.randomUUID()}`, email: uniqueEmail('oauth-mfa'), email_verified: true };
    const first = await startFlow('google', { env });
    const cookie = landing(await callback('google', google.authorize(first.location, profile), { env, cookie: first.flowCookie })).session!;
    expect(cookie).toBeTruthy();
    const setup = (await (await call('/v1/auth/mfa/totp/setup', { method: 'POST', cookie, env })).json()) as { secret: string };
    const confirm = await call('/v1/auth/mfa/totp/confirm', {
      method: 'POST',
      cookie,
      env,
      json: { code: await totp(setup.secret, clock.now().getTime(), -1) },
    });
    expect(confirm.status).toBe(200);

    const again = await startFlow('google', { env });
    const res = await callback('google', google.authorize(again.location, profile), { env, cookie: again.flowCookie });
    const { url, session, error } = landing(res);
    expect(error).toBeNull();
    expect(session).toBeNull();
    expect(url.search).toBe('');
    const mfaToken = new URLSearchParams(url.hash.slice(1)).get('mfa_token');
    expect(mfaToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const done = await call('/v1/auth/mfa/challenge', {
      method: 'POST',
      env,
      json: { mfa_token: mfaToken, code: await totp(setup.secret, clock.now().getTime()) },
    });
    expect(done.status).toBe(200);
    expect(done.headers.getSetCookie().join()).toMatch(/identsphere_session=/);
  });
});
