// The OAuth 2.0 authorization-code flow with PKCE (RFC 6749 §4.1, RFC 7636), for every provider. Written out
// rather than through a client library: the token request goes through `deps.fetch` like every other call to a
// provider (tests fake providers at that boundary, and the provider deadline applies), with no global fetch
// to patch. (arctic 3.7.0, used before, is archived upstream and only calls the global fetch.)

import { base64Url } from '../../lib/encoding.ts';
import { ApiError } from '../../lib/errors.ts';
import type { Deps } from '../../platform/deps.ts';
import { log } from '../../platform/log.ts';
import { providerFetch } from './discovery.ts';
import { callbackUrl, type Provider, type ProviderEndpoints } from './providers.ts';

export interface AuthorizationParams {
  state: string;
  codeVerifier: string;
  /** OpenID providers only. */
  nonce?: string;
}

export interface ProviderTokens {
  accessToken: string;
  idToken: string | null;
}

/** application/x-www-form-urlencoded, as URLSearchParams writes a value (space as `+`, everything else %XX). */
function formEncode(value: string): string {
  return new URLSearchParams({ v: value }).toString().slice(2);
}

/** The provider's authorization URL with state, PKCE (S256) and, for OpenID providers, the nonce. */
export async function authorizationUrl(
  deps: Deps,
  provider: Provider,
  endpoints: ProviderEndpoints,
  params: AuthorizationParams,
): Promise<string> {
  const challenge = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(params.codeVerifier)));
  const url = new URL(endpoints.authorization);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', provider.clientId);
  url.searchParams.set('redirect_uri', callbackUrl(deps.config, provider.id));
  url.searchParams.set('state', params.state);
  url.searchParams.set('code_challenge_method', 'S256');
  url.searchParams.set('code_challenge', base64Url(challenge));
  if (provider.scopes.length > 0) url.searchParams.set('scope', provider.scopes.join(' '));
  if (params.nonce) url.searchParams.set('nonce', params.nonce);
  return url.href;
}

/**
 * The token request. A confidential client authenticates with HTTP Basic; RFC 6749 §2.3.1 wants the id and
 * secret form-urlencoded before they are joined and base64-encoded, so a secret with `+`, `/`, `=`, `:` or `%`
 * reaches the provider intact. A public client (no secret) sends its id in the body.
 */
function tokenRequest(deps: Deps, provider: Provider, endpoints: ProviderEndpoints, code: string, codeVerifier: string): Request {
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    redirect_uri: callbackUrl(deps.config, provider.id),
    code_verifier: codeVerifier,
  });
  const headers = new Headers({
    'Content-Type': 'application/x-www-form-urlencoded',
    Accept: 'application/json',
    // GitHub refuses requests without a User-Agent.
    'User-Agent': 'identsphere',
  });
  if (provider.clientSecret === null) body.set('client_id', provider.clientId);
  else headers.set('Authorization', `Basic ${btoa(`${formEncode(provider.clientId)}:${formEncode(provider.clientSecret)}`)}`);
  return new Request(endpoints.token, { method: 'POST', headers, body });
}

/**
 * Exchanges the authorization code (with the PKCE verifier) at the token endpoint. A refused code is the
 * client's problem (400); an unreachable or failing provider is a dependency failure (503).
 */
export async function exchangeCode(
  deps: Deps,
  provider: Provider,
  endpoints: ProviderEndpoints,
  code: string,
  codeVerifier: string,
): Promise<ProviderTokens> {
  let res: Response;
  try {
    res = await providerFetch(deps)(tokenRequest(deps, provider, endpoints, code, codeVerifier));
  } catch (err) {
    log('warn', 'oauth token endpoint unavailable', { provider: provider.id, error: String(err) });
    throw new ApiError('oauth_provider_unavailable', undefined, { cause: err });
  }
  if (res.status >= 500) {
    await res.body?.cancel();
    log('warn', 'oauth token endpoint unavailable', { provider: provider.id, status: res.status });
    throw new ApiError('oauth_provider_unavailable');
  }
  let data: Record<string, unknown> = {};
  try {
    const parsed: unknown = await res.json();
    if (typeof parsed === 'object' && parsed !== null) data = parsed as Record<string, unknown>;
  } catch {
    // Not JSON: handled below as an answer without an access token.
  }
  // A refused code answers 400/401 with `{error}`; GitHub answers errors with 200 and `{error}`. Any answer
  // without an access token is a refusal: the client's problem, not the provider's.
  if (!res.ok || typeof data.access_token !== 'string' || !data.access_token) {
    log('warn', 'oauth code exchange refused', {
      provider: provider.id,
      status: res.status,
      error: typeof data.error === 'string' ? data.error : 'no access_token',
    });
    throw new ApiError('oauth_exchange_failed');
  }
  return { accessToken: data.access_token, idToken: typeof data.id_token === 'string' ? data.id_token : null };
}
