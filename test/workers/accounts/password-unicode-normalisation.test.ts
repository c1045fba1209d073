// Passwords are compared in Unicode NFC: "é" typed composed (U+00E9) or decomposed (e + U+0301) is the same
// passphrase. Hashes stored before normalisation (of the raw, non-NFC form) still verify, and are rehashed
// in NFC at the next sign-in so the fallback dies out.
import { describe, expect, it } from 'vitest';
import { hashWithSalt, verifyPassword } from '../../../src/crypto/password.ts';
import { flowEnv, sql } from '../support/index.ts';

const COMPOSED = 'caf\u00e9 crème brûlée 2026';
const DECOMPOSED = COMPOSED.normalize('NFD');

describe('password unicode normalisation', () => {
  it('a password set in one form signs in with the other', async () => {
    expect(DECOMPOSED).not.toBe(COMPOSED);
    const flow = flowEnv();
    const { email } = await flow.register(undefined, DECOMPOSED);
    expect((await flow.login(email, COMPOSED)).status).toBe(200);
    expect((await flow.login(email, DECOMPOSED)).status).toBe(200);
    const [row] = await sql<{ password_hash: string }>('select password_hash from $schema.users where email = $1', [email]);
    // Stored in NFC: the decomposed bytes alone would not match it.
    expect(await verifyPassword(row!.password_hash, COMPOSED)).toBe(true);
  });

  it('a legacy hash of the raw (decomposed) form keeps working and is rehashed in NFC', async () => {
    const flow = flowEnv();
    const { email } = await flow.register();
    const legacy = await hashWithSalt(DECOMPOSED, crypto.getRandomValues(new Uint8Array(16)));
    await sql('update $schema.users set password_hash = $1 where email = $2', [legacy, email]);

    expect((await flow.login(email, DECOMPOSED)).status).toBe(200);
    const [row] = await sql<{ password_hash: string }>('select password_hash from $schema.users where email = $1', [email]);
    expect(row!.password_hash).not.toBe(legacy);
    expect(row!.password_hash).toBe(await hashWithSalt(COMPOSED, saltOf(row!.password_hash)));
    expect((await flow.login(email, COMPOSED)).status).toBe(200);
    expect((await flow.login(email, 'cafe creme brulee 2026')).status).toBe(401);
  });
});

function saltOf(phc: string): Uint8Array {
  const salt = phc.split('$')[4]!;
  return Uint8Array.from(atob(salt + '='.repeat((4 - (salt.length % 4)) % 4)), (c) => c.charCodeAt(0));
}
