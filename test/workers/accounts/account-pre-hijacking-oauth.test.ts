// Account pre-hijacking, OAuth: an attacker registered the victim's address (never verified), enrolled a
// passkey and TOTP, linked an identity of their own and kept the session. The owner then signs in with a
// provider that asserts the address verified: that is the first proof of the mailbox, so the identity is
// linked and everything set up before it ends (password and the attacker's identity included), atomically
// with the verification.
import { describe, expect, it } from 'vitest';
import {
  call,
  callback,
  cookies,
  expectAttackerLockedOut,
  landing,
  oauthEnv,
  preHijack,
  priorCredentialRows,
  registerUser,
  sql,
  startFlow,
} from '../support/index.ts';

describe('account pre-hijacking: OAuth with a verified email', () => {
  it("the owner's provider sign-in ends the attacker's passkey, TOTP, identity, session and password", async () => {
    const { env, clock, google, github } = oauthEnv();
    const attacker = await preHijack(env, () => clock.now().getTime(), await registerUser(undefined, undefined, env));
    // The attacker links a GitHub identity of their own while signed in.
    const linking = await startFlow('github', { env, cookie: attacker.cookie });
    const back = github.authorize(linking.location, {
      id: Math.floor(Math.random() * 1e9),
      login: 'squatter',
      emails: [{ email: 'squatter@evil.example', primary: true, verified: true }],
    });
    expect(landing(await callback('github', back, { env, cookie: cookies(linking.flowCookie, attacker.cookie) }))).toMatchObject({
      error: null,
    });
    expect(await priorCredentialRows(attacker.user.id)).toMatchObject({ identities: 1, passkeys: 1, totp: 1 });

    const flow = await startFlow('google', { env });
    const sub = `g-${crypto.randomUUID()}`;
    const res = await callback('google', google.authorize(flow.location, { sub, email: attacker.email, email_verified: true }), {
      env,
      cookie: flow.flowCookie,
    });
    const owner = landing(res);
    expect(owner).toMatchObject({ error: null });
    expect(owner.session).toBeTruthy();

    await expectAttackerLockedOut(attacker, 'oauth');
    const identities = await sql<{ provider: string; subject: string }>(
      'select provider, subject from $schema.identities where user_id = $1',
      [attacker.user.id],
    );
    expect(identities).toEqual([{ provider: 'google', subject: sub }]);
    const session = await call('/v1/auth/session', { env, cookie: owner.session! });
    expect(await session.json()).toMatchObject({ user: { id: attacker.user.id, email_verified: true } });
  });
});
