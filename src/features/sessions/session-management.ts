import { and, desc, eq, gt, ne } from 'drizzle-orm';
import { ApiError } from '../../lib/errors.ts';
import type { Deps } from '../../platform/deps.ts';
import { auditInsert, type RequestContext } from '../audit/audit.ts';
import { bumpCredentialVersion } from '../sign-in/credential-version.ts';
import type { ValidSession } from './sessions.ts';

export interface SessionListItem {
  id: string;
  current: boolean;
  ip: string | null;
  user_agent: string | null;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

/** The signed-in user's live sessions, newest first. */
export async function listSessions(deps: Deps, current: ValidSession): Promise<SessionListItem[]> {
  const { sessions } = deps.t;
  const now = deps.clock.now();
  const rows = await deps.db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, current.record.user.id), gt(sessions.expiresAt, now), gt(sessions.idleExpiresAt, now)))
    .orderBy(desc(sessions.createdAt));
  return rows.map((s) => sessionListItem(s, current.record.session.id));
}

/** A session row as listed (to its user, or to an administrator: `currentId` null, nothing is current). */
export function sessionListItem(s: Deps['t']['sessions']['$inferSelect'], currentId: string | null): SessionListItem {
  return {
    id: s.id,
    current: s.id === currentId,
    ip: s.ip,
    user_agent: s.userAgent,
    created_at: s.createdAt.toISOString(),
    last_seen_at: s.lastSeenAt.toISOString(),
    expires_at: new Date(Math.min(s.expiresAt.getTime(), s.idleExpiresAt.getTime())).toISOString(),
  };
}

/** Drops revoked sessions from the cache; the rows (the truth) are already gone. */
export async function evict(deps: Deps, tokenHashes: string[]): Promise<void> {
  await Promise.all(tokenHashes.map((h) => deps.sessionCache.delete(h)));
}

/** Revokes one of the user's own sessions (404 for anyone else's: no probing of session ids). */
export async function revokeSession(deps: Deps, ctx: RequestContext, current: ValidSession, sessionId: string): Promise<void> {
  const { db, t } = deps;
  const userId = current.record.user.id;
  const owned = and(eq(t.sessions.id, sessionId), eq(t.sessions.userId, userId));
  const found = await db.select({ id: t.sessions.id }).from(t.sessions).where(owned);
  if (!found.length) throw new ApiError('not_found', 'No such session.');
  const [deleted] = await db.batch([
    db.delete(t.sessions).where(owned).returning({ tokenHash: t.sessions.tokenHash }),
    auditInsert(deps, ctx, 'session.revoked', { userId, metadata: { session_id: sessionId } }),
  ]);
  await evict(
    deps,
    deleted.map((d) => d.tokenHash),
  );
}

/** Revokes every session of the user except the current one. Returns how many were revoked. */
export async function revokeOtherSessions(deps: Deps, ctx: RequestContext, current: ValidSession): Promise<number> {
  const { db, t } = deps;
  const userId = current.record.user.id;
  const [, deleted] = await db.batch([
    // Sign-ins in flight (factor proven before this revocation) must not create a session after it.
    bumpCredentialVersion(deps, userId),
    db
      .delete(t.sessions)
      .where(and(eq(t.sessions.userId, userId), ne(t.sessions.id, current.record.session.id)))
      .returning({ tokenHash: t.sessions.tokenHash }),
    auditInsert(deps, ctx, 'session.revoked', { userId, metadata: { scope: 'others' } }),
  ]);
  await evict(
    deps,
    deleted.map((d) => d.tokenHash),
  );
  return deleted.length;
}
