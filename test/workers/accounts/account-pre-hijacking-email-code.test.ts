// Account pre-hijacking, email code: an attacker registered the victim's address (never verified), set a
// password, enrolled a passkey and TOTP and kept the session. The owner's first email-code sign-in proves
// the mailbox: everything set up before it ends — password included (the attacker chose it) — in the same
// batch that verifies the address, and before the MFA decision, so the attacker's TOTP cannot lock the
// owner out. A later password change says password_not_set (the owner sets one with a reset).
import { describe, expect, it } from 'vitest';
import { codeIn, expectAttackerLockedOut, expectError, flowEnv, preHijack, sessionCookie, sql, uniqueEmail } from '../support/index.ts';

describe('account pre-hijacking: email code', () => {
  it("the owner's email-code sign-in ends the attacker's passkey, TOTP, session and password", async () => {
    const flow = flowEnv();
    const attacker = await preHijack(flow.env, () => flow.clock.now().getTime(), await flow.register(uniqueEmail('victim')));

    await flow.call('/v1/auth/email-otp/request', { method: 'POST', json: { email: attacker.email } });
    await flow.settle();
    const res = await flow.call('/v1/auth/email-otp/verify', {
      method: 'POST',
      json: { email: attacker.email, code: codeIn(attacker.email) },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { user?: { email_verified: boolean }; mfa_required?: boolean };
    expect(body.mfa_required).toBeUndefined();
    expect(body.user!.email_verified).toBe(true);
    const owner = sessionCookie(res);

    await expectAttackerLockedOut(attacker, 'email_otp');
    const [row] = await sql<{ password_hash: string | null }>('select password_hash from $schema.users where id = $1', [attacker.user.id]);
    expect(row!.password_hash).toBeNull();
    // The owner's own session lives on; there is no password to change until a reset sets one.
    expect((await flow.call('/v1/auth/session', { cookie: owner })).status).toBe(200);
    const change = await flow.call('/v1/auth/password/change', {
      method: 'POST',
      cookie: owner,
      json: { current_password: attacker.password, new_password: 'a brand new passphrase' },
    });
    await expectError(change, 409, 'password_not_set');
  });
});
