// Signing-key material and lifecycle arithmetic, free of Deps: the Worker (signing-keys.ts) and the CLI
// (`identsphere keys rotate`) create keys the same way.
import { openSecret, sealSecret } from '../../crypto/secret-box.ts';
import { randomToken } from '../../crypto/tokens.ts';

export const SIGNING_ALG = 'EdDSA';
/** How long verifiers and Cloudflare may cache GET /.well-known/jwks.json (its Cache-Control max-age). */
export const JWKS_MAX_AGE_SECONDS = 300;
/** How long an isolate uses the keys it loaded before reading them again (a rotation is seen within this). */
export const KEY_CACHE_SECONDS = 300;
/** The upper bound of IDENTSPHERE_ACCESS_TOKEN_TTL_SECONDS (src/platform/config-schema.ts). */
export const MAX_ACCESS_TOKEN_TTL_SECONDS = 3600;

// A new key signs only once every JWKS a verifier can hold lists it: an isolate may answer with keys it read
// up to KEY_CACHE_SECONDS ago, and that answer may be cached for JWKS_MAX_AGE_SECONDS.
export const ACTIVATION_DELAY_MS = (KEY_CACHE_SECONDS + JWKS_MAX_AGE_SECONDS) * 1000;
// A retired key may still sign in an isolate whose keys predate the rotation (up to KEY_CACHE_SECONDS), and
// a token lives at most MAX_ACCESS_TOKEN_TTL_SECONDS: only after both is it unpublished.
export const RETIRED_KEY_PUBLISHED_MS = (KEY_CACHE_SECONDS + MAX_ACCESS_TOKEN_TTL_SECONDS) * 1000;

export interface PublicJwk {
  kty: string;
  crv: string;
  x: string;
}

export interface SigningKeyRow {
  kid: string;
  algorithm: string;
  publicJwk: PublicJwk;
  privateKeyEncrypted: string;
  createdAt: Date;
  activatesAt: Date;
  retiresAt: Date | null;
  expiresAt: Date | null;
}

// Binds the ciphertext to its key id: a sealed private key copied onto another row does not decrypt.
const sealContext = (kid: string) => `signing_key:${kid}`;

/** A fresh Ed25519 key pair; the private half sealed under IDENTSPHERE_ENCRYPTION_KEY (`hexKey`). */
export async function generateSigningKey(hexKey: string | undefined, now: Date, activatesAt: Date): Promise<SigningKeyRow> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const jwk = (await crypto.subtle.exportKey('jwk', pair.publicKey)) as JsonWebKey;
  const pkcs8 = new Uint8Array((await crypto.subtle.exportKey('pkcs8', pair.privateKey)) as ArrayBuffer);
  const kid = randomToken(12);
  return {
    kid,
    algorithm: SIGNING_ALG,
    publicJwk: { kty: jwk.kty!, crv: jwk.crv!, x: jwk.x! },
    privateKeyEncrypted: await sealSecret(hexKey, pkcs8, sealContext(kid)),
    createdAt: now,
    activatesAt,
    retiresAt: null,
    expiresAt: null,
  };
}

/** The private key, non-extractable. Throws when IDENTSPHERE_ENCRYPTION_KEY is not the one it was sealed with. */
export async function openPrivateKey(hexKey: string | undefined, kid: string, sealed: string): Promise<CryptoKey> {
  const pkcs8 = await openSecret(hexKey, sealed, sealContext(kid));
  return crypto.subtle.importKey('pkcs8', pkcs8, { name: 'Ed25519' }, false, ['sign']);
}
