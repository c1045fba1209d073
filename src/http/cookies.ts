import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Config } from '../platform/config.ts';
import type { AppContext } from './types.ts';

/** The session cookie's name: `secure` in production (Secure cookies, no shared Domain), `plain` otherwise. */
export const SESSION_COOKIE_NAMES = { secure: '__Host-identsphere_session', plain: 'identsphere_session' } as const;

/**
 * `__Host-` when Secure and host-only: the browser then refuses the cookie unless it is Secure, Path=/ and
 * has no Domain, so a sibling subdomain cannot plant or overwrite it.
 */
export function sessionCookieName(config: Config): string {
  return config.IDENTSPHERE_COOKIES_SECURE && !config.IDENTSPHERE_COOKIE_DOMAIN ? SESSION_COOKIE_NAMES.secure : SESSION_COOKIE_NAMES.plain;
}

const SAME_SITE = { lax: 'Lax', strict: 'Strict', none: 'None' } as const;

/**
 * SameSite of the cookies a frontend's fetches must carry (session, device). Lax by default: sibling subdomains
 * are same-site, so the frontend's fetches carry them and cross-site POSTs do not. `none` (a frontend on another
 * site) sends them on cross-site requests too: the config requires Secure with it, and CSRF then demands an
 * allow-listed Origin on every state-changing request (src/http/middleware/csrf.ts).
 */
export function sameSite(config: Config): (typeof SAME_SITE)[keyof typeof SAME_SITE] {
  return SAME_SITE[config.IDENTSPHERE_COOKIE_SAMESITE];
}

function attributes(config: Config) {
  return {
    httpOnly: true,
    secure: config.IDENTSPHERE_COOKIES_SECURE,
    sameSite: sameSite(config),
    path: '/',
    ...(config.IDENTSPHERE_COOKIE_DOMAIN ? { domain: config.IDENTSPHERE_COOKIE_DOMAIN } : {}),
  };
}

export function readSessionCookie(c: AppContext): string | undefined {
  return getCookie(c, sessionCookieName(c.var.deps.config));
}

/** Max-Age in whole seconds until `expiresAt` (never negative), by the deps clock. */
export function maxAgeUntil(c: AppContext, expiresAt: Date): number {
  return Math.max(0, Math.floor((expiresAt.getTime() - c.var.deps.clock.now().getTime()) / 1000));
}

export function writeSessionCookie(c: AppContext, jwt: string, expiresAt: Date): void {
  const config = c.var.deps.config;
  setCookie(c, sessionCookieName(config), jwt, { ...attributes(config), maxAge: maxAgeUntil(c, expiresAt) });
}

export function clearSessionCookie(c: AppContext): void {
  const config = c.var.deps.config;
  deleteCookie(c, sessionCookieName(config), attributes(config));
}
