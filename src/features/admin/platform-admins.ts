import { and, eq, type SQL, sql } from 'drizzle-orm';
import { disabledSql } from '../../db/account-status.ts';
import type { Database } from '../../db/client.ts';
import { insertWhere } from '../../db/insert-where.ts';
import type { DataDeps } from '../../platform/deps.ts';
import { auditInsert, auditValues, type RequestContext } from '../audit/audit.ts';

/** Whether the user is a platform administrator now (read from the row, never from a cached session). */
export async function isPlatformAdmin(deps: Database & Pick<DataDeps, 'clock'>, userId: string): Promise<boolean> {
  const { users } = deps.t;
  const [row] = await deps.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.platformRole, 'admin'), sql`not ${disabledSql(users, deps.clock.now())}`));
  return row !== undefined;
}

/**
 * Holds unless `userId` is the last enabled platform administrator: disabling, deleting or demoting them would
 * leave nobody able to administer (short of the CLI). Evaluated inside the statement that makes the change,
 * after lockAdmins, so two concurrent changes cannot each see the other admin and both proceed.
 */
export function notLastAdmin(deps: Database, userId: string, now: Date): SQL {
  const { users } = deps.t;
  const at = now.toISOString();
  return sql`(
    not exists (select 1 from ${users} where ${users.id} = ${userId} and ${users.platformRole} = 'admin')
    or exists (select 1 from ${users} other_admin
      where other_admin.platform_role = 'admin' and other_admin.id <> ${userId}
        and (other_admin.disabled_at is null or other_admin.disabled_until <= ${at}::timestamptz))
  )`;
}

/** First statement of a batch that may remove an administrator: serialises such batches (see notLastAdmin). */
export function lockAdmins(deps: Database) {
  const { users } = deps.t;
  return deps.db.select({ id: users.id }).from(users).where(eq(users.platformRole, 'admin')).orderBy(users.id).for('update');
}

export type AdminRoleChange = { ok: true; changed: boolean } | { ok: false; reason: 'not_found' | 'last_admin' };

/** `identsphere admin grant <email>`: makes the user a platform administrator. */
export async function grantPlatformAdmin(deps: DataDeps, ctx: RequestContext, email: string): Promise<AdminRoleChange> {
  const { users } = deps.t;
  const [user] = await deps.db.select({ id: users.id, role: users.platformRole }).from(users).where(eq(users.email, email));
  if (!user) return { ok: false, reason: 'not_found' };
  if (user.role === 'admin') return { ok: true, changed: false };
  await deps.db.batch([
    deps.db.update(users).set({ platformRole: 'admin' }).where(eq(users.id, user.id)),
    auditInsert(deps, ctx, 'admin.granted', { userId: user.id }),
  ]);
  return { ok: true, changed: true };
}

/** `identsphere admin revoke <email>`: refused for the last enabled administrator. */
export async function revokePlatformAdmin(deps: DataDeps, ctx: RequestContext, email: string): Promise<AdminRoleChange> {
  const { users } = deps.t;
  const [user] = await deps.db.select({ id: users.id, role: users.platformRole }).from(users).where(eq(users.email, email));
  if (!user) return { ok: false, reason: 'not_found' };
  if (user.role !== 'admin') return { ok: true, changed: false };
  const guard = notLastAdmin(deps, user.id, deps.clock.now());
  const [, demoted] = await deps.db.batch([
    lockAdmins(deps),
    deps.db
      .update(users)
      .set({ platformRole: null })
      .where(and(eq(users.id, user.id), eq(users.platformRole, 'admin'), guard))
      .returning({ id: users.id }),
    insertWhere(
      deps.db,
      deps.t.auditLogs,
      auditValues(deps, ctx, 'admin.revoked', { userId: user.id }),
      sql`exists (select 1 from ${users} where ${users.id} = ${user.id} and ${users.platformRole} is null)`,
    ),
  ]);
  return demoted.length ? { ok: true, changed: true } : { ok: false, reason: 'last_admin' };
}

/** Every platform administrator (for `identsphere admin list`). */
export async function listPlatformAdmins(deps: Database) {
  const { users } = deps.t;
  return deps.db
    .select({ id: users.id, email: users.email, disabledAt: users.disabledAt, disabledUntil: users.disabledUntil })
    .from(users)
    .where(eq(users.platformRole, 'admin'))
    .orderBy(users.email);
}
