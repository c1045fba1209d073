// Account pre-hijacking helpers: the attacker's side (an account registered on the victim's address, never
// verified, with every credential the attacker could add before the owner shows up) and the proof that
// none of it works after the owner's first proof of the mailbox.
import { expect } from 'vitest';
import type { Env } from '../../../src/platform/config.ts';
import { sql } from './database.ts';
import { challenge, totp } from './mfa.ts';
import { enrollPasskey, loginOptions, loginVerify, type SoftAuthenticator } from './webauthn.ts';
import { call, expectError, loginUser } from './worker.ts';

export interface Registered {
  email: string;
  password: string;
  cookie: string;
  user: { id: string };
}

export interface Attacker extends Registered {
  passkey: SoftAuthenticator;
  totpSecret: string;
  recoveryCodes: string[];
  /** A password sign-in left pending at the MFA step (finishing it needs only the attacker's TOTP). */
  mfaToken: string;
  now: () => number;
  env: Env;
}

/**
 * The attacker, signed in to an account they registered on the victim's address (`registered`, never
 * verified), enrols a passkey and TOTP (with recovery codes), keeps the session and leaves a password
 * sign-in pending at the MFA step.
 */
export async function preHijack(env: Env, now: () => number, registered: Registered): Promise<Attacker> {
  const passkey = await enrollPasskey(registered.cookie, env);
  const setup = await call('/v1/auth/mfa/totp/setup', { method: 'POST', cookie: registered.cookie, env });
  expect(setup.status).toBe(200);
  const { secret } = (await setup.json()) as { secret: string };
  const confirm = await call('/v1/auth/mfa/totp/confirm', {
    method: 'POST',
    cookie: registered.cookie,
    json: { code: await totp(secret, now(), -1) },
    env,
  });
  expect(confirm.status).toBe(200);
  const { recovery_codes } = (await confirm.json()) as { recovery_codes: string[] };
  const pending = (await (await loginUser(registered.email, registered.password, { env })).json()) as { mfa_token?: string };
  expect(pending.mfa_token).toBeTruthy();
  const [row] = await sql<{ email_verified_at: Date | null }>('select email_verified_at from $schema.users where id = $1', [
    registered.user.id,
  ]);
  expect(row!.email_verified_at).toBeNull();
  return { ...registered, passkey, totpSecret: secret, recoveryCodes: recovery_codes, mfaToken: pending.mfa_token!, now, env };
}

/** Rows of the attacker's credentials still stored for the account. */
export async function priorCredentialRows(userId: string) {
  const [row] = await sql<Record<string, number>>(
    `select (select count(*) from $schema.passkeys where user_id = $1)::int as passkeys,
            (select count(*) from $schema.totp_credentials where user_id = $1)::int as totp,
            (select count(*) from $schema.recovery_codes where user_id = $1)::int as recovery_codes,
            (select count(*) from $schema.identities where user_id = $1)::int as identities,
            (select count(*) from $schema.mfa_challenges where user_id = $1)::int as mfa_challenges`,
    [userId],
  );
  return row!;
}

/**
 * None of the attacker's credentials works any more: the session, the password, the passkey, TOTP and
 * recovery codes (the pending MFA sign-in they would finish is gone, and so are their rows), and the audit
 * says which proof of the mailbox ended them.
 */
export async function expectAttackerLockedOut(attacker: Attacker, via: string) {
  const { env } = attacker;
  await expectError(await call('/v1/auth/session', { cookie: attacker.cookie, env }), 401, 'unauthorized');
  await expectError(await loginUser(attacker.email, attacker.password, { env }), 401, 'invalid_credentials');
  await expectError(await loginVerify(await attacker.passkey.assert(await loginOptions({}, { env })), { env }), 400, 'passkey_rejected');
  await expectError(
    await challenge({ mfa_token: attacker.mfaToken, code: await totp(attacker.totpSecret, attacker.now()) }, { env }),
    401,
    'invalid_mfa_token',
  );
  await expectError(
    await challenge({ mfa_token: attacker.mfaToken, recovery_code: attacker.recoveryCodes[0]! }, { env }),
    401,
    'invalid_mfa_token',
  );
  expect(await priorCredentialRows(attacker.user.id)).toMatchObject({ passkeys: 0, totp: 0, recovery_codes: 0, mfa_challenges: 0 });
  const audit = await sql<{ metadata: { via: string } }>(
    "select metadata from $schema.audit_logs where user_id = $1 and event = 'account.prior_credentials_revoked'",
    [attacker.user.id],
  );
  expect(audit.map((a) => a.metadata)).toEqual([{ via }]);
}
