import { and, lt, sql } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { log } from '../../platform/log.ts';

export const RETENTION_BATCH_SIZE = 1000;
/** Bounds one run (subrequests, CPU); a backlog is worked off over the following runs. */
export const RETENTION_MAX_BATCHES = 50;

/**
 * Deletes audit rows older than IDENTSPHERE_AUDIT_RETENTION_DAYS, in batches of RETENTION_BATCH_SIZE (short
 * statements: no long lock on a busy table). Returns how many rows were deleted.
 */
export async function purgeAuditLogs(
  deps: Deps,
  opts = { batchSize: RETENTION_BATCH_SIZE, maxBatches: RETENTION_MAX_BATCHES },
): Promise<number> {
  const days = deps.config.IDENTSPHERE_AUDIT_RETENTION_DAYS;
  if (days === 0) return 0;
  const a = deps.t.auditLogs;
  const cutoff = new Date(deps.clock.now().getTime() - days * 86400 * 1000);
  let total = 0;
  for (let i = 0; i < opts.maxBatches; i++) {
    const oldest = deps.db.select({ id: a.id }).from(a).where(lt(a.createdAt, cutoff)).orderBy(a.createdAt).limit(opts.batchSize);
    const deleted = await deps.db
      .delete(a)
      .where(and(sql`${a.id} in (${oldest})`, lt(a.createdAt, cutoff)))
      .returning({ id: a.id });
    total += deleted.length;
    if (deleted.length < opts.batchSize) break;
  }
  log('info', 'audit retention', { deleted: total, cutoff: cutoff.toISOString(), retention_days: days });
  return total;
}
