import { inArray } from 'drizzle-orm';
import { loggableError } from '../../db/errors.ts';
import type { DataDeps } from '../../platform/deps.ts';
import { log } from '../../platform/log.ts';

/**
 * Deletes queued avatar objects from storage, then their queue rows. Failures stay queued for the scheduled
 * job. Returns how many objects were deleted.
 */
export async function drainAvatarDeletions(deps: DataDeps, only?: string[], limit = 100): Promise<number> {
  const { db, t } = deps;
  const queued = only
    ? only
    : (await db.select({ key: t.avatarDeletions.key }).from(t.avatarDeletions).orderBy(t.avatarDeletions.queuedAt).limit(limit)).map(
        (r) => r.key,
      );
  const deleted: string[] = [];
  for (const key of queued) {
    try {
      await deps.avatars.delete(key);
      deleted.push(key);
    } catch (err) {
      log('warn', 'avatar object deletion failed; left queued for the scheduled job', loggableError(err));
    }
  }
  if (deleted.length) {
    await db
      .delete(t.avatarDeletions)
      .where(inArray(t.avatarDeletions.key, deleted))
      .catch((err) => log('warn', 'avatar deletion queue cleanup failed', loggableError(err)));
  }
  return deleted.length;
}
