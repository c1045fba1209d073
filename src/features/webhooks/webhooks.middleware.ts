import { createMiddleware } from 'hono/factory';
import { runInBackground } from '../../http/background.ts';
import type { AppEnv } from '../../http/types.ts';
import { enqueueWebhookEvents } from './webhook-events.ts';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The webhook producer: after a state-changing request, its outbox events (written by the audit trigger in
 * the request's own transactions) go to the JOBS queue in the background. Refusals (4xx) changed nothing
 * and are skipped; a 5xx may follow a commit, so it is not. Whatever this misses, the Cron sweep sends.
 */
export const webhookProducer = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  const { deps, requestId } = c.var;
  const status = c.res.status;
  if (!deps || READS.has(c.req.method) || (status >= 400 && status < 500)) return;
  runInBackground(c, 'webhook events', () => enqueueWebhookEvents(deps, requestId));
});
