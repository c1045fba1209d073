import { sweepWebhookEvents } from './features/webhooks/webhook-events.ts';
import type { Env } from './platform/config.ts';
import { getDeps } from './platform/deps.ts';
import { log } from './platform/log.ts';
import { runScheduledMaintenance } from './scheduled-maintenance.ts';

/** The frequent Cron Trigger (wrangler.toml): the webhook sweep only. Every other schedule runs the maintenance too. */
export const SWEEP_CRON = '* * * * *';

/** The Worker's `scheduled` handler (Cron Trigger). A misconfigured Worker does nothing (and says so). */
export async function scheduled(controller: ScheduledController, env: Env): Promise<void> {
  const built = getDeps(env);
  if (!built.ok) {
    log('error', 'scheduled run skipped: configuration is unsafe or invalid', { cron: controller.cron });
    return;
  }
  // Every run sends webhook events the request producers missed (a crash between commit and enqueue).
  await sweepWebhookEvents(built.deps);
  if (controller.cron !== SWEEP_CRON) await runScheduledMaintenance(built.deps);
}
