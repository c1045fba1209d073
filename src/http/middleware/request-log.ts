import { createMiddleware } from 'hono/factory';
import { routePath } from 'hono/route';
import { log } from '../../platform/log.ts';
import type { AppEnv } from '../types.ts';

const INCOMING_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** Request id (`x-request-id` in and out) and one JSON log line per request. */
export const requestLog = createMiddleware<AppEnv>(async (c, next) => {
  const incoming = c.req.header('x-request-id');
  const requestId = incoming && INCOMING_ID.test(incoming) ? incoming : crypto.randomUUID();
  c.set('requestId', requestId);
  const started = performance.now();
  await next();
  c.res.headers.set('x-request-id', requestId);
  // Wall time as seen inside the isolate (it does not advance during pure CPU work; see README, Performance).
  const durationMs = Math.round(performance.now() - started);
  const route = routePath(c, -1) === '/*' ? 'unmatched' : routePath(c, -1);
  log(c.res.status >= 500 ? 'error' : 'info', 'request', {
    request_id: requestId,
    method: c.req.method,
    route,
    path: new URL(c.req.url).pathname,
    status: c.res.status,
    duration_ms: durationMs,
    user_id: c.var.userId ?? null,
  });
  const country = (c.req.raw.cf?.country as string | undefined) ?? 'XX';
  c.var.deps?.metrics.record({ route, method: c.req.method, status: c.res.status, durationMs, country });
});
