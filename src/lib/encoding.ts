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

/** Constant-time comparison for secrets of equal length. */
export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}
