// Account pre-hijacking, verification link: an attacker registered the victim's address (never verified),
// set a password, enrolled a passkey and TOTP and kept the session. The verification link was mailed to the
// victim; opening it without a session of the account is the owner's first proof of the mailbox, and ends
// everything set up before it (password included). The registrant opening their own link while signed in
// to the account keeps everything.
import { describe, expect, it } from 'vitest';
import {
  expectAttackerLockedOut,
  flowEnv,
  loginOptions,
  loginVerify,
  preHijack,
  priorCredentialRows,
  sql,
  tokenIn,
  uniqueEmail,
} from '../support/index.ts';

describe('account pre-hijacking: verification link', () => {
  it("opened without a session of the account, it ends the attacker's passkey, TOTP, session and password", async () => {
    const flow = flowEnv();
    const attacker = await preHijack(flow.env, () => flow.clock.now().getTime(), await flow.register(uniqueEmail('victim')));
    const res = await flow.call('/v1/auth/email/verify', { method: 'POST', json: { token: tokenIn(attacker.email, 'verify_email') } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ email_verified: true, prior_credentials_revoked: true });

    await expectAttackerLockedOut(attacker, 'verification_link');
    const [row] = await sql<{ password_hash: string | null; email_verified_at: Date | null }>(
      'select password_hash, email_verified_at from $schema.users where id = $1',
      [attacker.user.id],
    );
    expect(row!.password_hash).toBeNull();
    expect(row!.email_verified_at).not.toBeNull();
  });

  it('opened by the registrant signed in to the account, nothing ends', async () => {
    const flow = flowEnv();
    const registrant = await preHijack(flow.env, () => flow.clock.now().getTime(), await flow.register(uniqueEmail('self')));
    const res = await flow.call('/v1/auth/email/verify', {
      method: 'POST',
      cookie: registrant.cookie,
      json: { token: tokenIn(registrant.email, 'verify_email') },
    });
    expect(await res.json()).toEqual({ email_verified: true, prior_credentials_revoked: false });
    expect((await flow.call('/v1/auth/session', { cookie: registrant.cookie })).status).toBe(200);
    expect((await loginVerify(await registrant.passkey.assert(await loginOptions({}, { env: flow.env })), { env: flow.env })).status).toBe(
      200,
    );
    expect(await priorCredentialRows(registrant.user.id)).toMatchObject({ passkeys: 1, totp: 1 });
  });
});
