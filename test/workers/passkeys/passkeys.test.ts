// Passkeys with a software authenticator: registration, listing, renaming, deletion (fresh auth),
// discoverable and email-hinted sign-in, the signature counter, and passkeys alongside TOTP.
import { describe, expect, it } from 'vitest';
import {
  call,
  clockedEnv,
  enrollPasskey,
  expectError,
  loginOptions,
  loginVerify,
  PASSWORD,
  registerUser,
  registrationOptions,
  registrationVerify,
  SoftAuthenticator,
  sessionCookie,
  sql,
  userWithTotp,
} from '../support/index.ts';

describe('passkeys', () => {
  it('registers: options pin the RP and require a discoverable, user-verified credential; 201 {passkey}', async () => {
    const { cookie, email, user } = await registerUser();
    const options = await registrationOptions(cookie);
    expect(options.rp).toEqual({ id: 'localhost', name: 'IdentSphere' });
    expect(options.user.name).toBe(email);
    expect(options).toMatchObject({
      attestation: 'none',
      authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    });
    const auth = await SoftAuthenticator.create();
    const res = await registrationVerify(cookie, await auth.attest(options), { name: 'Laptop' });
    expect(res.status).toBe(201);
    const { passkey } = (await res.json()) as { passkey: { id: string; name: string } };
    expect(passkey.name).toBe('Laptop');
    const [row] = await sql<{ credential_id: string; counter: string }>(
      'select credential_id, counter from $schema.passkeys where user_id = $1',
      [user.id],
    );
    expect(row!.credential_id).toBe(auth.id);
    // The same credential cannot be registered twice.
    const again = await registrationVerify(cookie, await auth.attest(await registrationOptions(cookie)));
    await expectError(again, 400, 'passkey_rejected');
  });

  it('signs in with a discoverable credential: a new session, counter stored', async () => {
    const { cookie, email, user } = await registerUser();
    const auth = await enrollPasskey(cookie);
    const options = await loginOptions();
    expect(options).toMatchObject({ rpId: 'localhost', userVerification: 'required', allowCredentials: [] });
    const res = await loginVerify(await auth.assert(options));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { user: { email: string } };
    expect(body.user.email).toBe(email);
    const session = await call('/v1/auth/session', { cookie: sessionCookie(res) });
    expect(session.status).toBe(200);
    const [row] = await sql<{ counter: string; last_used_at: string | null }>(
      'select counter, last_used_at from $schema.passkeys where user_id = $1',
      [user.id],
    );
    expect(Number(row!.counter)).toBe(auth.counter);
    expect(row!.last_used_at).not.toBeNull();
  });

  it('email-hinted sign-in: bound to that account; the answer looks the same for unknown emails', async () => {
    const a = await registerUser();
    const b = await registerUser();
    const authA = await enrollPasskey(a.cookie);
    const hinted = await loginOptions({ email: a.email });
    const unknown = await loginOptions({ email: 'nobody-here@example.com' });
    expect(Object.keys(hinted).sort()).toEqual(Object.keys(unknown).sort());
    expect(hinted.allowCredentials).toEqual([]);
    expect((await loginVerify(await authA.assert(hinted))).status).toBe(200);
    // A challenge hinted for B does not accept A's passkey.
    await expectError(await loginVerify(await authA.assert(await loginOptions({ email: b.email }))), 400, 'passkey_rejected');
  });

  it('refuses a counter that does not move forward (cloned authenticator)', async () => {
    const { cookie, user } = await registerUser();
    const auth = await enrollPasskey(cookie);
    expect((await loginVerify(await auth.assert(await loginOptions(), { counter: 7 }))).status).toBe(200);
    await expectError(await loginVerify(await auth.assert(await loginOptions(), { counter: 7 })), 400, 'passkey_rejected');
    await expectError(await loginVerify(await auth.assert(await loginOptions(), { counter: 3 })), 400, 'passkey_rejected');
    const reasons = await sql<{ reason: string }>(
      "select metadata->>'reason' as reason from $schema.audit_logs where event = 'passkey.login_failed' and user_id = $1",
      [user.id],
    );
    expect(reasons.map((r) => r.reason)).toEqual(['counter_regression', 'counter_regression']);
    const [row] = await sql<{ counter: string }>('select counter from $schema.passkeys where user_id = $1', [user.id]);
    expect(Number(row!.counter)).toBe(7);
    expect((await loginVerify(await auth.assert(await loginOptions(), { counter: 8 }))).status).toBe(200);
  });

  it('refuses an assertion signed by another key for a known credential id', async () => {
    const { cookie } = await registerUser();
    const auth = await enrollPasskey(cookie);
    const forger = await SoftAuthenticator.create();
    const forged = await forger.assert(await loginOptions());
    const tampered = { ...forged, id: auth.id, rawId: auth.id };
    await expectError(await loginVerify(tampered), 400, 'passkey_rejected');
  });

  it('lists, renames and deletes (delete needs fresh auth); other users cannot touch them', async () => {
    const { env, clock } = clockedEnv();
    const u = await registerUser(undefined, undefined, env);
    await enrollPasskey(u.cookie, env);
    const list = (await (await call('/v1/auth/passkeys', { cookie: u.cookie, env })).json()) as {
      passkeys: { id: string; name: string }[];
    };
    expect(list.passkeys).toHaveLength(1);
    const id = list.passkeys[0]!.id;
    const renamed = await call(`/v1/auth/passkeys/${id}`, { method: 'PATCH', cookie: u.cookie, json: { name: 'Phone' }, env });
    expect(((await renamed.json()) as { passkey: { name: string } }).passkey.name).toBe('Phone');

    const other = await registerUser(undefined, undefined, env);
    await expectError(
      await call(`/v1/auth/passkeys/${id}`, { method: 'PATCH', cookie: other.cookie, json: { name: 'x' }, env }),
      404,
      'not_found',
    );
    await expectError(await call(`/v1/auth/passkeys/${id}`, { method: 'DELETE', cookie: other.cookie, env }), 404, 'not_found');

    clock.advance(10 * 60_000);
    await expectError(await call(`/v1/auth/passkeys/${id}`, { method: 'DELETE', cookie: u.cookie, env }), 403, 'reauthentication_required');
    // Registering another passkey from an old session needs the password too.
    await expectError(
      await call('/v1/auth/passkeys/register/options', { method: 'POST', cookie: u.cookie, env }),
      403,
      'reauthentication_required',
    );
    expect((await call(`/v1/auth/passkeys/${id}`, { method: 'DELETE', cookie: u.cookie, json: { password: PASSWORD }, env })).status).toBe(
      204,
    );
    expect(((await (await call('/v1/auth/passkeys', { cookie: u.cookie, env })).json()) as { passkeys: unknown[] }).passkeys).toEqual([]);
  });

  it('with TOTP on: methods list passkey, and a passkey sign-in is complete on its own (multi-factor)', async () => {
    const u = await userWithTotp();
    const auth = await enrollPasskey(u.cookie);
    const login = await call('/v1/auth/login', { method: 'POST', json: { email: u.email, password: PASSWORD } });
    expect(((await login.json()) as { methods: string[] }).methods).toEqual(['totp', 'recovery_code', 'passkey']);
    const res = await loginVerify(await auth.assert(await loginOptions({ email: u.email })));
    expect(res.status).toBe(200);
    expect(sessionCookie(res)).toMatch(/identsphere_session=/);
  });

  it('needs a session for registration and management', async () => {
    await expectError(await call('/v1/auth/passkeys/register/options', { method: 'POST' }), 401, 'unauthorized');
    await expectError(await call('/v1/auth/passkeys'), 401, 'unauthorized');
  });
});
