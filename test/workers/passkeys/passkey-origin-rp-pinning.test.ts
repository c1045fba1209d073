// Security requirement 21: rpID and origin are pinned to configuration — a response made for another origin
// (phishing site) or another RP ID is refused at registration and at sign-in.
import { describe, expect, it } from 'vitest';
import {
  enrollPasskey,
  envWith,
  expectError,
  loginOptions,
  loginVerify,
  registerUser,
  registrationOptions,
  registrationVerify,
  SoftAuthenticator,
  sql,
} from '../support/index.ts';

async function failureReasons(userId: string): Promise<string[]> {
  const rows = await sql<{ reason: string }>(
    "select metadata->>'reason' as reason from $schema.audit_logs where event = 'passkey.login_failed' and user_id = $1 order by id",
    [userId],
  );
  return rows.map((r) => r.reason);
}

describe('origin and RP ID pinning', () => {
  it('sign-in: a wrong origin or a wrong RP ID is refused; the configured ones work', async () => {
    const { cookie, user } = await registerUser();
    const auth = await enrollPasskey(cookie);
    await expectError(
      await loginVerify(await auth.assert(await loginOptions(), { origin: 'https://evil.example' })),
      400,
      'passkey_rejected',
    );
    await expectError(
      await loginVerify(await auth.assert(await loginOptions(), { origin: 'http://localhost:9999' })),
      400,
      'passkey_rejected',
    );
    await expectError(await loginVerify(await auth.assert(await loginOptions(), { rpId: 'evil.example' })), 400, 'passkey_rejected');
    await expectError(await loginVerify(await auth.assert(await loginOptions(), { type: 'webauthn.create' })), 400, 'passkey_rejected');
    expect(await failureReasons(user.id)).toEqual([
      'verification_failed',
      'verification_failed',
      'verification_failed',
      'verification_failed',
    ]);
    // A CORS origin under the RP ID is an accepted ceremony origin by default (the sibling frontend).
    expect((await loginVerify(await auth.assert(await loginOptions(), { origin: 'http://app.localhost:5173' }))).status).toBe(200);
    expect((await loginVerify(await auth.assert(await loginOptions()))).status).toBe(200);
  });

  it('registration: a wrong origin or a wrong RP ID is refused and nothing is stored', async () => {
    const { cookie, user } = await registerUser();
    const auth = await SoftAuthenticator.create();
    await expectError(
      await registrationVerify(cookie, await auth.attest(await registrationOptions(cookie), { origin: 'https://evil.example' })),
      400,
      'passkey_rejected',
    );
    await expectError(
      await registrationVerify(cookie, await auth.attest(await registrationOptions(cookie), { rpId: 'evil.example' })),
      400,
      'passkey_rejected',
    );
    expect(await sql('select 1 from $schema.passkeys where user_id = $1', [user.id])).toHaveLength(0);
    expect((await registrationVerify(cookie, await auth.attest(await registrationOptions(cookie)))).status).toBe(201);
  });

  it('explicit IDENTSPHERE_RP_ID / IDENTSPHERE_RP_ORIGIN are what is accepted — nothing else', async () => {
    const env = envWith({ IDENTSPHERE_RP_ID: 'example.test', IDENTSPHERE_RP_ORIGIN: 'https://app.example.test,https://auth.example.test' });
    const { cookie } = await registerUser(undefined, undefined, env);
    const options = await registrationOptions(cookie, { env });
    expect(options.rp.id).toBe('example.test');
    const auth = await SoftAuthenticator.create();
    const res = await registrationVerify(cookie, await auth.attest(options, { origin: 'https://app.example.test' }), { env });
    expect(res.status).toBe(201);
    const login = await loginOptions({}, { env });
    expect(login.rpId).toBe('example.test');
    // The default origin (the Worker's own) is no longer accepted once origins are configured explicitly.
    await expectError(await loginVerify(await auth.assert(login, { origin: 'http://localhost:8787' }), { env }), 400, 'passkey_rejected');
    await expectError(
      await loginVerify(await auth.assert(await loginOptions({}, { env }), { origin: 'https://auth.example.test', rpId: 'localhost' }), {
        env,
      }),
      400,
      'passkey_rejected',
    );
    expect(
      (await loginVerify(await auth.assert(await loginOptions({}, { env }), { origin: 'https://auth.example.test' }), { env })).status,
    ).toBe(200);
  });
});
