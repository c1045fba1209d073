import { createMiddleware } from 'hono/factory';
import { routePath } from 'hono/route';
import type { AppEnv } from '../types.ts';
import { keepRequestLine, pathOf, requestIdFrom, requestLogLine } from './request-log.ts';
import { applySecurityHeaders } from './security-headers.ts';

/**
 * The outermost pass over every request, configured or not: the request id (`x-request-id` in and out), the
 * security headers, one JSON log line and one metrics point. Runs after everything else, error answers
 * included, so none of them leaves without these.
 */
export const requestEnvelope = createMiddleware<AppEnv>(async (c, next) => {
  const requestId = requestIdFrom(c.req.raw.headers.get('x-request-id'));
  c.set('requestId', requestId);
  const started = performance.now();
  await next();
  const { deps } = c.var; // unset when the configuration was refused
  const h = c.res.headers;
  applySecurityHeaders(h, deps?.config.IDENTSPHERE_PUBLIC_BASE_URL.startsWith('https://') === true);
  h.set('x-request-id', requestId);
  // Wall time as seen inside the isolate (it does not advance during pure CPU work; see README, Performance).
  const durationMs = Math.round(performance.now() - started);
  const matched = routePath(c, -1);
  const route = matched === '/*' ? 'unmatched' : matched;
  const { method } = c.req;
  const { status } = c.res;
  if (keepRequestLine(deps?.config, method, route, status)) {
    const fields = { requestId, method, route, path: pathOf(c.req.url), status, durationMs, userId: c.var.userId };
    if (status >= 500) console.error(requestLogLine('error', fields));
    else console.log(requestLogLine('info', fields));
  }
  deps?.metrics.record({ route, method, status, durationMs, country: countryOf(c.req.raw) });
});

/**
 * The visitor's country for the metrics point: the `cf-ipcountry` header Cloudflare's edge adds to every request
 * (IP Geolocation, on by default in the zone's Network settings), else `request.cf.country`, else `XX`. The
 * header comes first because reading `request.cf` deserialises the whole cf object on each request (measured
 * under `wrangler dev`: about 1 ms of CPU per request, more than the rest of a session check). The value becomes
 * a metric dimension, so anything but two capital letters or digits (ISO codes, Cloudflare's XX and T1) is
 * dropped: a client reaching the Worker without the edge's header cannot grow the dimension's cardinality.
 */
function countryOf(request: Request): string {
  const header = request.headers.get('cf-ipcountry');
  if (header !== null && isCountryCode(header)) return header;
  const cf = request.cf?.country;
  return typeof cf === 'string' && isCountryCode(cf) ? cf : 'XX';
}

function isCountryCode(value: string): boolean {
  return /^[A-Z][A-Z0-9]$/.test(value);
}
