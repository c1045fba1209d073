// Rotation never fails a verification: a new key is published at once but signs only after the JWKS caches
// have had time to learn it; the old key stops signing then and stays published until every token it signed
// has expired. Private keys are stored sealed under IDENTSPHERE_ENCRYPTION_KEY.
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, type JSONWebKeySet, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { ACTIVATION_DELAY_MS, RETIRED_KEY_PUBLISHED_MS } from '../../../src/features/tokens/signing-key-material.ts';
import { rotateSigningKey } from '../../../src/features/tokens/signing-keys.ts';
import { fromBase64 } from '../../../src/lib/encoding.ts';
import { runScheduledMaintenance } from '../../../src/scheduled-maintenance.ts';
import { call, clockedEnv, envWith, ManualClock, registerUser, sql, withDeps } from '../support/index.ts';

const DAY = 24 * 3600_000;

describe('signing-key rotation', () => {
  it('old tokens verify throughout; the new kid signs only after activation; the old key leaves after its tokens expired', async () => {
    // Played out a year ahead: the database is shared, and other test files on the real clock must keep their
    // key (it retires only when this rotation's key activates, a year from now). A key exists before that.
    expect((await call('/.well-known/jwks.json')).status).toBe(200);
    const { env, clock, deps } = clockedEnv(Date.now() + 400 * DAY);
    const { cookie } = await registerUser(undefined, undefined, env);
    const jwks = async () => (await (await call('/.well-known/jwks.json', { env })).json()) as JSONWebKeySet;
    const kids = async () => (await jwks()).keys.map((k) => k.kid);
    const token = async () => {
      const res = await call('/v1/auth/token', { method: 'POST', cookie, env });
      expect(res.status).toBe(200);
      return ((await res.json()) as { access_token: string }).access_token;
    };
    const kidOf = (jwt: string) => decodeProtectedHeader(jwt).kid!;
    const verifiesNow = async (jwt: string) => {
      const { payload } = await jwtVerify(jwt, createLocalJWKSet(await jwks()), { algorithms: ['EdDSA'], currentDate: clock.now() });
      return payload.sub;
    };

    const before = await token();
    const oldKid = kidOf(before);
    const rotated = await rotateSigningKey(deps);
    expect(rotated.activatesAt.getTime()).toBe(clock.now().getTime() + ACTIVATION_DELAY_MS);

    // Published at once, not signing yet; tokens of the old key keep verifying.
    expect(await kids()).toEqual(expect.arrayContaining([oldKid, rotated.kid]));
    expect(kidOf(await token())).toBe(oldKid);
    expect(await verifiesNow(before)).toBeTruthy();
    clock.advance(ACTIVATION_DELAY_MS - 1000);
    const lastOld = await token();
    expect(kidOf(lastOld)).toBe(oldKid);

    // Activated: the new key signs; the old key's last token still verifies.
    clock.advance(2000);
    const after = await token();
    expect(kidOf(after)).toBe(rotated.kid);
    expect(await verifiesNow(after)).toBeTruthy();
    expect(await verifiesNow(lastOld)).toBeTruthy();

    // The old key stays published until every token it can have signed has expired, then leaves the JWKS.
    const lastOldExpiry = decodeJwt(lastOld).exp! * 1000;
    const unpublishedAt = rotated.activatesAt.getTime() + RETIRED_KEY_PUBLISHED_MS;
    expect(unpublishedAt).toBeGreaterThan(lastOldExpiry);
    clock.set(unpublishedAt - 1000);
    expect(await kids()).toContain(oldKid);
    clock.set(unpublishedAt + 1000);
    expect(await kids()).not.toContain(oldKid);
    expect(await kids()).toContain(rotated.kid);
    expect(await verifiesNow(await token())).toBeTruthy();
  });

  it('the Cron Trigger deletes keys no longer published', async () => {
    // A key retired two hours ago whose tokens have all expired (a copy of a stored key under a new kid).
    const kid = `expired-${crypto.randomUUID().slice(0, 8)}`;
    await sql(
      `insert into $schema.signing_keys (kid, algorithm, public_jwk, private_key_encrypted, created_at, activates_at, retires_at, expires_at)
       select $1, algorithm, public_jwk, private_key_encrypted, now() - interval '3 hours', now() - interval '3 hours',
              now() - interval '2 hours', now() - interval '1 minute'
         from $schema.signing_keys limit 1`,
      [kid],
    );
    const { env, deps } = clockedEnv();
    const kids = async () => ((await (await call('/.well-known/jwks.json', { env })).json()) as JSONWebKeySet).keys.map((k) => k.kid);
    expect(await kids()).not.toContain(kid);
    expect((await runScheduledMaintenance(deps)).signing_keys_pruned).toBeGreaterThanOrEqual(1);
    expect(await sql('select 1 from $schema.signing_keys where kid = $1', [kid])).toHaveLength(0);
  });

  it('private keys are stored sealed, not as a usable key', async () => {
    expect((await call('/.well-known/jwks.json')).status).toBe(200);
    const rows = await sql<{ kid: string; private_key_encrypted: string; public_jwk: Record<string, string> }>(
      'select kid, private_key_encrypted, public_jwk from $schema.signing_keys',
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(Object.keys(row.public_jwk).sort()).toEqual(['crv', 'kty', 'x']);
      const [version, iv, body] = row.private_key_encrypted.split('.');
      expect(version).toBe('v1');
      expect(iv).toMatch(/^[A-Za-z0-9_-]{16}$/);
      await expect(crypto.subtle.importKey('pkcs8', fromBase64(body!), { name: 'Ed25519' }, false, ['sign'])).rejects.toThrow();
      expect(row.private_key_encrypted).not.toContain(row.public_jwk.x!);
    }
  });
});

describe('scheduled rotation', () => {
  it('rotates once the newest key is older than IDENTSPHERE_SIGNING_KEY_ROTATION_DAYS (30 by default), never with 0', async () => {
    expect((await call('/.well-known/jwks.json')).status).toBe(200); // a key exists
    // Far in the future (past the rotation test's key): the real-clock key keeps signing until then.
    const later = Date.now() + 800 * DAY;
    const off = withDeps(envWith({ IDENTSPHERE_SIGNING_KEY_ROTATION_DAYS: '0' }), { clock: new ManualClock(later) });
    expect((await runScheduledMaintenance(off)).signing_keys_rotated).toBe(0);
    const { deps } = clockedEnv(later);
    expect((await runScheduledMaintenance(deps)).signing_keys_rotated).toBe(1);
    expect((await runScheduledMaintenance(deps)).signing_keys_rotated).toBe(0);
  });
});
