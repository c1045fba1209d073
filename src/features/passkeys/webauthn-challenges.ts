import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import { newId, sha256Hex } from '../../crypto/tokens.ts';
import { base64Url, fromBase64 } from '../../lib/encoding.ts';
import { ApiError } from '../../lib/errors.ts';
import type { Deps } from '../../platform/deps.ts';

/** A WebAuthn ceremony must finish within this time; the challenge then dies. */
export const WEBAUTHN_CHALLENGE_TTL_SECONDS = 300;

export type ChallengePurpose = 'register' | 'login';

/**
 * A fresh 256-bit challenge kept server-side (as SHA-256) with its purpose and user. Returns the raw bytes
 * for the options generator and the base64url form that comes back in clientDataJSON.
 */
export async function issueWebauthnChallenge(deps: Deps, purpose: ChallengePurpose, userId: string | null) {
  const { db, t } = deps;
  const now = deps.clock.now();
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const challenge = base64Url(bytes);
  await db.batch([
    // Housekeeping: expired challenges are dead weight; drop them as new ones are issued.
    db.delete(t.webauthnChallenges).where(lt(t.webauthnChallenges.expiresAt, now)),
    db.insert(t.webauthnChallenges).values({
      id: newId(),
      challengeHash: await sha256Hex(challenge),
      purpose,
      userId,
      expiresAt: new Date(now.getTime() + WEBAUTHN_CHALLENGE_TTL_SECONDS * 1000),
      createdAt: now,
    }),
  ]);
  return { bytes, challenge };
}

/** The challenge a response claims to answer (from its clientDataJSON); malformed input is a rejection. */
export function challengeOfResponse(clientDataJSON: string): string {
  try {
    const data = JSON.parse(new TextDecoder().decode(fromBase64(clientDataJSON))) as { challenge?: unknown };
    if (typeof data.challenge === 'string' && data.challenge.length > 0 && data.challenge.length <= 256) return data.challenge;
  } catch {
    // fall through
  }
  throw new ApiError('passkey_rejected', 'The response does not carry a valid challenge.');
}

/**
 * Consumes a challenge on first use, before the response is even verified: one conditional UPDATE, so a
 * challenge is honoured at most once however often (or concurrently) a response is replayed, and never after
 * its expiry. Returns the ceremony's user (null for discoverable sign-in), or undefined when not live.
 */
export async function consumeWebauthnChallenge(
  deps: Deps,
  purpose: ChallengePurpose,
  challenge: string,
): Promise<{ userId: string | null } | undefined> {
  const [row] = await consumeWebauthnChallengeStatement(deps, purpose, await sha256Hex(challenge));
  return row;
}

/**
 * consumeWebauthnChallenge as a statement for the caller's batch (`challengeHash`: SHA-256 of the challenge):
 * one row (the ceremony's user) when this statement consumed it, none when it was not live.
 */
export function consumeWebauthnChallengeStatement(deps: Deps, purpose: ChallengePurpose, challengeHash: string) {
  const { db, t } = deps;
  const c = t.webauthnChallenges;
  const now = deps.clock.now();
  return db
    .update(c)
    .set({ consumedAt: now })
    .where(and(eq(c.challengeHash, challengeHash), eq(c.purpose, purpose), isNull(c.consumedAt), gt(c.expiresAt, now)))
    .returning({ userId: c.userId });
}
