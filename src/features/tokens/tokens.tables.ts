import { jsonb, text } from 'drizzle-orm/pg-core';
import { ts } from '../../db/columns.ts';
import type { CoreTables } from '../../db/tables-core.ts';

/** Signing keys of access tokens (Ed25519); the lifecycle columns are explained in signing-keys.ts. */
export function defineSigningKeyTables({ schema }: CoreTables) {
  const signingKeys = schema.table('signing_keys', {
    kid: text('kid').primaryKey(),
    algorithm: text('algorithm').notNull(),
    // The public JWK (kty, crv, x): published as is.
    publicJwk: jsonb('public_jwk').$type<{ kty: string; crv: string; x: string }>().notNull(),
    // PKCS #8, AES-256-GCM under IDENTSPHERE_ENCRYPTION_KEY (src/crypto/secret-box.ts); never stored in the clear.
    privateKeyEncrypted: text('private_key_encrypted').notNull(),
    createdAt: ts('created_at').notNull(),
    // Published from creation, signs only from here: verifiers' cached JWKS must know the key first.
    activatesAt: ts('activates_at').notNull(),
    // Set when a successor is created (its activates_at): signs no more from then.
    retiresAt: ts('retires_at'),
    // Leaves the JWKS (and the table) once every token it signed has expired.
    expiresAt: ts('expires_at'),
  });
  return { signingKeys };
}
