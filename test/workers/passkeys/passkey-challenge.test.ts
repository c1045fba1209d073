// Security requirement 21: WebAuthn challenges are server-stored, single use (a replayed response is refused,
// also when replays race) and expire after 5 minutes (injected clock).
import { describe, expect, it } from 'vitest';
import {
  clockedEnv,
  enrollPasskey,
  expectError,
  loginOptions,
  loginVerify,
  registerUser,
  registrationOptions,
  registrationVerify,
  SoftAuthenticator,
  sql,
} from '../support/index.ts';

describe('passkey challenges', () => {
  it('an assertion replayed verbatim is refused (its challenge was consumed)', async () => {
    const { cookie } = await registerUser();
    const auth = await enrollPasskey(cookie);
    const assertion = await auth.assert(await loginOptions());
    const first = await loginVerify(assertion);
    expect(first.status).toBe(200);
    const replay = await loginVerify(assertion);
    expect(replay.headers.getSetCookie()).toEqual([]);
    await expectError(replay, 400, 'passkey_rejected');
  });

  it('16 concurrent submissions of one assertion: exactly one session', async () => {
    const { cookie } = await registerUser();
    const auth = await enrollPasskey(cookie);
    const assertion = await auth.assert(await loginOptions());
    const results = await Promise.all(Array.from({ length: 16 }, () => loginVerify(assertion)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 400)).toHaveLength(15);
  });

  it('a challenge the server never issued is refused', async () => {
    const { cookie } = await registerUser();
    const auth = await enrollPasskey(cookie);
    const made_up = await auth.assert({ challenge: 'c3R1ZmYtdGhlLWNsaWVudC1tYWRlLXVw', rpId: 'localhost' });
    await expectError(await loginVerify(made_up), 400, 'passkey_rejected');
  });

  it('a sign-in challenge expires after 5 minutes', async () => {
    const { env, clock } = clockedEnv();
    const { cookie } = await registerUser(undefined, undefined, env);
    const auth = await enrollPasskey(cookie, env);
    const options = await loginOptions({}, { env });
    const fresh = await loginOptions({}, { env });
    clock.advance(5 * 60_000 - 1000);
    expect((await loginVerify(await auth.assert(fresh), { env })).status).toBe(200);
    clock.advance(1000);
    await expectError(await loginVerify(await auth.assert(options), { env }), 400, 'passkey_rejected');
  });

  it('a registration challenge is single use, expires, and belongs to the user it was issued to', async () => {
    const { env, clock } = clockedEnv();
    const a = await registerUser(undefined, undefined, env);
    const b = await registerUser(undefined, undefined, env);
    const options = await registrationOptions(a.cookie, { env });
    const attestation = await (await SoftAuthenticator.create()).attest(options);
    // B cannot complete A's ceremony (and trying consumes it).
    await expectError(await registrationVerify(b.cookie, attestation, { env }), 400, 'passkey_rejected');
    await expectError(await registrationVerify(a.cookie, attestation, { env }), 400, 'passkey_rejected');

    const once = await (await SoftAuthenticator.create()).attest(await registrationOptions(a.cookie, { env }));
    expect((await registrationVerify(a.cookie, once, { env })).status).toBe(201);
    await expectError(await registrationVerify(a.cookie, once, { env }), 400, 'passkey_rejected');

    const late = await (await SoftAuthenticator.create()).attest(await registrationOptions(a.cookie, { env }));
    clock.advance(5 * 60_000);
    await expectError(await registrationVerify(a.cookie, late, { env }), 400, 'passkey_rejected');
    expect(await sql('select 1 from $schema.passkeys where user_id = $1', [a.user.id])).toHaveLength(1);
  });

  it('challenges are stored only as SHA-256', async () => {
    const options = await loginOptions();
    const rows = await sql<{ challenge_hash: string }>('select challenge_hash from $schema.webauthn_challenges');
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(options.challenge);
  });
});
