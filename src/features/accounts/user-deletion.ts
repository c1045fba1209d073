import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { insertWhere } from '../../db/insert-where.ts';
import { ApiError } from '../../lib/errors.ts';
import type { DataDeps } from '../../platform/deps.ts';
import { lockAdmins, notLastAdmin } from '../admin/platform-admins.ts';
import { auditValues, type RequestContext } from '../audit/audit.ts';
import { evictTokenHashes } from '../sessions/session-cache-eviction.ts';
import { bumpCredentialVersion } from '../sign-in/credential-version.ts';
import { userDeletedEventInsert } from '../webhooks/webhook-events.ts';
import { drainAvatarDeletions } from './avatar-deletions.ts';

/** Organizations where the user is the only owner while others are members: deletion would orphan them. */
function soleOwnerWithOthers(deps: Database, userId: string): SQL {
  const m = deps.t.memberships;
  return sql`select m.organization_id from ${m} m
    where m.user_id = ${userId} and m.role = 'owner'
      and exists (select 1 from ${m} o where o.organization_id = m.organization_id and o.user_id <> ${userId})
      and not exists (select 1 from ${m} o where o.organization_id = m.organization_id and o.user_id <> ${userId} and o.role = 'owner')`;
}

/** Personal data in audit metadata (this user's id and address, wherever they appear) becomes "deleted-user". */
function scrubbedMetadata(deps: Database, userId: string, email: string): SQL {
  const metadata = deps.t.auditLogs.metadata;
  // Matched as it appears inside JSON text.
  const emailInJson = JSON.stringify(email).slice(1, -1);
  return sql`replace(replace(${metadata}::text, ${userId}, 'deleted-user'), ${emailInJson}, 'deleted-user')::jsonb`;
}

/**
 * DELETE /v1/auth/me ("right to be forgotten"). One atomic batch, serialised against membership changes of the
 * user's organizations (row locks) and guarded so that it does nothing if the user became the sole owner of
 * an organization with other members meanwhile:
 * - only rows the user owns (by user id) go: rows that merely carry the same address belong to others (another
 *   organization's pending invitation to it, another user's identity whose provider reports it) and stay;
 * - audit rows keep their events but lose the personal data (user id detached, IP and user agent cleared,
 *   id/email inside metadata replaced — in other users' events too), and a `user.deleted` event is added;
 * - organizations where the user is the only member are deleted;
 * - the avatar object is queued for deletion, the sessions are deleted (their cache entries evicted after),
 *   and the user row is deleted — every per-user table (credentials, factors, identities, memberships,
 *   tokens, profile…) goes with it by ON DELETE CASCADE.
 * Then the avatar object is deleted from storage (a storage failure leaves it queued for the scheduled job).
 */
/**
 * The complete deletion itself (see deleteAccount), for the user and for administrators (`ctx.actor` is then
 * recorded on the `user.deleted` event). `transfer_ownership_first` when it would orphan an organization.
 */
export async function deleteUser(deps: DataDeps, ctx: RequestContext, user: { id: string; email: string }): Promise<void> {
  const { db, t } = deps;
  const { id: userId, email } = user;
  const now = deps.clock.now();
  const blocking = await db.execute<{ organization_id: string }>(soleOwnerWithOthers(deps, userId));
  if (blocking.rows.length) {
    throw new ApiError('transfer_ownership_first', undefined, {
      details: blocking.rows.map((r) => ({ field: 'organization_id', message: r.organization_id })),
    });
  }
  // Nobody deletes the last platform administrator (themself included): nobody could administer afterwards.
  const adminGuard = notLastAdmin(deps, userId, now);
  if (!(await db.execute<{ ok: boolean }>(sql`select ${adminGuard} as ok`)).rows[0]?.ok) throw new ApiError('last_admin');
  const m = t.memberships;
  const a = t.auditLogs;
  const p = t.userProfiles;
  const deletable = sql`(not exists (${soleOwnerWithOthers(deps, userId)}) and ${adminGuard})`;
  const gone = sql`not exists (select 1 from ${t.users} where ${t.users.id} = ${userId})`;
  const myOrgs = db.select({ id: m.organizationId }).from(m).where(eq(m.userId, userId));
  const anonymous: RequestContext = { ...ctx, ip: null, userAgent: null };

  const results = await db.batch([
    // Serialises with other changes that may remove an administrator (see notLastAdmin).
    lockAdmins(deps),
    // Lock order: the user row first (as every sign-in and credential change does), then the organizations.
    // The bump also voids sign-ins in flight.
    bumpCredentialVersion(deps, userId),
    db
      .select({ id: t.organizations.id })
      .from(t.organizations)
      .where(inArray(t.organizations.id, myOrgs))
      .orderBy(t.organizations.id)
      .for('update'),
    // Ceremony challenges carry user_id without a foreign key (unknown-email hints bind random ids).
    db.delete(t.webauthnChallenges).where(and(eq(t.webauthnChallenges.userId, userId), deletable)),
    db
      .update(a)
      .set({ metadata: scrubbedMetadata(deps, userId, email) })
      .where(
        and(
          sql`${a.userId} is distinct from ${userId}`,
          sql`(strpos(${a.metadata}::text, ${userId}) > 0 or strpos(${a.metadata}::text, ${JSON.stringify(email).slice(1, -1)}) > 0)`,
          deletable,
        ),
      ),
    db
      .update(a)
      .set({ userId: null, ip: null, userAgent: null, metadata: scrubbedMetadata(deps, userId, email) })
      .where(and(eq(a.userId, userId), deletable)),
    db
      .delete(t.organizations)
      .where(
        and(
          inArray(t.organizations.id, myOrgs),
          sql`not exists (select 1 from ${m} o where o.organization_id = ${t.organizations.id} and o.user_id <> ${userId})`,
          deletable,
        ),
      ),
    db.execute(sql`insert into ${t.avatarDeletions} (key, queued_at)
      select ${p.avatarKey}, ${now.toISOString()}::timestamptz from ${p}
      where ${p.userId} = ${userId} and ${p.avatarKey} is not null and ${deletable} on conflict do nothing returning key`),
    db
      .delete(t.sessions)
      .where(and(eq(t.sessions.userId, userId), deletable))
      .returning({ tokenHash: t.sessions.tokenHash }),
    db
      .delete(t.users)
      .where(and(eq(t.users.id, userId), deletable))
      .returning({ id: t.users.id }),
    insertWhere(db, a, auditValues(deps, anonymous, 'user.deleted', {}), gone),
    userDeletedEventInsert(deps, ctx, userId, gone),
  ]);
  // The results of the statements before the two inserts: queued avatar keys, deleted sessions, the deleted user.
  const [queuedResult, sessionsResult, deletedResult] = results.slice(-5, -2);
  const queued = (queuedResult as { rows: { key: string }[] }).rows.map((r) => r.key);
  const sessions = sessionsResult as { tokenHash: string }[];
  const deleted = deletedResult as { id: string }[];
  if (!deleted.length) {
    // Someone made the user the sole owner of a shared organization, or the last administrator, meanwhile.
    const [still] = await db.select({ id: t.users.id }).from(t.users).where(eq(t.users.id, userId));
    if (still)
      throw new ApiError((await db.execute(soleOwnerWithOthers(deps, userId))).rows.length ? 'transfer_ownership_first' : 'last_admin');
  }
  await evictTokenHashes(
    deps,
    sessions.map((s) => s.tokenHash),
  );
  await drainAvatarDeletions(deps, queued);
}
