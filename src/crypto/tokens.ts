import { encodeHexLowerCase } from '@oslojs/encoding';
import { base64Url } from '../lib/encoding.ts';

/** A URL-safe random secret of `bytes` bytes from the CSPRNG (default 32 bytes = 256 bits). */
export function randomToken(bytes = 32): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

export async function sha256Hex(text: string): Promise<string> {
  return encodeHexLowerCase(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))));
}

export function newId(): string {
  return crypto.randomUUID();
}
