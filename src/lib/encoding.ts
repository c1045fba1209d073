const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function base64NoPad(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/=+$/, '');
}

export function base64Url(bytes: Uint8Array): string {
  return base64NoPad(bytes).replaceAll('+', '-').replaceAll('/', '_');
}

export function fromBase64(text: string): Uint8Array {
  const clean = text.replaceAll('-', '+').replaceAll('_', '/');
  if ([...clean].some((ch) => !B64.includes(ch))) throw new Error('invalid base64');
  const padded = clean + '='.repeat((4 - (clean.length % 4)) % 4);
  return Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
}

/** Constant-time comparison of secrets (workerd's crypto.subtle.timingSafeEqual, which throws on unequal lengths). */
export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  // Only the contents are secret: a length mismatch is answered at once (hash and nonce lengths are public).
  return a.byteLength === b.byteLength && crypto.subtle.timingSafeEqual(a, b);
}
