// Server API keys (`Authorization: Bearer isk_…`) for the admin API. Recognised by their prefix so that the
// idempotency layer scopes stored answers per key and the admin layer looks the key up; on every other route
// such a bearer token is not a session and answers 401.
import { sha256Hex } from '../crypto/tokens.ts';
import { bearerToken } from './session-credential.ts';
import type { AppContext } from './types.ts';

export const API_KEY_PREFIX = 'isk_';

/** The request's API key, if its bearer token is one. */
export function readApiKey(c: AppContext): string | undefined {
  const token = bearerToken(c);
  return token?.startsWith(API_KEY_PREFIX) ? token : undefined;
}

/** What is stored of a key: its SHA-256 (256 random bits need no slow hash; a lookup must stay cheap). */
export function apiKeyHash(key: string): Promise<string> {
  return sha256Hex(key);
}
