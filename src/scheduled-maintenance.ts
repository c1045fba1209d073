import { lt } from 'drizzle-orm';
import { loggableError } from './db/errors.ts';
import { drainAvatarDeletions } from './features/accounts/avatar-deletions.ts';
import { clearExpiredDisables } from './features/admin/user-moderation.ts';
import { purgeAuditLogs } from './features/audit/audit-retention.ts';
import { purgeExpiredIdempotencyKeys } from './features/idempotency/idempotency.ts';
import { pruneExpiredSigningKeys, rotateSigningKeyIfDue } from './features/tokens/signing-keys.ts';
import { purgeWebhookEvents } from './features/webhooks/webhook-events.ts';
import type { Deps } from './platform/deps.ts';
import { log } from './platform/log.ts';

/** Invitations past their expiry are useless, and they hold the invitee's address. */
export async function purgeExpiredInvitations(deps: Deps): Promise<number> {
  const inv = deps.t.invitations;
  const deleted = await deps.db.delete(inv).where(lt(inv.expiresAt, deps.clock.now())).returning({ id: inv.id });
  return deleted.length;
}

/**
 * The Cron Trigger's work ([triggers] crons in wrangler.toml): audit-log retention, avatar objects whose
 * deletion failed earlier, expired invitations, expired idempotency keys, signing-key rotation (when the
 * active key is older than IDENTSPHERE_SIGNING_KEY_ROTATION_DAYS), keys no longer published, timed disables
 * that have ended and webhook events past the delivery log's 30 days. Each task runs even if another failed.
 */
export async function runScheduledMaintenance(deps: Deps): Promise<Record<string, number | string>> {
  const tasks: Record<string, () => Promise<number>> = {
    audit_rows_deleted: () => purgeAuditLogs(deps),
    avatar_objects_deleted: () => drainAvatarDeletions(deps),
    invitations_expired: () => purgeExpiredInvitations(deps),
    idempotency_keys_expired: () => purgeExpiredIdempotencyKeys(deps),
    signing_keys_rotated: () => rotateSigningKeyIfDue(deps),
    signing_keys_pruned: () => pruneExpiredSigningKeys(deps),
    disables_expired: () => clearExpiredDisables(deps),
    webhook_events_purged: () => purgeWebhookEvents(deps),
  };
  const outcome: Record<string, number | string> = {};
  for (const [name, task] of Object.entries(tasks)) {
    try {
      outcome[name] = await task();
    } catch (err) {
      outcome[name] = 'failed';
      log('error', 'scheduled task failed', { task: name, ...loggableError(err) });
    }
  }
  log('info', 'scheduled maintenance', outcome);
  return outcome;
}
