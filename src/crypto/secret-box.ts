import { decodeHex } from '@oslojs/encoding';
import { base64Url, fromBase64 } from '../lib/encoding.ts';

// Secrets that must be read back (TOTP seeds) are stored AES-256-GCM encrypted under IDENTSPHERE_ENCRYPTION_KEY,
// a key of their own: rotating the JWT secret (which signs everyone out) must not also destroy everyone's MFA.
// Format: `v1.<iv>.<ciphertext+tag>` (base64url). The associated data binds a ciphertext to its owner and
// purpose, so a row copied onto another user (or another column) does not decrypt.

// Development/test fallback only: production refuses to start without a key of its own (src/platform/config.ts).
const DEV_KEY_HEX = '6964656e747370686572652d6465762d6b65792d6e6f742d666f722d70726f64';

const keys = new Map<string, Promise<CryptoKey>>();

function keyBytes(hexKey: string | undefined): Uint8Array {
  return decodeHex(hexKey ?? DEV_KEY_HEX);
}

function importKey(hexKey: string | undefined): Promise<CryptoKey> {
  const keyHex = hexKey ?? DEV_KEY_HEX;
  let key = keys.get(keyHex);
  if (!key) {
    key = crypto.subtle.importKey('raw', keyBytes(hexKey), { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
    keys.set(keyHex, key);
  }
  return key;
}

/**
 * An HMAC-SHA-256 key for one purpose (`info`), derived from IDENTSPHERE_ENCRYPTION_KEY with HKDF: the
 * encryption key itself never signs anything, and keys for different purposes are independent.
 */
export function derivedHmacKey(hexKey: string | undefined, info: string): Promise<CryptoKey> {
  const cacheKey = `${hexKey ?? DEV_KEY_HEX}:${info}`;
  let key = keys.get(cacheKey);
  if (!key) {
    key = (async () => {
      const ikm = await crypto.subtle.importKey('raw', keyBytes(hexKey), 'HKDF', false, ['deriveKey']);
      return crypto.subtle.deriveKey(
        { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(), info: new TextEncoder().encode(info) },
        ikm,
        { name: 'HMAC', hash: 'SHA-256', length: 256 },
        false,
        ['sign', 'verify'],
      );
    })();
    keys.set(cacheKey, key);
  }
  return key;
}

export async function sealSecret(hexKey: string | undefined, plaintext: Uint8Array, associatedData: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(associatedData) },
    await importKey(hexKey),
    plaintext,
  );
  return `v1.${base64Url(iv)}.${base64Url(new Uint8Array(sealed))}`;
}

/** Throws when the key is wrong or the ciphertext was tampered with or moved (GCM authentication fails). */
export async function openSecret(hexKey: string | undefined, sealed: string, associatedData: string): Promise<Uint8Array> {
  const [version, iv, body] = sealed.split('.');
  if (version !== 'v1' || !iv || !body) throw new Error('secret-box: unknown format');
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: fromBase64(iv), additionalData: new TextEncoder().encode(associatedData) },
    await importKey(hexKey),
    fromBase64(body),
  );
  return new Uint8Array(plain);
}
