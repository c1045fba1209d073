import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';

/**
 * Lock order: a batch that writes several rows of one account locks the user row FIRST (this statement, or
 * `bumpCredentialVersion`, as its first statement). Every such batch then waits on the same row before
 * touching sessions, tokens or organizations, so concurrent batches queue instead of deadlocking.
 */
export function lockUserRow(deps: Database, userId: string) {
  const { users } = deps.t;
  return deps.db.execute(sql`select 1 from ${users} where ${users.id} = ${userId} for no key update`);
}

/**
 * The one "credentials ended" statement: password change and reset, revoke-all, account deletion (and any
 * future credential wipe) put it FIRST in their batch. It locks the user row (see lockUserRow) and voids every
 * sign-in whose factor was proven against the previous version: such a sign-in's session (or MFA challenge)
 * is inserted only while `credentialVersionIs` still holds. `onlyIf`: bump only where this holds too (e.g. a
 * single-use token's guard).
 */
export function bumpCredentialVersion(deps: Database, userId: string | SQL, onlyIf?: SQL) {
  const { users } = deps.t;
  return deps.db
    .update(users)
    .set({ credentialVersion: sql`${users.credentialVersion} + 1` })
    .where(and(eq(users.id, userId), onlyIf));
}

/** Holds while the user exists and its credentials are still those of `version` (read when the factor was proven). */
export function credentialVersionIs(deps: Database, userId: string, version: number): SQL {
  const { users } = deps.t;
  return sql`exists (select 1 from ${users} where ${users.id} = ${userId} and ${users.credentialVersion} = ${version})`;
}
