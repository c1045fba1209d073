import type { ConfigProblem } from './config-problem.ts';
import type { Config } from './config-schema.ts';

/**
 * The relying party a passkey is bound to. The browser only lets a page use an RP ID equal to its own host or
 * a registrable suffix of it, so a frontend on app.example.com calling auth.example.com needs the shared
 * parent (example.com) as RP ID and its own origin in IDENTSPHERE_RP_ORIGIN. Default: the public URL's host.
 */
export function rpId(config: Config): string {
  return config.IDENTSPHERE_RP_ID ?? new URL(config.IDENTSPHERE_PUBLIC_BASE_URL).hostname;
}

/** True when `host` is `id` or a subdomain of it (label boundary, no partial-label matches). */
export function hostWithin(host: string, id: string): boolean {
  return host === id || host.endsWith(`.${id}`);
}

/**
 * The origins whose WebAuthn responses are accepted (clientDataJSON.origin must be one of them). Default: the
 * Worker's own origin plus every CORS origin that can use the RP ID.
 */
export function rpOrigins(config: Config): string[] {
  if (config.IDENTSPHERE_RP_ORIGIN.length) return config.IDENTSPHERE_RP_ORIGIN;
  const id = rpId(config);
  const candidates = [new URL(config.IDENTSPHERE_PUBLIC_BASE_URL).origin, ...config.IDENTSPHERE_CORS_ORIGINS];
  return [...new Set(candidates.filter((o) => hostWithin(new URL(o).hostname, id)))];
}

/** Production checks: RP ID is the public host or a registrable suffix of it; every RP origin is https and under it. */
export function webauthnProblems(config: Config): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const host = new URL(config.IDENTSPHERE_PUBLIC_BASE_URL).hostname;
  const id = rpId(config);
  // A bare TLD ("com") is never registrable. Multi-label public suffixes (co.uk) cannot be told apart without
  // the Public Suffix List; browsers refuse those RP IDs at the ceremony, and the README says so.
  if (!hostWithin(host, id) || !id.includes('.')) {
    problems.push({ setting: 'IDENTSPHERE_RP_ID', reason: `must be the public base URL's host (${host}) or a registrable suffix of it` });
  }
  for (const origin of rpOrigins(config)) {
    const u = new URL(origin);
    if (u.protocol !== 'https:' || !hostWithin(u.hostname, id)) {
      problems.push({ setting: 'IDENTSPHERE_RP_ORIGIN', reason: `${origin} must be an https:// origin on ${id} or a subdomain of it` });
    }
  }
  return problems;
}
