import { jwtVerify, SignJWT } from 'jose';

// HS256 only: the algorithm is pinned so `alg: none` or an asymmetric-key confusion can never verify.
const ALG = 'HS256';
const keys = new Map<string, Promise<CryptoKey>>();

/** Imported once per isolate and secret, not per request. */
function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    keys.set(secret, key);
  }
  return key;
}

export async function signSessionJwt(secret: string, sessionSecret: string, now: Date, expiresAt: Date): Promise<string> {
  return new SignJWT({ sid: sessionSecret })
    .setProtectedHeader({ alg: ALG, typ: 'JWT' })
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(await hmacKey(secret));
}

/** The session secret inside a valid token, or null for anything tampered, expired, unsigned or foreign. */
export async function verifySessionJwt(secret: string, token: string, now: Date): Promise<string | null> {
  try {
    const { payload } = await jwtVerify(token, await hmacKey(secret), {
      algorithms: [ALG],
      currentDate: now,
    });
    return typeof payload.sid === 'string' && payload.sid.length >= 22 ? payload.sid : null;
  } catch {
    return null;
  }
}
