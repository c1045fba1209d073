// Our argon2id (hash-wasm's cores, the module the Worker ships) against an independent implementation:
// node-argon2, bindings to the reference C library. Hashes must verify across both, in both directions.
import argon2 from 'argon2';
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../src/lib/password.ts';

const passwords = ['correct horse battery staple', 'pässwörd ✓ 🔐', 'x'.repeat(128), '        spaces only'];

describe('argon2id interoperability with the reference implementation', () => {
  it.each(passwords)('our hash verifies natively: %s', async (password) => {
    const ours = await hashPassword(password);
    expect(ours).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await argon2.verify(ours, password)).toBe(true);
    expect(await argon2.verify(ours, `${password}x`)).toBe(false);
  });

  it.each(passwords)('a native hash verifies with ours: %s', async (password) => {
    const native = await argon2.hash(password, { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 });
    expect(await verifyPassword(native, password)).toBe(true);
    expect(await verifyPassword(native, `${password}x`)).toBe(false);
  });
});
