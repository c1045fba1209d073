// Account pre-hijacking, password reset: an attacker registered the victim's address (never verified),
// enrolled a passkey and TOTP and kept the session. The owner's password reset is the first proof of the
// mailbox: it ends everything set up before it — not only the old password and sessions, but the passkey,
// TOTP, recovery codes and pending MFA sign-ins too — and verifies the address. On an account whose address
// was already verified, a reset keeps the passkeys (the owner set them up).
import { describe, expect, it } from 'vitest';
import {
  enrollPasskey,
  expectAttackerLockedOut,
  expectError,
  type Flow,
  flowEnv,
  loginOptions,
  loginVerify,
  preHijack,
  sql,
  tokenIn,
  uniqueEmail,
} from '../support/index.ts';

const OWNER_PASSWORD = 'the real owner of this mailbox';

async function reset(flow: Flow, email: string) {
  await flow.call('/v1/auth/password/forgot', { method: 'POST', json: { email } });
  await flow.settle();
  const res = await flow.call('/v1/auth/password/reset', {
    method: 'POST',
    json: { token: tokenIn(email, 'password_reset'), password: OWNER_PASSWORD },
  });
  expect(res.status).toBe(204);
}

describe('account pre-hijacking: password reset', () => {
  it("the owner's reset ends the attacker's passkey, TOTP, session and password", async () => {
    const flow = flowEnv();
    const attacker = await preHijack(flow.env, () => flow.clock.now().getTime(), await flow.register(uniqueEmail('victim')));
    await reset(flow, attacker.email);

    await expectAttackerLockedOut(attacker, 'password_reset');
    // The owner signs straight in with the new password: no second factor of the attacker's stands in the way.
    const res = await flow.login(attacker.email, OWNER_PASSWORD);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ user: { email: attacker.email, email_verified: true } });
  });

  it('on an already verified address, a reset keeps the passkeys', async () => {
    const flow = flowEnv();
    const owner = await flow.register(uniqueEmail('owner'));
    await sql('update $schema.users set email_verified_at = now() where id = $1', [owner.user.id]);
    const passkey = await enrollPasskey(owner.cookie, flow.env);
    await reset(flow, owner.email);
    // Sessions end with any reset; the passkey does not.
    await expectError(await flow.call('/v1/auth/session', { cookie: owner.cookie }), 401, 'unauthorized');
    expect((await loginVerify(await passkey.assert(await loginOptions({}, { env: flow.env })), { env: flow.env })).status).toBe(200);
    expect(
      await sql("select 1 from $schema.audit_logs where user_id = $1 and event = 'account.prior_credentials_revoked'", [owner.user.id]),
    ).toHaveLength(0);
  });
});
