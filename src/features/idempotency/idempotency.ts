import { encodeHexLowerCase } from '@oslojs/encoding';
import { and, eq, isNull, lt, lte, or } from 'drizzle-orm';
import { openSecret, sealSecret } from '../../crypto/secret-box.ts';
import { sha256Hex } from '../../crypto/tokens.ts';
import { ApiError } from '../../lib/errors.ts';
import type { Deps } from '../../platform/deps.ts';

/** How long an answer can be replayed. */
export const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000;
/** A request still in flight after this long died with its Worker: another attempt may take the key over. */
export const IDEMPOTENCY_LEASE_MS = 60 * 1000;

export interface IdempotentRequest {
  /** Who is asking: `user:<id>` with a session, otherwise `ip:<address>`. Keys never match across callers. */
  scope: string;
  key: string;
  method: string;
  /** Path and query string. */
  target: string;
  body: Uint8Array;
}

export interface StoredResponse {
  status: number;
  headers: [string, string][];
  /** The API answers JSON (or nothing): kept as text. */
  body: string;
}

export interface Claim {
  id: string;
  createdAt: Date;
}

export type ClaimOutcome = { kind: 'claimed'; claim: Claim } | { kind: 'replay'; response: StoredResponse };

async function rowId(scope: string, key: string): Promise<string> {
  return sha256Hex(`${scope}\n${key}`);
}

async function fingerprintOf(req: IdempotentRequest): Promise<string> {
  const head = new TextEncoder().encode(`${req.method}\n${req.target}\n`);
  const all = new Uint8Array(head.byteLength + req.body.byteLength);
  all.set(head);
  all.set(req.body, head.byteLength);
  return encodeHexLowerCase(new Uint8Array(await crypto.subtle.digest('SHA-256', all)));
}

/**
 * Takes the key for this request, or says what to answer instead: the stored answer (same request), 422 (the
 * key was used for another request), 409 (the first attempt is still running). One conditional upsert takes
 * a free, expired or abandoned key, so two concurrent attempts can never both run.
 */
export async function claimIdempotencyKey(deps: Deps, req: IdempotentRequest): Promise<ClaimOutcome> {
  const t = deps.t.idempotencyKeys;
  const id = await rowId(req.scope, req.key);
  const fingerprint = await fingerprintOf(req);
  const now = deps.clock.now();
  const fresh = {
    fingerprint,
    responseStatus: null,
    response: null,
    createdAt: now,
    expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS),
  };
  const taken = await deps.db
    .insert(t)
    .values({ id, ...fresh })
    .onConflictDoUpdate({
      target: t.id,
      set: fresh,
      setWhere: or(lte(t.expiresAt, now), and(isNull(t.responseStatus), lt(t.createdAt, new Date(now.getTime() - IDEMPOTENCY_LEASE_MS)))),
    })
    .returning({ id: t.id });
  if (taken.length) return { kind: 'claimed', claim: { id, createdAt: now } };

  const [row] = await deps.db.select().from(t).where(eq(t.id, id));
  if (!row) throw new ApiError('idempotency_key_in_progress', undefined, { headers: { 'Retry-After': '1' } });
  if (row.fingerprint !== fingerprint) throw new ApiError('idempotency_key_reused');
  if (row.responseStatus === null || row.response === null) {
    throw new ApiError('idempotency_key_in_progress', undefined, { headers: { 'Retry-After': '1' } });
  }
  const sealed = await openSecret(deps.config.IDENTSPHERE_ENCRYPTION_KEY, row.response, `idempotency:${id}`);
  const { h, b } = JSON.parse(new TextDecoder().decode(sealed)) as { h: [string, string][]; b: string };
  return { kind: 'replay', response: { status: row.responseStatus, headers: h, body: b } };
}

/** Stores the final answer of a claimed request (sealed: bodies and cookies carry tokens). */
export async function completeIdempotencyKey(deps: Deps, claim: Claim, response: StoredResponse): Promise<void> {
  const t = deps.t.idempotencyKeys;
  const plain = new TextEncoder().encode(JSON.stringify({ h: response.headers, b: response.body }));
  const sealed = await sealSecret(deps.config.IDENTSPHERE_ENCRYPTION_KEY, plain, `idempotency:${claim.id}`);
  await deps.db
    .update(t)
    .set({ responseStatus: response.status, response: sealed })
    .where(and(eq(t.id, claim.id), eq(t.createdAt, claim.createdAt), isNull(t.responseStatus)));
}

/** Frees the key after an answer that must not be replayed (5xx, 429): the retry runs the request again. */
export async function releaseIdempotencyKey(deps: Deps, claim: Claim): Promise<void> {
  const t = deps.t.idempotencyKeys;
  await deps.db.delete(t).where(and(eq(t.id, claim.id), eq(t.createdAt, claim.createdAt), isNull(t.responseStatus)));
}

/** Scheduled maintenance: answers past their 24 h are deleted. */
export async function purgeExpiredIdempotencyKeys(deps: Deps): Promise<number> {
  const t = deps.t.idempotencyKeys;
  const deleted = await deps.db.delete(t).where(lte(t.expiresAt, deps.clock.now())).returning({ id: t.id });
  return deleted.length;
}
