// Read side of the admin API: finding users and organizations, and everything about one user.
import { and, asc, desc, eq, ilike, inArray, isNotNull, or, type SQL, sql } from 'drizzle-orm';
import { disabledSql, isDisabled } from '../../db/account-status.ts';
import type { Database } from '../../db/client.ts';
import { ApiError } from '../../lib/errors.ts';
import { decodeCursor, encodeCursor } from '../../lib/keyset-cursor.ts';
import type { DataDeps } from '../../platform/deps.ts';
import { identityView } from '../accounts/identities.ts';
import { auditPage } from '../audit/audit-log-query.ts';
import { remainingRecoveryCodesQuery } from '../mfa/recovery-codes.ts';
import { passkeyView } from '../passkeys/passkeys.ts';
import { sessionListItem } from '../sessions/session-management.ts';
import { userView } from '../sessions/sessions.ts';

export const MAX_ADMIN_PAGE = 100;

type UserRow = DataDeps['t']['users']['$inferSelect'];

function adminUserView(u: UserRow, now: Date) {
  return {
    ...userView(u),
    updated_at: u.updatedAt.toISOString(),
    platform_role: u.platformRole ?? null,
    disabled: isDisabled(u, now),
    disabled_at: u.disabledAt?.toISOString() ?? null,
    disabled_until: u.disabledUntil?.toISOString() ?? null,
    disabled_reason: u.disabledReason ?? null,
  };
}

