import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../types.ts';

/** An API that never renders HTML: deny framing, sniffing, referrers and caching of auth responses. */
export const securityHeaders = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  const h = c.res.headers;
  h.set('X-Content-Type-Options', 'nosniff');
  h.set('X-Frame-Options', 'DENY');
  h.set('Referrer-Policy', 'no-referrer');
  h.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
  h.set('Cross-Origin-Resource-Policy', 'same-site');
  if (!h.has('Cache-Control')) h.set('Cache-Control', 'no-store');
  if (c.var.deps?.config.IDENTSPHERE_PUBLIC_BASE_URL.startsWith('https://')) {
    h.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
  }
});
