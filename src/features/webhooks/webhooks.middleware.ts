import { createMiddleware } from 'hono/factory';
import { runInBackground } from '../../http/background.ts';
import type { AppEnv } from '../../http/types.ts';
import { enqueueWebhookEvents } from './webhook-events.ts';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
// Writes nothing (an access token minted from the session) and must stay free of database queries when warm.
const NO_EVENTS = new Set(['/v1/auth/token']);

/** Whether the request has committed events to send: a successful write, or a redirecting GET (the OAuth callback). */
function mayHaveChanged(method: string, status: number): boolean {
  if (READS.has(method)) return method === 'GET' && status >= 300 && status < 400;
  return status < 400;
}

/**
 * The webhook producer: after a state-changing request, its outbox events (written by the audit trigger in
 * the request's own transactions) go to the JOBS queue in the background; the OAuth callback signs in and
 * links on a GET. Errors are skipped: a 4xx is a refusal, and a 5xx (usually the database failing) is no
 * moment for another query; whatever an error response did commit waits for the Cron sweep (a minute at most).
 */
export const webhookProducer = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  const { deps, requestId } = c.var;
  if (!deps || NO_EVENTS.has(c.req.path) || !mayHaveChanged(c.req.method, c.res.status)) return;
  runInBackground(c, 'webhook events', () => enqueueWebhookEvents(deps, requestId));
});
