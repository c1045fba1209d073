import type { Env } from './platform/config.ts';
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
  await runScheduledMaintenance(built.deps);
}
