import { and, eq, sql } from 'drizzle-orm';
import { derivedHmacKey } from '../../crypto/secret-box.ts';
import { sha256Hex } from '../../crypto/tokens.ts';
import { base64Url, fromBase64 } from '../../lib/encoding.ts';
import type { Deps } from '../../platform/deps.ts';
import { backoffSeconds } from './backoff.ts';

/**
 * Device cookies (OWASP "Slow down online guessing attacks with device cookies"). The per-account backoff lets
 * a stranger lock the owner out with a few wrong guesses from rotating IPs. A browser that has signed in to the
 * account before carries a signed cookie naming that user; a password presented with it is judged on that
 * device's own failure counter, not the account's. Unknown clients stay under the account backoff, and a
 * device cannot be used to brute-force either (its failures back it off like an account).
 */
export const DEVICE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

const VERSION = 'v1';

function signingKey(deps: Deps) {
  return derivedHmacKey(deps.config.IDENTSPHERE_ENCRYPTION_KEY, 'identsphere device cookie v1');
}

/** A new device token for `userId`: `v1.<user id>.<128-bit nonce>.<HMAC>`. */
export async function issueDeviceToken(deps: Deps, userId: string): Promise<string> {
  const payload = `${VERSION}.${userId}.${base64Url(crypto.getRandomValues(new Uint8Array(16)))}`;
  const signature = await crypto.subtle.sign('HMAC', await signingKey(deps), new TextEncoder().encode(payload));
  return `${payload}.${base64Url(new Uint8Array(signature))}`;
}

/** Whether `token` is a device token we signed for `userId` (constant-time check of the signature). */
export async function isDeviceTokenFor(deps: Deps, token: string | undefined, userId: string): Promise<boolean> {
  if (!token || token.length > 256) return false;
  const parts = token.split('.');
  if (parts.length !== 4 || parts[0] !== VERSION || parts[1] !== userId) return false;
  let signature: Uint8Array;
  try {
    signature = fromBase64(parts[3]!);
  } catch {
    return false;
  }
  const payload = new TextEncoder().encode(parts.slice(0, 3).join('.'));
  return crypto.subtle.verify('HMAC', await signingKey(deps), signature, payload);
}

/** The device's identity in `device_failures` (the cookie itself is never stored). */
export function deviceHash(token: string): Promise<string> {
  return sha256Hex(token);
}

/** Until when the device is backed off (same schedule as the account backoff), or null. */
export async function deviceLockedUntil(deps: Deps, userId: string, hash: string): Promise<Date | null> {
  const d = deps.t.deviceFailures;
  const [row] = await deps.db
    .select({ count: d.failedCount, last: d.lastFailedAt })
    .from(d)
    .where(and(eq(d.userId, userId), eq(d.deviceHash, hash)));
  if (!row || !backoffSeconds(row.count)) return null;
  const until = new Date(row.last.getTime() + backoffSeconds(row.count) * 1000);
  return until > deps.clock.now() ? until : null;
}

/** Counts one failed password for the device (atomic upsert: concurrent failures are all counted). */
export function countDeviceFailure(deps: Deps, userId: string, hash: string) {
  const d = deps.t.deviceFailures;
  const now = deps.clock.now();
  return deps.db
    .insert(d)
    .values({ userId, deviceHash: hash, failedCount: 1, lastFailedAt: now })
    .onConflictDoUpdate({ target: [d.userId, d.deviceHash], set: { failedCount: sql`${d.failedCount} + 1`, lastFailedAt: now } });
}

/** A successful sign-in from the device clears its counter. */
export function clearDeviceFailures(deps: Deps, userId: string, hash: string) {
  const d = deps.t.deviceFailures;
  return deps.db.delete(d).where(and(eq(d.userId, userId), eq(d.deviceHash, hash)));
}
