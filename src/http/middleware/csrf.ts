import { ApiError } from '../../lib/errors.ts';
import type { Config } from '../../platform/config.ts';
import { isBearerRequest } from '../session-credential.ts';
import type { AppContext } from '../types.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether the method can change state (everything but GET, HEAD and OPTIONS). */
export function isStateChanging(method: string): boolean {
  return !SAFE_METHODS.has(method);
}

// The Worker's own origin, parsed once per configuration.
const ownOrigins = new WeakMap<Config, string>();
function ownOrigin(config: Config): string {
  let own = ownOrigins.get(config);
  if (own === undefined) {
    own = new URL(config.IDENTSPHERE_PUBLIC_BASE_URL).origin;
    ownOrigins.set(config, own);
  }
  return own;
}

/**
 * Cookies ride along on cross-site requests, so a state-changing request must prove it came from a trusted
 * page: browsers always send Origin on POST/PUT/PATCH/DELETE, and it must be allow-listed (or our own).
 * A body must be JSON, which a foreign page cannot send without a CORS preflight we would refuse.
 * No Origin at all means a non-browser client (curl, a server), which carries no ambient cookies to abuse.
 *
 * A bearer request with no cookie at all is exempt: its credential is the Authorization header, which a
 * browser never attaches on its own, and a foreign page cannot set it cross-site without a CORS preflight
 * (Authorization is not an allowed header, src/http/middleware/cors.ts). Any Cookie header — the device cookie
 * included — brings back every rule, so an ambient credential never rides on a bearer exemption.
 *
 * Called for state-changing requests only (src/http/middleware/request-guards.ts); throws `csrf`.
 */
export function refuseCrossSite(c: AppContext): void {
  if (isBearerRequest(c) && c.req.header('cookie') === undefined) return;
  const { config } = c.var.deps;
  const origin = c.req.header('origin');
  if (origin !== undefined && origin !== ownOrigin(config) && !config.IDENTSPHERE_CORS_ORIGINS.includes(origin)) {
    throw new ApiError('csrf', 'Cross-site request refused: origin not allowed.');
  }
  const length = c.req.header('content-length');
  const hasBody = (length !== undefined && length !== '0') || c.req.header('transfer-encoding') !== undefined;
  const type = c.req.header('content-type') ?? '';
  if (hasBody && !/^application\/json\s*(;|$)/i.test(type) && !isRawUpload(c.req.path)) {
    throw new ApiError('csrf', 'Cross-site request refused: the body must be application/json.');
  }
}

/** Routes that take a raw body (avatar upload) check their own content type. */
function isRawUpload(path: string): boolean {
  return path === '/v1/auth/me/avatar';
}
