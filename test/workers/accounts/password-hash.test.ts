// argon2id inside workerd (which forbids compiling WebAssembly from bytes): OWASP parameters, standard PHC
// output, byte-identical to the native argon2 library on vectors computed by the test setup.

import { encodeHexLowerCase } from '@oslojs/encoding';
import { describe, expect, inject, it } from 'vitest';
import { Argon2Core, argon2idRaw } from '../../../src/crypto/argon2.ts';
import { CURRENT_PARAMS, hashPassword, hashWithSalt, needsRehash, verifyPassword } from '../../../src/crypto/password.ts';
import { fromBase64 } from '../../../src/lib/encoding.ts';
import { watchArgon2 } from '../support/index.ts';

describe('argon2id password hashing in workerd', () => {
  it('hashes with m=19456,t=2,p=1 into a PHC string and verifies', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(await verifyPassword(hash, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(hash, 'correct horse battery stapl')).toBe(false);
    expect(await verifyPassword(hash, 'Correct horse battery staple')).toBe(false);
    expect(needsRehash(hash)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same password')).not.toBe(await hashPassword('same password'));
  });

  it('matches native argon2 byte for byte, both ways', async () => {
    const vectors = inject('argon2Vectors');
    expect(vectors.length).toBeGreaterThanOrEqual(3);
    expect(vectors.some((v) => v.p > 1)).toBe(true); // several lanes: cross-lane reference indexing
    for (const v of vectors) {
      // native hash → verified here
      expect(await verifyPassword(v.phc, v.password)).toBe(true);
      expect(await verifyPassword(v.phc, `${v.password}!`)).toBe(false);
      // our hash with the same salt and parameters → the identical salt and digest native produced
      // (node-argon2 writes the parameters as m,p,t; we write the reference order m,t,p)
      const params = { memoryKiB: v.m, iterations: v.t, parallelism: v.p, hashLength: 32 };
      const ours = await hashWithSalt(v.password, fromBase64(v.salt), params);
      expect(ours).toBe(`$argon2id$v=19$m=${v.m},t=${v.t},p=${v.p}$${v.phc.split('$').slice(-2).join('$')}`);
    }
  });

  it('reproduces the RFC 9106 §5.3 argon2id test vector inside workerd', () => {
    const tag = argon2idRaw(
      new Argon2Core(), // a separate 32 KiB core: not the isolate's password core
      new Uint8Array(32).fill(0x01),
      new Uint8Array(16).fill(0x02),
      { memoryKiB: 32, iterations: 3, parallelism: 4, hashLength: 32 },
      { secret: new Uint8Array(8).fill(0x03), associatedData: new Uint8Array(12).fill(0x04) },
    );
    expect(encodeHexLowerCase(tag)).toBe('0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659');
  });

  it('flags hashes with outdated parameters for upgrade; rejects malformed ones', async () => {
    const old = await hashWithSalt('pw-pw-pw-pw', new Uint8Array(16), { ...CURRENT_PARAMS, memoryKiB: 4096, iterations: 3 });
    expect(needsRehash(old)).toBe(true);
    expect(await verifyPassword(old, 'pw-pw-pw-pw')).toBe(true);
    expect(await verifyPassword('$argon2i$v=19$m=19456,t=2,p=1$AAAA$BBBB', 'x')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
    // A hostile stored hash cannot make us allocate gigabytes.
    expect(
      await verifyPassword('$argon2id$v=19$m=4194304,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'x'),
    ).toBe(false);
  });

  it('keeps one argon2 core (~19 MiB) per isolate however many hashes run at once', async () => {
    const argon2 = watchArgon2();
    const hashes = await Promise.all(Array.from({ length: 6 }, (_, i) => hashPassword(`parallel-${i}`)));
    expect(new Set(hashes).size).toBe(6);
    expect(argon2.hashes()).toBe(6);
    expect(argon2.cores()).toBe(1);
  });
});
