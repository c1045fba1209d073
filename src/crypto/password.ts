import { base64NoPad, fromBase64, timingSafeEqual } from '../lib/encoding.ts';
import { Argon2Core, type Argon2Params, argon2idRaw } from './argon2.ts';

/** OWASP's argon2id recommendation (m=19 MiB, t=2, p=1). */
export const CURRENT_PARAMS: Argon2Params = { memoryKiB: 19456, iterations: 2, parallelism: 1, hashLength: 32 };

// The argon2 core runs synchronously, so an isolate computes one hash at a time and needs exactly one core:
// its ~19 MiB of WebAssembly memory is allocated once per isolate (128 MB) and reused, never per request.
// Concurrent requests queue on the event loop instead of multiplying memory.
let core: Argon2Core | undefined;

function withCore<T>(fn: (core: Argon2Core) => T): Promise<T> {
  core ??= new Argon2Core();
  return Promise.resolve(fn(core));
}

// Parameter order varies between implementations (reference C: m,t,p; node-argon2: m,p,t).
const PHC = /^\$argon2id\$v=19\$((?:[mtp]=\d{1,10},){2}[mtp]=\d{1,10})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

function parsePhc(encoded: string): { params: Argon2Params; salt: Uint8Array; hash: Uint8Array } | null {
  const m = PHC.exec(encoded);
  if (!m) return null;
  const fields = Object.fromEntries(m[1]!.split(',').map((kv) => kv.split('=') as [string, string]));
  if (Object.keys(fields).length !== 3) return null;
  const hash = fromBase64(m[3]!);
  const params = { memoryKiB: Number(fields.m), iterations: Number(fields.t), parallelism: Number(fields.p), hashLength: hash.length };
  // Bounds keep a corrupted or hostile stored hash from exhausting the isolate.
  if (params.memoryKiB < 8 * params.parallelism || params.memoryKiB > 65536) return null;
  if (params.iterations < 1 || params.iterations > 10 || params.parallelism < 1 || params.parallelism > 4) return null;
  if (hash.length < 16 || hash.length > 64) return null;
  return { params, salt: fromBase64(m[2]!), hash };
}

export function encodePhc(params: Argon2Params, salt: Uint8Array, hash: Uint8Array): string {
  const { memoryKiB: m, iterations: t, parallelism: p } = params;
  return `$argon2id$v=19$m=${m},t=${t},p=${p}$${base64NoPad(salt)}$${base64NoPad(hash)}`;
}

/** argon2id with the given salt and parameters, as a PHC string (exposed for test vectors). */
export function hashWithSalt(password: string, salt: Uint8Array, params = CURRENT_PARAMS): Promise<string> {
  const bytes = new TextEncoder().encode(password);
  return withCore((core) => encodePhc(params, salt, argon2idRaw(core, bytes, salt, params)));
}

/**
 * Passwords are hashed in Unicode NFC: the same passphrase typed on another keyboard or OS (composed "é" vs
 * "e" + combining accent) must still match.
 */
export function hashPassword(password: string): Promise<string> {
  return hashWithSalt(password.normalize('NFC'), crypto.getRandomValues(new Uint8Array(16)));
}

async function matches(parsed: NonNullable<ReturnType<typeof parsePhc>>, password: string): Promise<boolean> {
  const bytes = new TextEncoder().encode(password);
  const actual = await withCore((core) => argon2idRaw(core, bytes, parsed.salt, parsed.params));
  return timingSafeEqual(actual, parsed.hash);
}

/**
 * Checks a password against a stored hash: in NFC first; then, for hashes stored before passwords were
 * normalised, as typed — such a match asks the caller to rehash (`rehash: true`) so the fallback dies out.
 */
export async function checkPassword(encoded: string, password: string): Promise<{ ok: boolean; rehash: boolean }> {
  const parsed = parsePhc(encoded);
  if (!parsed) return { ok: false, rehash: false };
  const nfc = password.normalize('NFC');
  if (await matches(parsed, nfc)) return { ok: true, rehash: false };
  if (nfc !== password && (await matches(parsed, password))) return { ok: true, rehash: true };
  return { ok: false, rehash: false };
}

export async function verifyPassword(encoded: string, password: string): Promise<boolean> {
  return (await checkPassword(encoded, password)).ok;
}

/** True when a stored hash was made with other parameters than today's (upgrade it on the next login). */
export function needsRehash(encoded: string): boolean {
  const parsed = parsePhc(encoded);
  if (!parsed) return true;
  const { params } = parsed;
  return (
    params.memoryKiB !== CURRENT_PARAMS.memoryKiB ||
    params.iterations !== CURRENT_PARAMS.iterations ||
    params.parallelism !== CURRENT_PARAMS.parallelism ||
    params.hashLength !== CURRENT_PARAMS.hashLength
  );
}
