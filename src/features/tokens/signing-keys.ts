import { desc, gt, isNull, lte, or } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import {
  ACTIVATION_DELAY_MS,
  generateSigningKey,
  KEY_CACHE_SECONDS,
  openPrivateKey,
  type PublicJwk,
  RETIRED_KEY_PUBLISHED_MS,
  SIGNING_ALG,
  type SigningKeyRow,
} from './signing-key-material.ts';

// Lifecycle of a key: created → published at once; signs from `activates_at`; stops signing at `retires_at`
// (its successor's activation); unpublished and deleted at `expires_at`. At any instant one key signs, and
// every key whose tokens may still be live is in the JWKS: a rotation never fails a verification.

export interface PublishedKey extends PublicJwk {
  kid: string;
  alg: string;
  use: 'sig';
}

interface LoadedKey {
  row: SigningKeyRow;
  privateKey?: Promise<CryptoKey>;
}

interface KeySet {
  keys: LoadedKey[];
  loadedAt: number;
}

// Per Deps (once per isolate and environment): a warm JWKS or token request reads no database.
const keySets = new WeakMap<Deps, Promise<KeySet>>();

const isPublished = (row: SigningKeyRow, now: number) => row.expiresAt === null || row.expiresAt.getTime() > now;

async function readKeys(deps: Deps): Promise<KeySet> {
  const now = deps.clock.now();
  const k = deps.t.signingKeys;
  const select = () =>
    deps.db
      .select()
      .from(k)
      .where(or(isNull(k.expiresAt), gt(k.expiresAt, now)));
  let rows: SigningKeyRow[] = await select();
  if (rows.length === 0) {
    // No key yet (a fresh dev/test database): a first one, signing at once (no verifier holds a JWKS yet),
    // retiring nothing: isolates racing here each add one, all of them valid. Then every key is read again.
    // Production keys come from `identsphere keys rotate` or the Cron Trigger; `identsphere doctor` checks.
    await deps.db.insert(k).values(await generateSigningKey(deps.config.IDENTSPHERE_ENCRYPTION_KEY, now, now));
    rows = await select();
  }
  return { keys: rows.map((row) => ({ row })), loadedAt: now.getTime() };
}

async function keySet(deps: Deps): Promise<KeySet> {
  const now = deps.clock.now().getTime();
  const cached = keySets.get(deps);
  if (cached) {
    const set = await cached.catch(() => null);
    if (set && now - set.loadedAt < KEY_CACHE_SECONDS * 1000) return set;
  }
  const loading = readKeys(deps);
  keySets.set(deps, loading);
  // A failed read is not cached (the next request tries again), unless a newer read replaced it meanwhile.
  loading.catch(() => keySets.get(deps) === loading && keySets.delete(deps));
  return loading;
}

/** The public keys a verifier needs now: every key not yet past `expires_at`. */
export async function publishedKeys(deps: Deps): Promise<PublishedKey[]> {
  const { keys } = await keySet(deps);
  // Read after loading: a first key created by that load activates at the clock's then-current time.
  const now = deps.clock.now().getTime();
  return keys
    .filter(({ row }) => isPublished(row, now))
    .map(({ row }) => ({ ...row.publicJwk, kid: row.kid, alg: row.algorithm, use: 'sig' as const }));
}

/** The key that signs now: the most recently activated one that has not retired. */
export async function currentSigningKey(deps: Deps): Promise<{ kid: string; alg: string; key: CryptoKey }> {
  const { keys } = await keySet(deps);
  const now = deps.clock.now().getTime();
  const active = keys.filter(({ row }) => row.activatesAt.getTime() <= now && isPublished(row, now));
  const live = active.filter(({ row }) => row.retiresAt === null || row.retiresAt.getTime() > now);
  const newest = (list: LoadedKey[]) => list.sort((a, b) => b.row.activatesAt.getTime() - a.row.activatesAt.getTime())[0];
  // A retired key still published beats no token at all (only an isolate with stale keys gets here). With no
  // active key at all (clocks disagreeing across isolates, a database restored from an older backup), the
  // published key that activates first signs: it is already in the JWKS, and a verifier meeting its kid for the
  // first time refetches the JWKS — better than refusing every token request with a 500.
  const pending = keys
    .filter(({ row }) => isPublished(row, now))
    .sort((a, b) => a.row.activatesAt.getTime() - b.row.activatesAt.getTime())[0];
  const chosen = newest(live) ?? newest(active) ?? pending;
  if (!chosen) throw new Error('no signing key is published');
  chosen.privateKey ??= openPrivateKey(deps.config.IDENTSPHERE_ENCRYPTION_KEY, chosen.row.kid, chosen.row.privateKeyEncrypted);
  return { kid: chosen.row.kid, alg: SIGNING_ALG, key: await chosen.privateKey };
}

/**
 * Creates a key that signs after ACTIVATION_DELAY_MS (at once if there is no published key) and retires every
 * key that has no retirement yet at that moment, keeping them published until their last token expired.
 */
export async function rotateSigningKey(deps: Deps): Promise<SigningKeyRow> {
  const now = deps.clock.now();
  const k = deps.t.signingKeys;
  const [published] = await deps.db
    .select({ kid: k.kid })
    .from(k)
    .where(or(isNull(k.expiresAt), gt(k.expiresAt, now)))
    .limit(1);
  const activatesAt = published ? new Date(now.getTime() + ACTIVATION_DELAY_MS) : now;
  const row = await generateSigningKey(deps.config.IDENTSPHERE_ENCRYPTION_KEY, now, activatesAt);
  await deps.db.batch([
    deps.db
      .update(k)
      .set({ retiresAt: activatesAt, expiresAt: new Date(activatesAt.getTime() + RETIRED_KEY_PUBLISHED_MS) })
      .where(isNull(k.retiresAt)),
    deps.db.insert(k).values(row),
  ]);
  // This isolate sees the rotation at once; the others within KEY_CACHE_SECONDS.
  keySets.delete(deps);
  return row;
}

/** Cron Trigger: rotates when the newest key is older than IDENTSPHERE_SIGNING_KEY_ROTATION_DAYS (0: never). */
export async function rotateSigningKeyIfDue(deps: Deps): Promise<number> {
  const days = deps.config.IDENTSPHERE_SIGNING_KEY_ROTATION_DAYS;
  if (days === 0) return 0;
  const k = deps.t.signingKeys;
  const [newest] = await deps.db.select({ createdAt: k.createdAt }).from(k).orderBy(desc(k.createdAt)).limit(1);
  // No key yet: the first is created by `identsphere keys rotate` or the first token request, never here.
  if (!newest || deps.clock.now().getTime() - newest.createdAt.getTime() < days * 86_400_000) return 0;
  await rotateSigningKey(deps);
  return 1;
}

/** Cron Trigger: deletes keys no longer published (every token they signed has expired). */
export async function pruneExpiredSigningKeys(deps: Deps): Promise<number> {
  const k = deps.t.signingKeys;
  const deleted = await deps.db.delete(k).where(lte(k.expiresAt, deps.clock.now())).returning({ kid: k.kid });
  return deleted.length;
}
