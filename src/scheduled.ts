import { loggableError } from './db/errors.ts';
import { sweepWebhookEvents } from './features/webhooks/webhook-events.ts';
import { runJobsInProcess } from './jobs.ts';
import type { Env } from './platform/config.ts';
import { SWEEP_CRON } from './platform/cron-schedules.ts';
import { getDeps } from './platform/deps.ts';
import { log } from './platform/log.ts';
import { runScheduledMaintenance } from './scheduled-maintenance.ts';

/** The Worker's `scheduled` handler (Cron Trigger). A misconfigured Worker does nothing (and says so). */
export async function scheduled(controller: ScheduledController, env: Env): Promise<void> {
  const built = getDeps(env);
  if (!built.ok) {
    log('error', 'scheduled run skipped: configuration is unsafe or invalid', { cron: controller.cron });
    return;
  }
  runJobsInProcess(built.deps);
  // Every run sends webhook events the request producers missed (a crash between commit and enqueue). A failed
  // sweep (the queue or the database down) is logged and retried by the next run; the maintenance still runs.
  try {
    await sweepWebhookEvents(built.deps);
  } catch (err) {
    log('error', 'webhook sweep failed', loggableError(err));
  }
  if (controller.cron !== SWEEP_CRON) await runScheduledMaintenance(built.deps);
}
