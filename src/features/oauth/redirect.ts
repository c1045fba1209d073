import { ApiError } from '../../lib/errors.ts';
import type { Config } from '../../platform/config.ts';

/** Origins a sign-in may return to: the app's and the CORS allow-list (the frontends we already trust). */
function allowedOrigins(config: Config): Set<string> {
  const origins = new Set(config.IDENTSPHERE_CORS_ORIGINS);
  if (config.IDENTSPHERE_APP_URL) origins.add(new URL(config.IDENTSPHERE_APP_URL).origin);
  return origins;
}

/**
 * The validated return address of a flow. Security: only an absolute http(s) URL on an allow-listed origin is
 * accepted (compared as a parsed origin, never by prefix), so the callback cannot become an open redirect that
 * hands a session — or an MFA token — to another site. Absent: the app URL.
 */
export function validateRedirect(config: Config, redirectTo: string | undefined): string {
  if (redirectTo === undefined || redirectTo === '') {
    if (config.IDENTSPHERE_APP_URL) return config.IDENTSPHERE_APP_URL;
    throw new ApiError('invalid_redirect', 'redirect_to is required (IDENTSPHERE_APP_URL is not set).');
  }
  let url: URL;
  try {
    url = new URL(redirectTo);
  } catch {
    throw new ApiError('invalid_redirect');
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) {
    throw new ApiError('invalid_redirect');
  }
  if (!allowedOrigins(config).has(url.origin)) throw new ApiError('invalid_redirect');
  return url.href;
}

/** Where errors go when no validated redirect_to is known: the app URL, if configured. */
export function fallbackRedirect(config: Config): string | null {
  return config.IDENTSPHERE_APP_URL ?? null;
}

/** `target` with query parameters set (e.g. `error`) and/or a fragment (e.g. `mfa_token`, kept out of logs). */
export function redirectUrl(target: string, extra: { query?: Record<string, string>; fragment?: Record<string, string> } = {}): string {
  const url = new URL(target);
  for (const [name, value] of Object.entries(extra.query ?? {})) url.searchParams.set(name, value);
  if (extra.fragment) url.hash = new URLSearchParams(extra.fragment).toString();
  return url.href;
}
