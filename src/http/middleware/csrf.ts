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
 * IDENTSPHERE_COOKIE_SAMESITE=none: no exceptions. Every state-changing request must carry an allow-listed (or our
 * own) Origin — no Origin-less pass, no bearer exemption, no Sec-Fetch-Site or Referer fallback. Under Lax the
 * browser itself keeps the cookie off cross-site POSTs, so the Origin check is a second line and an absent Origin
 * can be trusted to mean "not a browser". Under None the cookie rides on every cross-site request, from any
 * site: the Origin check is the only line, and whatever strips or omits Origin (an old browser, an extension, a
 * proxy) would turn a pass into a forged request with the victim's cookie. Fallbacks are weaker signals (Referer
 * is optional and policy-controlled). One rule with nothing to reason about is the one that stays right;
 * non-browser clients (curl, native apps) add the header themselves.
 *
 * Called for state-changing requests only (src/http/middleware/request-guards.ts); throws `csrf`.
 */
export function refuseCrossSite(c: AppContext): void {
  const { config } = c.var.deps;
  const strict = config.IDENTSPHERE_COOKIE_SAMESITE === 'none';
  if (!strict && isBearerRequest(c) && c.req.header('cookie') === undefined) return;
  const origin = c.req.header('origin');
  if (strict && origin === undefined) {
    throw new ApiError('csrf', 'Cross-site request refused: an allowed Origin header is required.');
  }
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
