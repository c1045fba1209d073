// Our only door to arctic (pinned at 3.7.0, archived upstream): if it has to go, only this file changes.
import {
  ArcticFetchError,
  CodeChallengeMethod,
  Google,
  OAuth2Client,
  OAuth2RequestError,
  type OAuth2Tokens,
  UnexpectedResponseError,
} from 'arctic';
import { ApiError } from '../../lib/errors.ts';
import type { Deps } from '../../platform/deps.ts';
import { log } from '../../platform/log.ts';
import { providerFetch } from './discovery.ts';
import { withFetch } from './fetch-scope.ts';
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

/**
 * Google through arctic's Google client; GitHub and generic OpenID providers through its generic one.
 * `basicAuth`: the client for the token request, which arctic authenticates with HTTP Basic. RFC 6749 §2.3.1
 * wants the id and secret form-urlencoded before they are joined and base64-encoded; arctic 3.7.0 skips that,
 * so a secret with `+`, `/`, `=`, `:` or `%` would reach the provider altered (invalid_client). They are
 * encoded here. (With a secret arctic sends the id only in that header; the authorization URL takes it raw.)
 */
function client(deps: Deps, provider: Provider, endpoints: ProviderEndpoints, basicAuth = false) {
  const redirectUri = callbackUrl(deps.config, provider.id);
  const encode = basicAuth && provider.clientSecret !== null ? formEncode : (v: string) => v;
  const clientId = encode(provider.clientId);
  const clientSecret = provider.clientSecret === null ? null : encode(provider.clientSecret);
  if (provider.kind === 'google') {
    const google = new Google(clientId, clientSecret!, redirectUri);
    return {
      url: (p: AuthorizationParams) => google.createAuthorizationURL(p.state, p.codeVerifier, provider.scopes),
      exchange: (code: string, verifier: string) => google.validateAuthorizationCode(code, verifier),
    };
  }
  // arctic's GitHub class has no PKCE; GitHub supports it, so the generic client sends it there too.
  const generic = new OAuth2Client(clientId, clientSecret, redirectUri);
  return {
    url: (p: AuthorizationParams) =>
      generic.createAuthorizationURLWithPKCE(endpoints.authorization, p.state, CodeChallengeMethod.S256, p.codeVerifier, provider.scopes),
    exchange: (code: string, verifier: string) => generic.validateAuthorizationCode(endpoints.token, code, verifier),
  };
}

/** The provider's authorization URL with state, PKCE (S256) and, for OpenID providers, the nonce. */
export function authorizationUrl(deps: Deps, provider: Provider, endpoints: ProviderEndpoints, params: AuthorizationParams): string {
  const url = client(deps, provider, endpoints).url(params);
  if (params.nonce) url.searchParams.set('nonce', params.nonce);
  return url.href;
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
  let tokens: OAuth2Tokens;
  try {
    tokens = await withFetch(providerFetch(deps), () => client(deps, provider, endpoints, true).exchange(code, codeVerifier));
  } catch (err) {
    if (err instanceof ArcticFetchError || (err instanceof UnexpectedResponseError && err.status >= 500)) {
      log('warn', 'oauth token endpoint unavailable', { provider: provider.id, error: String(err) });
      throw new ApiError('oauth_provider_unavailable', undefined, { cause: err });
    }
    log('warn', 'oauth code exchange refused', {
      provider: provider.id,
      error: err instanceof OAuth2RequestError ? err.code : String(err),
    });
    throw new ApiError('oauth_exchange_failed', undefined, { cause: err });
  }
  const data = tokens.data as Record<string, unknown>;
  // GitHub answers errors with 200 and `{error}`; any answer without an access token is a refusal.
  if (typeof data.access_token !== 'string' || !data.access_token) {
    log('warn', 'oauth code exchange refused', {
      provider: provider.id,
      error: typeof data.error === 'string' ? data.error : 'no access_token',
    });
    throw new ApiError('oauth_exchange_failed');
  }
  return { accessToken: data.access_token, idToken: typeof data.id_token === 'string' ? data.id_token : null };
}
