import { and, eq, gt, isNull, type SQL, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { newId, randomToken, sha256Hex } from '../../crypto/tokens.ts';
import type { Deps } from '../../platform/deps.ts';
import { lockUserRow } from '../sign-in/credential-version.ts';

export type TokenPurpose = 'password_reset' | 'verify_email' | 'email_change';

export interface IssuedToken {
  /** The secret for the link: shown to the user once, never stored. */
  token: string;
  expiresAt: Date;
  /** Supersede older tokens of this purpose, then insert this one: run in the caller's batch. */
  statements: [BatchItem<'pg'>, BatchItem<'pg'>];
}

/**
 * A fresh single-use token (256 random bits, stored as SHA-256) bound to a user and a purpose. Issuing one
 * deletes the user's unconsumed tokens of the same purpose: only the newest link works.
 */
export async function issueToken(
  deps: Deps,
  input: { userId: string; purpose: TokenPurpose; ttlSeconds: number; payload?: Record<string, unknown> },
): Promise<IssuedToken> {
  const { db, t } = deps;
  const now = deps.clock.now();
  const token = randomToken(32);
  const expiresAt = new Date(now.getTime() + input.ttlSeconds * 1000);
  const tokens = t.oneTimeTokens;
  return {
    token,
    expiresAt,
    statements: [
      db.delete(tokens).where(and(eq(tokens.userId, input.userId), eq(tokens.purpose, input.purpose), isNull(tokens.consumedAt))),
      db.insert(tokens).values({
        id: newId(),
        userId: input.userId,
        purpose: input.purpose,
        tokenHash: await sha256Hex(token),
        payload: input.payload ?? {},
        expiresAt,
        createdAt: now,
      }),
    ],
  };
}

export interface TokenRow {
  userId: string;
  payload: Record<string, unknown>;
}

function liveCondition(deps: Deps, purpose: TokenPurpose, tokenHash: string) {
  const tokens = deps.t.oneTimeTokens;
  return and(
    eq(tokens.tokenHash, tokenHash),
    eq(tokens.purpose, purpose),
    isNull(tokens.consumedAt),
    gt(tokens.expiresAt, deps.clock.now()),
  );
}

/** Whether a token is usable right now (no side effect): lets callers skip costly work for dead links. */
export async function findLiveToken(deps: Deps, purpose: TokenPurpose, token: string): Promise<TokenRow | null> {
  const tokens = deps.t.oneTimeTokens;
  const [row] = await deps.db
    .select({ userId: tokens.userId, payload: tokens.payload })
    .from(tokens)
    .where(liveCondition(deps, purpose, await sha256Hex(token)));
  return row ?? null;
}

/**
 * Consumes a token exactly once, together with the caller's effects, atomically:
 * `effects(guard, userId)` returns statements whose WHERE must include `guard`; the guard holds only inside
 * the one transaction whose conditional UPDATE marked the token as consumed by it. Under any number of
 * concurrent submissions exactly one gets the row back, and only its effects apply. Returns null for an
 * unknown, expired, already used or superseded token (nothing changes then).
 */
export async function consumeToken(
  deps: Deps,
  purpose: TokenPurpose,
  token: string,
  effects: (guard: SQL, row: TokenRow) => BatchItem<'pg'>[],
): Promise<TokenRow | null> {
  return (await consumeTokenWithResults(deps, purpose, token, effects))?.row ?? null;
}

/** consumeToken, also returning what each effect statement returned (e.g. RETURNING rows), in order. */
export async function consumeTokenWithResults(
  deps: Deps,
  purpose: TokenPurpose,
  token: string,
  effects: (guard: SQL, row: TokenRow) => BatchItem<'pg'>[],
): Promise<{ row: TokenRow; results: unknown[] } | null> {
  const { db, t } = deps;
  const tokens = t.oneTimeTokens;
  const now = deps.clock.now();
  const tokenHash = await sha256Hex(token);
  const live = liveCondition(deps, purpose, tokenHash);
  const [row] = await db.select({ userId: tokens.userId, payload: tokens.payload }).from(tokens).where(live);
  if (!row) return null;
  const marker = randomToken(16);
  const guard = sql`exists (select 1 from ${tokens} where ${tokens.tokenHash} = ${tokenHash} and ${tokens.consumedBy} = ${marker})`;
  const [, consumed, ...results] = await db.batch([
    // Lock order: the user row first (see credential-version.ts), then the token.
    lockUserRow(deps, row.userId),
    db.update(tokens).set({ consumedAt: now, consumedBy: marker }).where(live).returning({ userId: tokens.userId }),
    ...effects(guard, row),
  ]);
  return consumed.length ? { row, results } : null;
}