/** `%` and `_` in a search term are matched literally. */
function likePattern(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** One user as the admin API lists it; 404 for an unknown id. */
export async function adminUser(deps: Database & Pick<DataDeps, 'clock'>, userId: string) {
  const [u] = await deps.db.select().from(deps.t.users).where(eq(deps.t.users.id, userId));
  if (!u) throw new ApiError('not_found', 'No such user.');
  return adminUserView(u, deps.clock.now());
}

export interface UserQuery {
  query?: string;
  disabled?: boolean;
  cursor?: string;
  limit: number;
}

/** Users, newest first: `query` matches the start of the email or any part of the name (case-insensitive). */
export async function listUsers(deps: Database & Pick<DataDeps, 'clock'>, q: UserQuery) {
  const { users } = deps.t;
  const now = deps.clock.now();
  const filters: (SQL | undefined)[] = [];
  if (q.query) {
    const term = likePattern(q.query.trim().toLowerCase());
    filters.push(or(ilike(users.email, `${term}%`), ilike(users.name, `%${term}%`)));
  }
  if (q.disabled !== undefined) filters.push(q.disabled ? disabledSql(users, now) : sql`not ${disabledSql(users, now)}`);
  const after = q.cursor ? decodeCursor(q.cursor, 'uuid') : null;
  if (after) filters.push(sql`(${users.createdAt}, ${users.id}) < (${after.createdAt}::timestamptz, ${after.id}::uuid)`);
  const rows = await deps.db
    .select({ u: users, createdAtText: sql<string>`${users.createdAt}::text` })
    .from(users)
    .where(and(...filters))
    .orderBy(desc(users.createdAt), desc(users.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    users: page.map((r) => adminUserView(r.u, now)),
    next_cursor: rows.length > q.limit && last ? encodeCursor(last.createdAtText, last.u.id) : null,
  };
}

const SIGN_IN_EVENTS = ['login.succeeded', 'login.failed', 'login.throttled', 'mfa.failed', 'passkey.login_failed', 'email_otp.failed'];

/** Everything about one user, read in one round trip; 404 for an unknown id. */
export async function userDetail(deps: Database & Pick<DataDeps, 'clock'>, userId: string) {
  const { db, t } = deps;
  const now = deps.clock.now();
  const [users, organizations, sessions, identities, totp, recovery, passkeys] = await db.batch([
    db
      .select({ u: t.users, p: t.userProfiles })
      .from(t.users)
      .leftJoin(t.userProfiles, eq(t.userProfiles.userId, t.users.id))
      .where(eq(t.users.id, userId)),
    db
      .select({ id: t.organizations.id, name: t.organizations.name, role: t.memberships.role, joinedAt: t.memberships.createdAt })
      .from(t.memberships)
      .innerJoin(t.organizations, eq(t.organizations.id, t.memberships.organizationId))
      .where(eq(t.memberships.userId, userId))
      .orderBy(asc(t.memberships.createdAt)),
    db
      .select()
      .from(t.sessions)
      .where(
        and(
          eq(t.sessions.userId, userId),
          sql`${t.sessions.expiresAt} > ${now.toISOString()}::timestamptz`,
          sql`${t.sessions.idleExpiresAt} > ${now.toISOString()}::timestamptz`,
        ),
      )
      .orderBy(desc(t.sessions.createdAt)),
    db.select().from(t.identities).where(eq(t.identities.userId, userId)).orderBy(asc(t.identities.createdAt)),
    db
      .select({ userId: t.totpCredentials.userId })
      .from(t.totpCredentials)
      .where(and(eq(t.totpCredentials.userId, userId), isNotNull(t.totpCredentials.confirmedAt))),
    remainingRecoveryCodesQuery(deps, userId),
    db.select().from(t.passkeys).where(eq(t.passkeys.userId, userId)).orderBy(asc(t.passkeys.createdAt)),
  ]);
  const row = users[0];
  if (!row) throw new ApiError('not_found', 'No such user.');
  const signIns = await auditPage(deps, and(eq(t.auditLogs.userId, userId), inArray(t.auditLogs.event, SIGN_IN_EVENTS)), { limit: 20 });
  return {
    user: { ...adminUserView(row.u, now), locale: row.p?.locale ?? null, time_zone: row.p?.timeZone ?? null },
    organizations: organizations.map((o) => ({ id: o.id, name: o.name, role: o.role, joined_at: o.joinedAt.toISOString() })),
    sessions: sessions.map((s) => sessionListItem(s, null)),
    identities: identities.map(identityView),
    mfa: { totp_enabled: totp.length > 0, recovery_codes_remaining: recovery[0]?.n ?? 0 },
    passkeys: passkeys.map(passkeyView),
    recent_sign_ins: signIns.events,
  };
}

/** Organizations, newest first, with their member counts; `query` matches any part of the name. */
export async function listOrganizations(deps: Database, q: { query?: string; cursor?: string; limit: number }) {
  const { organizations: o, memberships: m } = deps.t;
  const filters: (SQL | undefined)[] = [];
  if (q.query) filters.push(ilike(o.name, `%${likePattern(q.query.trim())}%`));
  const after = q.cursor ? decodeCursor(q.cursor, 'uuid') : null;
  if (after) filters.push(sql`(${o.createdAt}, ${o.id}) < (${after.createdAt}::timestamptz, ${after.id}::uuid)`);
  const rows = await deps.db
    .select({
      id: o.id,
      name: o.name,
      createdAt: o.createdAt,
      createdAtText: sql<string>`${o.createdAt}::text`,
      members: sql<number>`(select count(*)::int from ${m} where ${m.organizationId} = ${o.id})`,
    })
    .from(o)
    .where(and(...filters))
    .orderBy(desc(o.createdAt), desc(o.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    organizations: page.map((r) => ({ id: r.id, name: r.name, created_at: r.createdAt.toISOString(), member_count: r.members })),
    next_cursor: rows.length > q.limit && last ? encodeCursor(last.createdAtText, last.id) : null,
  };
}

/** The audit log across the platform, filtered by user, organization and event. */
export function adminAuditPage(
  deps: Database,
  q: { user_id?: string; organization_id?: string; action?: string; cursor?: string; limit: number },
) {
  const a = deps.t.auditLogs;
  return auditPage(
    deps,
    and(
      q.user_id ? eq(a.userId, q.user_id) : undefined,
      q.organization_id ? eq(a.organizationId, q.organization_id) : undefined,
      q.action ? eq(a.event, q.action) : undefined,
    ),
    q,
  );
}
