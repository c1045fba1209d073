import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { maxAgeUntil } from '../../http/cookies.ts';
import type { AppContext } from '../../http/types.ts';
import type { Config } from '../../platform/config.ts';

/**
 * The browser binding of an OAuth flow in progress. Always host-only (never IDENTSPHERE_COOKIE_DOMAIN: no
 * sibling subdomain needs it, or may plant one), `__Host-` when Secure. SameSite=Lax, not Strict: the
 * callback is a top-level navigation coming from the provider's site, and Lax cookies ride on exactly that.
 * With IDENTSPHERE_COOKIE_SAMESITE=none it is None too: linking (POST …/link) sets it from a cross-site fetch,
 * where a browser refuses to store a Lax cookie. The state it binds still has to match, so nothing is weakened.
 */
function flowCookieName(config: Config): string {
  return config.IDENTSPHERE_COOKIES_SECURE ? '__Host-identsphere_oauth' : 'identsphere_oauth';
}

function attributes(config: Config) {
  const sameSite = config.IDENTSPHERE_COOKIE_SAMESITE === 'none' ? ('None' as const) : ('Lax' as const);
  return { httpOnly: true, secure: config.IDENTSPHERE_COOKIES_SECURE, sameSite, path: '/' };
}

export function readFlowCookie(c: AppContext): string | undefined {
  return getCookie(c, flowCookieName(c.var.deps.config));
}

export function writeFlowCookie(c: AppContext, binding: string, expiresAt: Date): void {
  const config = c.var.deps.config;
  setCookie(c, flowCookieName(config), binding, { ...attributes(config), maxAge: maxAgeUntil(c, expiresAt) });
}

export function clearFlowCookie(c: AppContext): void {
  const config = c.var.deps.config;
  deleteCookie(c, flowCookieName(config), attributes(config));
}
