import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { sameSite } from '../../http/cookies.ts';
import type { AppEnv } from '../../http/types.ts';
import type { Config } from '../../platform/config.ts';
import { DEVICE_COOKIE_MAX_AGE_SECONDS, isDeviceTokenFor, issueDeviceToken } from './device-trust.ts';

/**
 * The device cookie (src/features/sign-in/device-trust.ts) is always host-only — never shared with sibling subdomains,
 * whatever IDENTSPHERE_COOKIE_DOMAIN says — and `__Host-` prefixed when Secure, so no other host can plant one.
 */
export function deviceCookieName(config: Config): string {
  return config.IDENTSPHERE_COOKIES_SECURE ? '__Host-identsphere_device' : 'identsphere_device';
}

export function readDeviceCookie(c: Context<AppEnv>): string | undefined {
  return getCookie(c, deviceCookieName(c.var.deps.config));
}

/** After a successful sign-in: this browser is now known for `userId` (a valid cookie for them is kept). */
export async function rememberDevice(c: Context<AppEnv>, userId: string): Promise<void> {
  const { deps } = c.var;
  if (await isDeviceTokenFor(deps, readDeviceCookie(c), userId)) return;
  setCookie(c, deviceCookieName(deps.config), await issueDeviceToken(deps, userId), {
    httpOnly: true,
    secure: deps.config.IDENTSPHERE_COOKIES_SECURE,
    // Like the session cookie: set and read by the frontend's sign-in fetches, cross-site with `none`.
    sameSite: sameSite(deps.config),
    path: '/',
    maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS,
  });
}
