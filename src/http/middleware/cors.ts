/**
 * Credentialed CORS for the explicit allow-list only (a wildcard is refused at config time): an origin that is
 * not listed gets no Access-Control-Allow-Origin, so its scripts cannot read responses. Built once per
 * configuration (src/http/middleware/config-guard.ts), not per request.
 */
export interface CorsPolicy {
  /** The answer to an OPTIONS request (a preflight): 204 with the policy. */
  preflight(origin: string | null): Response;
  /** Adds the policy's headers to any other response. */
  decorate(h: Headers, origin: string | null): void;
}

const ALLOW_METHODS = 'GET,POST,PUT,PATCH,DELETE,OPTIONS';
// Authorization is deliberately absent: a bearer request's CSRF exemption relies on it (src/http/middleware/csrf.ts).
// CF-Turnstile-Response carries the bot-check token of the public forms (src/http/captcha.ts).
const ALLOW_HEADERS = 'Content-Type,X-Request-Id,Idempotency-Key,CF-Turnstile-Response';
const EXPOSE_HEADERS = 'X-Request-Id,Retry-After,Idempotency-Replayed';
const MAX_AGE = '600';

export function corsPolicy(allowedOrigins: readonly string[]): CorsPolicy {
  const allowed = new Set(allowedOrigins);
  const isAllowed = (origin: string | null): origin is string => origin !== null && allowed.has(origin);
  return {
    preflight(origin) {
      const headers: [string, string][] = [
        ['Access-Control-Allow-Credentials', 'true'],
        ['Access-Control-Expose-Headers', EXPOSE_HEADERS],
        ['Vary', 'Origin, Access-Control-Request-Headers'],
        ['Access-Control-Max-Age', MAX_AGE],
        ['Access-Control-Allow-Methods', ALLOW_METHODS],
        ['Access-Control-Allow-Headers', ALLOW_HEADERS],
      ];
      if (isAllowed(origin)) headers.push(['Access-Control-Allow-Origin', origin]);
      return new Response(null, { headers, status: 204, statusText: 'No Content' });
    },
    decorate(h, origin) {
      if (isAllowed(origin)) h.set('Access-Control-Allow-Origin', origin);
      h.set('Access-Control-Allow-Credentials', 'true');
      h.set('Access-Control-Expose-Headers', EXPOSE_HEADERS);
      h.append('Vary', 'Origin');
    },
  };
}
