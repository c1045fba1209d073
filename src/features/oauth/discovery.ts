import * as z from 'zod';
import { ApiError } from '../../lib/errors.ts';
import type { Deps } from '../../platform/deps.ts';
import { log } from '../../platform/log.ts';

const DISCOVERY_TTL_MS = 60 * 60 * 1000;

const endpoint = z.url({ protocol: /^https?$/ });

const DiscoveryDocument = z.looseObject({
  issuer: z.string(),
  authorization_endpoint: endpoint,
  token_endpoint: endpoint,
  jwks_uri: endpoint,
  userinfo_endpoint: endpoint.optional(),
  authorization_response_iss_parameter_supported: z.boolean().optional(),
});

export type DiscoveryDocument = z.output<typeof DiscoveryDocument>;

// Per isolate, per fetch implementation (tests inject their own), per issuer.
const cache = new WeakMap<typeof fetch, Map<string, { doc: DiscoveryDocument; expires: number }>>();

/**
 * deps.fetch bounded by the provider time limit. Every outbound call to a provider (discovery, JWKS, token
 * exchange, userinfo) goes through it: a provider that accepts the connection and never answers must not hold
 * the user's request (and the Worker) for minutes.
 */
export function providerFetch(deps: Deps): typeof fetch {
  return (input, init) => deps.fetch(input, { ...init, signal: AbortSignal.timeout(deps.providerTimeoutMs) });
}

/** GET as JSON through providerFetch; a network failure, timeout or non-2xx is the provider being unavailable. */
export async function fetchJson(deps: Deps, url: string, init: RequestInit = {}): Promise<unknown> {
  let res: Response;
  try {
    res = await providerFetch(deps)(url, init);
  } catch (err) {
    log('warn', 'oauth provider unreachable', { url, error: String(err) });
    throw new ApiError('oauth_provider_unavailable', undefined, { cause: err });
  }
  if (!res.ok) {
    await res.body?.cancel();
    log('warn', 'oauth provider answered an error', { url, status: res.status });
    throw new ApiError('oauth_provider_unavailable');
  }
  try {
    return await res.json();
  } catch (err) {
    throw new ApiError('oauth_provider_unavailable', undefined, { cause: err });
  }
}

/**
 * The provider's OpenID discovery document. Security: it must name exactly the configured issuer (OpenID
 * Connect Discovery §4.3), and a provider configured with an https issuer must use https endpoints, so a
 * tampered or mixed-up document cannot point us at someone else's keys or token endpoint.
 */
export async function discover(deps: Deps, issuer: string): Promise<DiscoveryDocument> {
  let perFetch = cache.get(deps.fetch);
  if (!perFetch) cache.set(deps.fetch, (perFetch = new Map()));
  const now = deps.clock.now().getTime();
  const hit = perFetch.get(issuer);
  if (hit && hit.expires > now) return hit.doc;

  const url = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  const parsed = DiscoveryDocument.safeParse(await fetchJson(deps, url, { headers: { accept: 'application/json' } }));
  const secure = issuer.startsWith('https://');
  const problem = !parsed.success
    ? 'malformed document'
    : parsed.data.issuer !== issuer
      ? `issuer mismatch (${parsed.data.issuer})`
      : secure &&
          [parsed.data.authorization_endpoint, parsed.data.token_endpoint, parsed.data.jwks_uri, parsed.data.userinfo_endpoint].some(
            (u) => u && !u.startsWith('https://'),
          )
        ? 'non-https endpoint'
        : null;
  if (problem || !parsed.success) {
    log('error', 'oauth discovery document refused', { issuer, problem });
    throw new ApiError('oauth_provider_unavailable');
  }
  perFetch.set(issuer, { doc: parsed.data, expires: now + DISCOVERY_TTL_MS });
  return parsed.data;
}
