// The request log line: one JSON object per request, built as one string (no intermediate object), and the
// request id it carries.
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
