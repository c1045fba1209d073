/**
 * An API that never renders HTML: deny framing, sniffing, referrers and caching of auth responses. The list is
 * built once per isolate; each response only gets the values set.
 */
const ALWAYS: readonly (readonly [name: string, value: string])[] = [
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  ['Referrer-Policy', 'no-referrer'],
  ['Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'"],
  ['Cross-Origin-Resource-Policy', 'same-site'],
];
const HSTS = 'max-age=63072000; includeSubDomains';

/**
 * Sets the security headers on a response. `hsts`: the Worker is served over https (never sent over plain
 * http, where it would pin a host the browser cannot reach securely). A route's own Cache-Control stands.
 */
export function applySecurityHeaders(h: Headers, hsts: boolean): void {
  for (const [name, value] of ALWAYS) h.set(name, value);
  if (!h.has('Cache-Control')) h.set('Cache-Control', 'no-store');
  if (hsts) h.set('Strict-Transport-Security', HSTS);
}
