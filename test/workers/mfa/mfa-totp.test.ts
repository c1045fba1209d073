// TOTP enrollment, the MFA answer of a first factor, the challenge, disabling with fresh authentication, and
// the seed encrypted at rest under a key separate from the JWT secret.
import { describe, expect, it } from 'vitest';
import { TEST_JWT_SECRET } from '../../test-secrets.ts';
import {
  call,
  challenge,
  clockedEnv,
  envWith,
  expectError,
  hotp,
  loginUser,
  mfaToken,
  PASSWORD,
  registerUser,
  sessionCookie,
  sql,
  totp,
  userWithTotp,
} from '../support/index.ts';

describe('TOTP (RFC 6238) and the MFA challenge', () => {
  it('the test helper itself matches RFC 6238 Appendix B (SHA-1, T=59 s and T=1111111109 s)', async () => {
    const rfcKey = new TextEncoder().encode('12345678901234567890');
    expect(await hotp(rfcKey, Math.floor(59 / 30), 8)).toBe('94287082');
    expect(await hotp(rfcKey, Math.floor(1111111109 / 30), 8)).toBe('07081804');
  });

  it('setup returns a base32 secret and an otpauth URI (issuer from config, SHA1, 6 digits, 30 s)', async () => {
    const { cookie, email } = await registerUser();
    const res = await call('/v1/auth/mfa/totp/setup', { method: 'POST', cookie });
    expect(res.status).toBe(200);
    const { secret, otpauth_uri } = (await res.json()) as { secret: string; otpauth_uri: string };
    expect(secret).toMatch(/^[A-Z2-7]{32}$/); // 160 bits
    expect(otpauth_uri.startsWith(`otpauth://totp/IdentSphere:${encodeURIComponent(email)}?`)).toBe(true);
    const uri = new URL(otpauth_uri);
    expect(Object.fromEntries(uri.searchParams)).toEqual({ issuer: 'IdentSphere', algorithm: 'SHA1', secret, period: '30', digits: '6' });
  });

  it('confirm with a wrong code is refused and MFA stays off; a right code enables it with 10 recovery codes', async () => {
    const { cookie, email, user } = await registerUser();
    const { secret } = (await (await call('/v1/auth/mfa/totp/setup', { method: 'POST', cookie })).json()) as { secret: string };
    const right = await totp(secret);
    const wrong = right === '000000' ? '111111' : '000000';
    await expectError(await call('/v1/auth/mfa/totp/confirm', { method: 'POST', cookie, json: { code: wrong } }), 401, 'invalid_mfa_code');
    expect(sessionCookie(await loginUser(email))).toMatch(/identsphere_session=/);

    const res = await call('/v1/auth/mfa/totp/confirm', { method: 'POST', cookie, json: { code: right } });
    expect(res.status).toBe(200);
    const { recovery_codes } = (await res.json()) as { recovery_codes: string[] };
    expect(recovery_codes).toHaveLength(10);
    expect(new Set(recovery_codes).size).toBe(10);
    for (const code of recovery_codes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    const stored = await sql<{ code_hash: string }>('select code_hash from $schema.recovery_codes where user_id = $1', [user.id]);
    expect(stored).toHaveLength(10);
    for (const row of stored) expect(row.code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toMatch(new RegExp(recovery_codes.map((c) => c.replace('-', '-?')).join('|')));
    // Shown once: setup again is refused while enabled (disable first).
    await expectError(await call('/v1/auth/mfa/totp/setup', { method: 'POST', cookie }), 409, 'mfa_already_enabled');
  });

  it('with MFA on, password login answers {mfa_required, mfa_token, methods} without a cookie; the challenge gives a new session', async () => {
    const { email, secret, cookie: firstCookie } = await userWithTotp();
    const res = await loginUser(email);
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie()).toEqual([]);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ mfa_required: true, methods: ['totp', 'recovery_code'] });
    expect(body.mfa_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body).not.toHaveProperty('session');
    expect(body).not.toHaveProperty('user');

    const done = await challenge({ mfa_token: body.mfa_token as string, code: await totp(secret) });
    expect(done.status).toBe(200);
    const cookie = sessionCookie(done);
    expect(cookie).not.toBe(firstCookie);
    const session = (await (await call('/v1/auth/session', { cookie })).json()) as { user: { email: string } };
    expect(session.user.email).toBe(email);
    const [audit] = await sql<{ metadata: Record<string, string> }>(
      "select metadata from $schema.audit_logs where event = 'login.succeeded' and metadata->>'method' = 'mfa' and user_id = (select id from $schema.users where email = $1)",
      [email],
    );
    expect(audit!.metadata).toMatchObject({ first_factor: 'password', second_factor: 'totp' });
  });

  it('a wrong code is 401 invalid_mfa_code and sets no cookie', async () => {
    const { email, secret } = await userWithTotp();
    const token = await mfaToken(email);
    const right = await totp(secret);
    const res = await challenge({ mfa_token: token, code: right === '123456' ? '654321' : '123456' });
    expect(res.headers.getSetCookie()).toEqual([]);
    await expectError(res, 401, 'invalid_mfa_code');
    await expectError(await challenge({ mfa_token: 'not-a-token', code: right }), 401, 'invalid_mfa_token');
  });

  it('disable and regenerate need the password or a session younger than 5 minutes', async () => {
    const { env, clock } = clockedEnv();
    const u = await userWithTotp({ env, now: () => clock.now().getTime() });
    clock.advance(6 * 60 * 1000);
    await expectError(await call('/v1/auth/mfa/totp', { method: 'DELETE', cookie: u.cookie, env }), 403, 'reauthentication_required');
    await expectError(
      await call('/v1/auth/mfa/recovery-codes', { method: 'POST', cookie: u.cookie, env }),
      403,
      'reauthentication_required',
    );
    await expectError(
      await call('/v1/auth/mfa/totp', { method: 'DELETE', cookie: u.cookie, json: { password: 'wrong password!' }, env }),
      403,
      'reauthentication_required',
    );
    expect((await call('/v1/auth/mfa/totp', { method: 'DELETE', cookie: u.cookie, json: { password: PASSWORD }, env })).status).toBe(204);
    // MFA off: password login gives a session again; the seed and codes are gone.
    expect(sessionCookie(await loginUser(u.email, undefined, { env }))).toMatch(/identsphere_session=/);
    expect(await sql('select 1 from $schema.totp_credentials where user_id = $1', [u.user.id])).toHaveLength(0);
    expect(await sql('select 1 from $schema.recovery_codes where user_id = $1', [u.user.id])).toHaveLength(0);
  });

  it('a fresh session (just signed in) may disable without the password', async () => {
    const u = await userWithTotp();
    expect((await call('/v1/auth/mfa/totp', { method: 'DELETE', cookie: u.cookie })).status).toBe(204);
    await expectError(await call('/v1/auth/mfa/totp', { method: 'DELETE', cookie: u.cookie }), 409, 'mfa_not_enabled');
  });

  it('the seed is AES-GCM encrypted at rest and survives a JWT secret rotation', async () => {
    const u = await userWithTotp();
    const [row] = await sql<{ secret_encrypted: string }>('select secret_encrypted from $schema.totp_credentials where user_id = $1', [
      u.user.id,
    ]);
    expect(row!.secret_encrypted).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    expect(row!.secret_encrypted).not.toContain(u.secret);
    // Rotating the JWT secret signs everyone out — and nothing else: MFA still works with the new secret.
    const rotated = envWith({ IDENTSPHERE_JWT_SECRET: `${TEST_JWT_SECRET}-rotated` });
    const token = await mfaToken(u.email, { env: rotated });
    expect((await challenge({ mfa_token: token, code: await totp(u.secret) }, { env: rotated })).status).toBe(200);
    // A different encryption key cannot open the seed: the challenge fails closed (5xx, no session).
    const otherKey = envWith({ IDENTSPHERE_ENCRYPTION_KEY: 'ab'.repeat(32) });
    const token2 = await mfaToken(u.email, { env: otherKey });
    const res = await challenge({ mfa_token: token2, code: await totp(u.secret, Date.now(), 1) }, { env: otherKey });
    expect(res.status).toBeGreaterThanOrEqual(500);
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it('GET /v1/auth/mfa reports status and remaining recovery codes', async () => {
    const u = await userWithTotp();
    const res = await call('/v1/auth/mfa', { cookie: u.cookie });
    expect(await res.json()).toEqual({ enabled: true, methods: ['totp', 'recovery_code'], recovery_codes_remaining: 10 });
  });
});
