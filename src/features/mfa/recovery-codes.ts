import { and, eq, isNotNull, ne, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { newId, randomToken, sha256Hex } from '../../crypto/tokens.ts';
import type { Database } from '../../db/client.ts';
import type { Deps } from '../../platform/deps.ts';

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'; // no 0/o, 1/i/l look-alikes

/** `xxxxx-xxxxx`: 10 characters from 31 symbols, ~49.5 random bits each; stored only as SHA-256. */
function newCode(): string {
  const chars: string[] = [];
  while (chars.length < 10) {
    const [b] = crypto.getRandomValues(new Uint8Array(1));
    if (b! < 248) chars.push(ALPHABET[b! % 31]!); // 248 = 8 * 31: no modulo bias
  }
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}

/** What the user typed, as we hash it: case and separators do not matter. */
export function normalizeRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export function recoveryCodeHash(code: string): Promise<string> {
  return sha256Hex(`recovery:${normalizeRecoveryCode(code)}`);
}

export interface NewRecoveryCodes {
  codes: string[];
  generation: string;
  /** Inserts of the new set: run in the caller's batch, after it made `generation` current. */
  inserts: BatchItem<'pg'>[];
  /** Deletes every code of another generation (the old set). */
  deleteOthers: BatchItem<'pg'>;
}

export async function newRecoveryCodes(deps: Deps, userId: string): Promise<NewRecoveryCodes> {
  const { db, t } = deps;
  const now = deps.clock.now();
  const generation = randomToken(16);
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newCode);
  const rows = await Promise.all(
    codes.map(async (code) => ({ id: newId(), userId, generation, codeHash: await recoveryCodeHash(code), createdAt: now })),
  );
  return {
    codes,
    generation,
    inserts: [db.insert(t.recoveryCodes).values(rows)],
    deleteOthers: db.delete(t.recoveryCodes).where(and(eq(t.recoveryCodes.userId, userId), ne(t.recoveryCodes.generation, generation))),
  };
}

/**
 * Marks a recovery code used, atomically: one conditional UPDATE, so of any number of concurrent uses exactly
 * one matches. Only codes of the user's current generation with MFA on count. `marker` identifies the request.
 * Returns the statement (for the caller's batch), not a promise.
 */
export function useRecoveryCode(deps: Deps, userId: string, codeHash: string, marker: string) {
  const { db, t } = deps;
  const rc = t.recoveryCodes;
  const totp = t.totpCredentials;
  return db
    .update(rc)
    .set({ usedAt: deps.clock.now(), usedBy: marker })
    .where(
      and(
        eq(rc.userId, userId),
        eq(rc.codeHash, codeHash),
        sql`${rc.usedAt} is null`,
        eq(
          rc.generation,
          sql`(select ${totp.recoveryGeneration} from ${totp} where ${totp.userId} = ${userId} and ${totp.confirmedAt} is not null)`,
        ),
      ),
    );
}

/** Holds only inside the transaction whose `useRecoveryCode(…, marker)` matched. */
export function recoveryCodeUsedBy(deps: Deps, marker: string) {
  const rc = deps.t.recoveryCodes;
  return sql`exists (select 1 from ${rc} where ${rc.usedBy} = ${marker})`;
}

/** Whether `codeHash` is an already used code of the user's current set (a right code, not a guess). */
export async function isUsedRecoveryCode(deps: Deps, userId: string, codeHash: string): Promise<boolean> {
  const { db, t } = deps;
  const rc = t.recoveryCodes;
  const totp = t.totpCredentials;
  const rows = await db
    .select({ id: rc.id })
    .from(rc)
    .innerJoin(totp, and(eq(totp.userId, rc.userId), eq(totp.recoveryGeneration, rc.generation)))
    .where(and(eq(rc.userId, userId), eq(rc.codeHash, codeHash), isNotNull(rc.usedAt)))
    .limit(1);
  return rows.length > 0;
}

/** How many unused codes of the current set remain (shown after use so users know when to regenerate). */
export async function remainingRecoveryCodes(deps: Deps, userId: string): Promise<number> {
  const rows = await remainingRecoveryCodesQuery(deps, userId);
  return rows[0]?.n ?? 0;
}

/** remainingRecoveryCodes as a query (one row, `n`), to run inside a batch. */
export function remainingRecoveryCodesQuery(deps: Database, userId: string) {
  const { db, t } = deps;
  return db
    .select({ n: sql<number>`count(*)::int` })
    .from(t.recoveryCodes)
    .innerJoin(t.totpCredentials, eq(t.totpCredentials.userId, t.recoveryCodes.userId))
    .where(
      and(
        eq(t.recoveryCodes.userId, userId),
        sql`${t.recoveryCodes.usedAt} is null`,
        isNotNull(t.totpCredentials.confirmedAt),
        eq(t.recoveryCodes.generation, t.totpCredentials.recoveryGeneration),
      ),
    );
}
