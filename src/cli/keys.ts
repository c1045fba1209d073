// `identsphere keys rotate|list`: the access-token signing keys, over the CLI's database connection. The
// lifecycle is the Worker's (src/features/tokens/signing-keys.ts), in SQL: a rotation adds a key that signs
// after ACTIVATION_DELAY_MS and retires the current one, which stays published until its tokens expired.
import {
  ACTIVATION_DELAY_MS,
  generateSigningKey,
  RETIRED_KEY_PUBLISHED_MS,
  type SigningKeyRow,
} from '../features/tokens/signing-key-material.ts';
import type { MigrationTarget } from './migrate.ts';
import { quoteSchema } from './migrate.ts';

const PUBLISHED = '(expires_at is null or expires_at > $1)';

/** Adds a key (signing at once when none is published) and retires every key without a retirement. */
export async function rotateKeys(
  db: MigrationTarget,
  schema: string,
  encryptionKey: string | undefined,
  now: Date,
): Promise<SigningKeyRow> {
  const s = quoteSchema(schema);
  const published = (await db.query(`select 1 from ${s}.signing_keys where ${PUBLISHED} limit 1`, [now.toISOString()])).rows.length > 0;
  const activatesAt = published ? new Date(now.getTime() + ACTIVATION_DELAY_MS) : now;
  const row = await generateSigningKey(encryptionKey, now, activatesAt);
  await db.transaction(async (query) => {
    await query(`update ${s}.signing_keys set retires_at = $1, expires_at = $2 where retires_at is null`, [
      activatesAt.toISOString(),
      new Date(activatesAt.getTime() + RETIRED_KEY_PUBLISHED_MS).toISOString(),
    ]);
    await query(
      `insert into ${s}.signing_keys (kid, algorithm, public_jwk, private_key_encrypted, created_at, activates_at)
       values ($1, $2, $3::jsonb, $4, $5, $6)`,
      [row.kid, row.algorithm, JSON.stringify(row.publicJwk), row.privateKeyEncrypted, now.toISOString(), activatesAt.toISOString()],
    );
  });
  return row;
}

export interface ListedKey {
  kid: string;
  state: 'pending' | 'signing' | 'retired' | 'expired';
  createdAt: string;
  activatesAt: string;
  retiresAt: string | null;
  expiresAt: string | null;
}

/** Every stored key with its state at `now` (expired keys are deleted by the Cron Trigger). */
export async function listKeys(db: MigrationTarget, schema: string, now: Date): Promise<ListedKey[]> {
  const { rows } = await db.query(
    `select kid, created_at::text, activates_at::text, retires_at::text, expires_at::text from ${quoteSchema(schema)}.signing_keys order by created_at`,
  );
  const t = now.getTime();
  const before = (at: string | null) => at !== null && Date.parse(at) <= t;
  return rows.map(([kid, createdAt, activatesAt, retiresAt = null, expiresAt = null]) => ({
    kid: kid!,
    state: before(expiresAt) ? 'expired' : before(retiresAt) ? 'retired' : before(activatesAt ?? null) ? 'signing' : 'pending',
    createdAt: createdAt!,
    activatesAt: activatesAt!,
    retiresAt,
    expiresAt,
  }));
}
