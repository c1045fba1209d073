import { cors as honoCors } from 'hono/cors';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../types.ts';

/**
 * Credentialed CORS for the explicit allow-list only (a wildcard is refused at config time): an origin that is
 * not listed gets no Access-Control-Allow-Origin, so its scripts cannot read responses.
 */
export const cors = createMiddleware<AppEnv>((c, next) => {
  const allowed = c.var.deps.config.IDENTSPHERE_CORS_ORIGINS;
  return honoCors({
    origin: (origin) => (allowed.includes(origin) ? origin : null),
    credentials: true,
    allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    allowHeaders: ['Content-Type', 'X-Request-Id', 'Idempotency-Key'],
    exposeHeaders: ['X-Request-Id', 'Retry-After', 'Idempotency-Replayed'],
    maxAge: 600,
  })(c, next);
});
