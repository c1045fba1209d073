import { createMiddleware } from 'hono/factory';
import { runInBackground } from '../../http/background.ts';
import type { AppEnv } from '../../http/types.ts';
import { enqueueWebhookEvents } from './webhook-events.ts';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether the request may have committed events: a write not refused (4xx), or a redirecting GET (the OAuth callback). */
function mayHaveChanged(method: string, status: number): boolean {
  if (READS.has(method)) return method === 'GET' && status >= 300 && status < 400;
  return status < 400 || status >= 500;
}

/**
 * The webhook producer: after a state-changing request, its outbox events (written by the audit trigger in
 * the request's own transactions) go to the JOBS queue in the background. Refusals (4xx) changed nothing
 * and are skipped; a 5xx may follow a commit, so it is not; the OAuth callback signs in and links on a GET. Whatever this misses, the Cron sweep sends.
 */
export const webhookProducer = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  const { deps, requestId } = c.var;
  if (!deps || !mayHaveChanged(c.req.method, c.res.status)) return;
  runInBackground(c, 'webhook events', () => enqueueWebhookEvents(deps, requestId));
});
