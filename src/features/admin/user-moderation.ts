// What an administrator (admin API, server API key or CLI) does to one account. Every change is one atomic
// batch with its audit event, which records the actor from `ctx.actor`; sessions that end are evicted from
// the cache after the batch, so the change is seen on the very next request in this location.
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { insertWhere } from '../../db/insert-where.ts';
import { ApiError } from '../../lib/errors.ts';
import type { DataDeps } from '../../platform/deps.ts';
import { deleteUser } from '../accounts/user-deletion.ts';
import { auditInsert, auditValues, type RequestContext } from '../audit/audit.ts';
import { evictTokenHashes, evictUserSessions } from '../sessions/session-cache-eviction.ts';
import { bumpCredentialVersion } from '../sign-in/credential-version.ts';
import { lockAdmins, notLastAdmin } from './platform-admins.ts';

async function findUser(deps: DataDeps, userId: string): Promise<{ id: string; email: string }> {
  const { users } = deps.t;
  const [user] = await deps.db.select({ id: users.id, email: users.email }).from(users).where(eq(users.id, userId));
  if (!user) throw new ApiError('not_found', 'No such user.');
  return user;
}

function sessionsOf(deps: DataDeps, userId: string) {
  const { sessions } = deps.t;
  return deps.db.delete(sessions).where(eq(sessions.userId, userId)).returning({ tokenHash: sessions.tokenHash });
}

/**
 * Disables the account: every session is revoked and evicted, sign-ins in flight are voided (credential
 * version), and every way in (password, email code, passkey, OAuth, MFA step, reset link) refuses it until it
 * is enabled — or, with `until`, until that instant. Refused (409 `last_admin`) for the last enabled admin.
 */
export async function disableUser(
  deps: DataDeps,
  ctx: RequestContext,
  userId: string,
  input: { reason: string; until?: Date },
): Promise<{ sessions_revoked: number }> {
  await findUser(deps, userId);
  const now = deps.clock.now();
  if (input.until && input.until <= now) throw new ApiError('invalid_request', '`until` must be in the future.');
  const { users } = deps.t;
  const guard = notLastAdmin(deps, userId, now);
  const [, , disabled, revoked] = await deps.db.batch([
    lockAdmins(deps),
    bumpCredentialVersion(deps, userId, guard),
    deps.db
      .update(users)
      .set({ disabledAt: now, disabledUntil: input.until ?? null, disabledReason: input.reason, updatedAt: now })
      .where(and(eq(users.id, userId), guard))
      .returning({ id: users.id }),
    deps.db
      .delete(deps.t.sessions)
      .where(and(eq(deps.t.sessions.userId, userId), guard))
      .returning({ tokenHash: deps.t.sessions.tokenHash }),
    insertWhere(
      deps.db,
      deps.t.auditLogs,
      auditValues(deps, ctx, 'user.disabled', {
        userId,
        metadata: { reason: input.reason, ...(input.until ? { until: input.until.toISOString() } : {}) },
      }),
      guard,
    ),
  ]);
  if (!disabled.length) throw new ApiError('last_admin');
  await evictTokenHashes(
    deps,
    revoked.map((r) => r.tokenHash),
  );
  return { sessions_revoked: revoked.length };
}

/** Lifts a disable (idempotent: enabling an enabled account changes and records nothing). */
export async function enableUser(deps: DataDeps, ctx: RequestContext, userId: string): Promise<{ changed: boolean }> {
  await findUser(deps, userId);
  const { users } = deps.t;
  const now = deps.clock.now();
  const [enabled] = await deps.db.batch([
    deps.db
      .update(users)
      .set({ disabledAt: null, disabledUntil: null, disabledReason: null, updatedAt: now })
      .where(and(eq(users.id, userId), isNotNull(users.disabledAt)))
      .returning({ id: users.id }),
    insertWhere(
      deps.db,
      deps.t.auditLogs,
      auditValues(deps, ctx, 'user.enabled', { userId }),
      // Recorded only when this request lifted it: the update above ran first in the same transaction.
      sql`exists (select 1 from ${users} where ${users.id} = ${userId} and ${users.updatedAt} = ${now.toISOString()}::timestamptz and ${users.disabledAt} is null)`,
    ),
  ]);
  return { changed: enabled.length > 0 };
}

