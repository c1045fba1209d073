// Our only door to arctic (pinned at 3.7.0, archived upstream): if it has to go, only this file changes.
import {
  ArcticFetchError,
  CodeChallengeMethod,
  Google,
  OAuth2Client,
  OAuth2RequestError,
  UnexpectedResponseError,
  type OAuth2Tokens,
} from 'arctic';
import type { Deps } from '../../deps.ts';
import { ApiError } from '../../lib/errors.ts';
import { log } from '../../lib/log.ts';
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

/** Google through arctic's Google client; GitHub and generic OpenID providers through its generic one. */
function client(deps: Deps, provider: Provider, endpoints: ProviderEndpoints) {
  const redirectUri = callbackUrl(deps.config, provider.id);
  if (provider.kind === 'google') {
    const google = new Google(provider.clientId, provider.clientSecret!, redirectUri);
    return {
      url: (p: AuthorizationParams) => google.createAuthorizationURL(p.state, p.codeVerifier, provider.scopes),
      exchange: (code: string, verifier: string) => google.validateAuthorizationCode(code, verifier),
    };
  }
  // arctic's GitHub class has no PKCE; GitHub supports it, so the generic client sends it there too.
  const generic = new OAuth2Client(provider.clientId, provider.clientSecret, redirectUri);
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
    tokens = await withFetch(deps.fetch, () => client(deps, provider, endpoints).exchange(code, codeVerifier));
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
    log('warn', 'oauth code exchange refused', { provider: provider.id, error: typeof data.error === 'string' ? data.error : 'no access_token' });
    throw new ApiError('oauth_exchange_failed');
  }
  return { accessToken: data.access_token, idToken: typeof data.id_token === 'string' ? data.id_token : null };
}
