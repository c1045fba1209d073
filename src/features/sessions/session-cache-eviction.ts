import { inArray } from 'drizzle-orm';
import type { DataDeps } from '../../platform/deps.ts';
import { log } from '../../platform/log.ts';

/**
 * Drops every cached session record of these users, so a change to what the record shows (name, email,
 * organization, role) is seen on their next request. There is no user → sessions index in the cache: the
 * sessions table gives each session's token hash, the cache key. Best effort: a KV failure leaves a stale
 * copy for at most IDENTSPHERE_SESSION_CACHE_TTL, and authorization never trusts the cached role.
 */
export async function evictUserSessions(deps: DataDeps, userIds: string[]): Promise<void> {
  if (!userIds.length) return;
  const { sessions } = deps.t;
  const rows = await deps.db.select({ tokenHash: sessions.tokenHash }).from(sessions).where(inArray(sessions.userId, userIds));
  await evictTokenHashes(
    deps,
    rows.map((r) => r.tokenHash),
  );
}

export async function evictTokenHashes(deps: Pick<DataDeps, 'sessionCache'>, tokenHashes: string[]): Promise<void> {
  const results = await Promise.allSettled(tokenHashes.map((h) => deps.sessionCache.delete(h)));
  const failed = results.filter((r) => r.status === 'rejected').length;
  if (failed) log('warn', 'session cache eviction failed', { failed });
}
