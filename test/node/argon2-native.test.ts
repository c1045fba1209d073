// Our argon2id (the cores the Worker ships: SIMD-compiled from hash-wasm's C sources, committed in
// src/crypto/wasm) against an independent implementation: node-argon2, bindings to the
// reference C library. Hashes must verify across both, in both directions, and agree byte for byte.

import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import { describe, expect, it } from 'vitest';
import { Argon2Core, argon2idRaw } from '../../src/crypto/argon2.ts';
import { hashPassword, verifyPassword } from '../../src/crypto/password.ts';

const passwords = ['correct horse battery staple', 'pässwörd ✓ 🔐', 'x'.repeat(128), '        spaces only'];

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

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

describe('argon2id raw output is byte-identical to native', () => {
  const core = new Argon2Core();
  // Lanes 1–4, passes 1–3, tag lengths 16–64, memory from the minimum (8 KiB per lane) to OWASP's 19 MiB; the
  // cores process lanes one after another, so p > 1 exercises the cross-lane reference indexing.
  const cases = [
    { m: 19456, t: 2, p: 1, len: 32 },
    { m: 8, t: 1, p: 1, len: 32 },
    { m: 64, t: 3, p: 1, len: 16 },
    { m: 4096, t: 2, p: 2, len: 32 },
    { m: 1024, t: 1, p: 4, len: 64 },
    { m: 12289, t: 3, p: 3, len: 24 },
  ];

  it.each(cases)('m=$m t=$t p=$p tag=$len bytes', async ({ m, t, p, len }) => {
    const password = randomBytes(1 + (m % 97));
    const salt = randomBytes(16);
    const native = await argon2.hash(password, {
      type: argon2.argon2id,
      memoryCost: m,
      timeCost: t,
      parallelism: p,
      hashLength: len,
      salt,
      raw: true,
    });
    const ours = argon2idRaw(core, password, salt, { memoryKiB: m, iterations: t, parallelism: p, hashLength: len });
    expect(hex(ours)).toBe(hex(native));
  });

  it('reproduces the RFC 9106 §5.3 argon2id test vector (secret and associated data included)', async () => {
    const vector = {
      password: new Uint8Array(32).fill(0x01),
      salt: new Uint8Array(16).fill(0x02),
      secret: new Uint8Array(8).fill(0x03),
      associatedData: new Uint8Array(12).fill(0x04),
      tag: '0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659',
    };
    const params = { memoryKiB: 32, iterations: 3, parallelism: 4, hashLength: 32 };
    const ours = argon2idRaw(core, vector.password, vector.salt, params, { secret: vector.secret, associatedData: vector.associatedData });
    expect(hex(ours)).toBe(vector.tag);
    const native = await argon2.hash(Buffer.from(vector.password), {
      type: argon2.argon2id,
      memoryCost: 32,
      timeCost: 3,
      parallelism: 4,
      hashLength: 32,
      salt: Buffer.from(vector.salt),
      secret: Buffer.from(vector.secret),
      associatedData: Buffer.from(vector.associatedData),
      raw: true,
    });
    expect(hex(native)).toBe(vector.tag);
  });

  it('a reused core gives the same output as a fresh one (no state leaks between hashes)', () => {
    const salt = randomBytes(16);
    const params = { memoryKiB: 2048, iterations: 2, parallelism: 1, hashLength: 32 };
    const first = argon2idRaw(core, Buffer.from('first'), salt, params);
    argon2idRaw(core, Buffer.from('something else'), randomBytes(16), { ...params, memoryKiB: 4096, parallelism: 2 });
    expect(hex(argon2idRaw(core, Buffer.from('first'), salt, params))).toBe(hex(first));
    expect(hex(argon2idRaw(new Argon2Core(), Buffer.from('first'), salt, params))).toBe(hex(first));
  });
});