/** Ends every session of the user (and voids sign-ins in flight); the account stays usable. */
export async function signOutUser(deps: DataDeps, ctx: RequestContext, userId: string): Promise<{ sessions_revoked: number }> {
  await findUser(deps, userId);
  const [, revoked] = await deps.db.batch([
    bumpCredentialVersion(deps, userId),
    sessionsOf(deps, userId),
    auditInsert(deps, ctx, 'user.signed_out', { userId }),
  ]);
  await evictTokenHashes(
    deps,
    revoked.map((r) => r.tokenHash),
  );
  return { sessions_revoked: revoked.length };
}

/**
 * Removes the second factor (TOTP and recovery codes, pending MFA steps) and, with `passkeys`, every passkey:
 * for a user who lost their authenticator. Sessions stay; the user enrols again after signing in.
 */
export async function resetMfa(
  deps: DataDeps,
  ctx: RequestContext,
  userId: string,
  options: { passkeys: boolean },
): Promise<{ totp_removed: boolean; passkeys_removed: number }> {
  await findUser(deps, userId);
  const { totpCredentials, recoveryCodes, mfaChallenges, passkeys } = deps.t;
  const passkeysRemoved = options.passkeys
    ? deps.db.delete(passkeys).where(eq(passkeys.userId, userId)).returning({ id: passkeys.id })
    : deps.db.select({ id: passkeys.id }).from(passkeys).where(sql`false`);
  const [, totp, , , removedPasskeys] = await deps.db.batch([
    bumpCredentialVersion(deps, userId),
    deps.db.delete(totpCredentials).where(eq(totpCredentials.userId, userId)).returning({ confirmedAt: totpCredentials.confirmedAt }),
    deps.db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)),
    deps.db.delete(mfaChallenges).where(eq(mfaChallenges.userId, userId)),
    passkeysRemoved,
    auditInsert(deps, ctx, 'mfa.reset', { userId, metadata: { passkeys: options.passkeys } }),
  ]);
  return { totp_removed: totp.some((r) => r.confirmedAt !== null), passkeys_removed: removedPasskeys.length };
}

/** Marks the address verified (an administrator vouches for it); cached sessions show it at once. */
export async function markEmailVerified(deps: DataDeps, ctx: RequestContext, userId: string): Promise<{ changed: boolean }> {
  await findUser(deps, userId);
  const { users } = deps.t;
  const now = deps.clock.now();
  const [verified] = await deps.db.batch([
    deps.db
      .update(users)
      .set({ emailVerifiedAt: now, updatedAt: now })
      .where(and(eq(users.id, userId), sql`${users.emailVerifiedAt} is null`))
      .returning({ id: users.id }),
    insertWhere(
      deps.db,
      deps.t.auditLogs,
      auditValues(deps, ctx, 'email.verified', { userId, metadata: { by: 'administrator' } }),
      sql`exists (select 1 from ${users} where ${users.id} = ${userId} and ${users.emailVerifiedAt} = ${now.toISOString()}::timestamptz)`,
    ),
  ]);
  if (verified.length) await evictUserSessions(deps, [userId]);
  return { changed: verified.length > 0 };
}

/** The same complete deletion as self-service (also refused for the last enabled admin). */
export async function deleteUserAsAdmin(deps: DataDeps, ctx: RequestContext, userId: string): Promise<void> {
  await deleteUser(deps, ctx, await findUser(deps, userId));
}

/**
 * Cron Trigger housekeeping: clears disables whose `until` has passed (every check already treats them as
 * lifted) and records `user.enabled` by the system for each, in one statement.
 */
export async function clearExpiredDisables(deps: DataDeps): Promise<number> {
  const { users, auditLogs } = deps.t;
  const now = deps.clock.now().toISOString();
  const result = await deps.db.execute(sql`
    with lifted as (
      update ${users} set disabled_at = null, disabled_until = null, disabled_reason = null, updated_at = ${now}::timestamptz
      where ${users.disabledUntil} <= ${now}::timestamptz
      returning ${users.id}
    )
    insert into ${auditLogs} (event, user_id, actor_type, metadata, created_at)
    select 'user.enabled', lifted.id, 'system', '{"reason":"disable expired"}'::jsonb, ${now}::timestamptz from lifted
    returning 1`);
  return result.rows.length;
}
