// The request log line: one JSON object per request, built as one string (no intermediate object), the
// request id it carries, and the country its metrics point carries.
import type { Config } from '../../platform/config.ts';

/** A client's x-request-id is echoed only if it is 8–128 of [A-Za-z0-9._:-]: safe in a header, a log line and JSON. */
export function requestIdFrom(incoming: string | null): string {
  if (incoming === null || incoming.length < 8 || incoming.length > 128) return crypto.randomUUID();
  for (let i = 0; i < incoming.length; i++) {
    const ch = incoming.charCodeAt(i);
    const ok =
      (ch >= 0x61 && ch <= 0x7a) || // a-z
      (ch >= 0x41 && ch <= 0x5a) || // A-Z
      (ch >= 0x30 && ch <= 0x3a) || // 0-9 and ':'
      ch === 0x2e || // .
      ch === 0x5f || // _
      ch === 0x2d; // -
    if (!ok) return crypto.randomUUID();
  }
  return incoming;
}

/**
 * The path of a request URL, as `new URL(url).pathname` gives it: a Request's url is already serialised by the
 * URL parser, so the path runs from the first `/` after the scheme and host to the query or fragment.
 */
export function pathOf(url: string): string {
  const start = url.indexOf('/', url.indexOf(':') + 3);
  if (start < 0) return '/';
  let end = url.indexOf('?', start);
  const hash = url.indexOf('#', start);
  if (end < 0 || (hash >= 0 && hash < end)) end = hash;
  return end < 0 ? url.slice(start) : url.slice(start, end);
}

export interface RequestLogFields {
  requestId: string;
  method: string;
  route: string;
  path: string;
  status: number;
  durationMs: number;
  userId: string | undefined;
}

/**
 * The line, exactly what `log(level, 'request', {...})` printed (same keys, same order), written by hand: the
 * request id (requestIdFrom or a UUID) and the timestamp need no escaping; every other string goes through
 * JSON.stringify.
 */
export function requestLogLine(level: 'info' | 'error', f: RequestLogFields): string {
  return (
    `{"level":"${level}","msg":"request","time":"${new Date().toISOString()}","request_id":"${f.requestId}",` +
    `"method":${JSON.stringify(f.method)},"route":${JSON.stringify(f.route)},"path":${JSON.stringify(f.path)},` +
    `"status":${f.status},"duration_ms":${f.durationMs},"user_id":${f.userId === undefined ? 'null' : JSON.stringify(f.userId)}}`
  );
}

const SESSION_CHECK_ROUTE = '/v1/auth/session';

/**
 * Whether this request's line is printed. Every line is, except — when IDENTSPHERE_LOG_SAMPLE_SESSION_CHECKS is
 * below 1 — successful session checks (GET /v1/auth/session answered 2xx), of which that fraction is kept.
 * Errors and refusals (4xx, 5xx) and every other route are always logged; the response keeps its x-request-id.
 */
export function keepRequestLine(config: Config | undefined, method: string, route: string, status: number): boolean {
  const rate = config?.IDENTSPHERE_LOG_SAMPLE_SESSION_CHECKS ?? 1;
  if (rate >= 1 || status >= 300 || route !== SESSION_CHECK_ROUTE || method !== 'GET') return true;
  return Math.random() < rate;
}

/**
 * The visitor's country for the metrics point: the `cf-ipcountry` header Cloudflare's edge adds to every request
 * (IP Geolocation, on by default in the zone's Network settings), else `request.cf.country`, else `XX`. The
 * header comes first because reading `request.cf` deserialises the whole cf object on each request (measured
 * under `wrangler dev`: about 1 ms of CPU per request, more than the rest of a session check). The value becomes
 * a metric dimension, so anything but two capital letters or digits (ISO codes, Cloudflare's XX and T1) is
 * dropped: a client reaching the Worker without the edge's header cannot grow the dimension's cardinality.
 */
export function countryOf(request: Request): string {
  const header = request.headers.get('cf-ipcountry');
  if (header !== null && isCountryCode(header)) return header;
  const cf = request.cf?.country;
  return typeof cf === 'string' && isCountryCode(cf) ? cf : 'XX';
}

function isCountryCode(value: string): boolean {
  return /^[A-Z][A-Z0-9]$/.test(value);
}
