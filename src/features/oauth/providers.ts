import { ApiError } from '../../lib/errors.ts';
import type { Config } from '../../platform/config.ts';
import type { Deps } from '../../platform/deps.ts';
import { discover } from './discovery.ts';

export type ProviderKind = 'google' | 'github' | 'oidc';

/** A configured (hence enabled) provider. */
export interface Provider {
  id: string;
  name: string;
  kind: ProviderKind;
  clientId: string;
  /** Null: a public client (PKCE only). */
  clientSecret: string | null;
  scopes: string[];
  /** OIDC providers: the configured issuer (discovery must state exactly this one). */
  issuer?: string;
}

/** Where a provider's endpoints are; OpenID providers also verify id_tokens with these. */
export interface ProviderEndpoints {
  authorization: string;
  token: string;
  /** OpenID providers only. */
  oidc?: {
    issuers: string[];
    jwksUri: string;
    userinfo: string | null;
    /** RFC 9207: the provider names itself in the callback (`iss`), which must then match. */
    issInCallback: boolean;
  };
}

// Google: https://developers.google.com/identity/openid-connect/openid-connect (both issuer spellings occur).
const GOOGLE: ProviderEndpoints = {
  authorization: 'https://accounts.google.com/o/oauth2/v2/auth',
  token: 'https://oauth2.googleapis.com/token',
  oidc: {
    issuers: ['https://accounts.google.com', 'accounts.google.com'],
    jwksUri: 'https://www.googleapis.com/oauth2/v3/certs',
    userinfo: null,
    issInCallback: false,
  },
};

const GITHUB: ProviderEndpoints = {
  authorization: 'https://github.com/login/oauth/authorize',
  token: 'https://github.com/login/oauth/access_token',
};

export function enabledProviders(config: Config): Provider[] {
  const list: Provider[] = [];
  const { IDENTSPHERE_GOOGLE_CLIENT_ID: googleId, IDENTSPHERE_GOOGLE_CLIENT_SECRET: googleSecret } = config;
  if (googleId && googleSecret) {
    list.push({
      id: 'google',
      name: 'Google',
      kind: 'google',
      clientId: googleId,
      clientSecret: googleSecret,
      scopes: ['openid', 'email', 'profile'],
    });
  }
  const { IDENTSPHERE_GITHUB_CLIENT_ID: githubId, IDENTSPHERE_GITHUB_CLIENT_SECRET: githubSecret } = config;
  if (githubId && githubSecret) {
    list.push({
      id: 'github',
      name: 'GitHub',
      kind: 'github',
      clientId: githubId,
      clientSecret: githubSecret,
      scopes: ['read:user', 'user:email'],
    });
  }
  for (const p of config.IDENTSPHERE_OIDC_PROVIDERS) {
    list.push({
      id: p.id,
      name: p.name ?? p.id,
      kind: 'oidc',
      clientId: p.client_id,
      clientSecret: p.client_secret ?? null,
      // `openid` is what makes it OpenID Connect (an id_token); always asked for.
      scopes: [...new Set(['openid', ...(p.scopes ?? ['email', 'profile'])])],
      issuer: p.issuer,
    });
  }
  return list;
}

/** The enabled provider with this id, or 404 (unknown and unconfigured providers look the same). */
export function getProvider(config: Config, id: string): Provider {
  const provider = enabledProviders(config).find((p) => p.id === id);
  if (!provider) throw new ApiError('not_found', 'No such sign-in provider.');
  return provider;
}

/** The redirect URI registered with the provider: always from the public base URL, never the Host header. */
export function callbackUrl(config: Config, providerId: string): string {
  return `${config.IDENTSPHERE_PUBLIC_BASE_URL}/v1/auth/oauth/${providerId}/callback`;
}

export async function providerEndpoints(deps: Deps, provider: Provider): Promise<ProviderEndpoints> {
  switch (provider.kind) {
    case 'google':
      return GOOGLE;
    case 'github':
      return GITHUB;
    case 'oidc': {
      const doc = await discover(deps, provider.issuer!);
      return {
        authorization: doc.authorization_endpoint,
        token: doc.token_endpoint,
        oidc: {
          issuers: [doc.issuer],
          jwksUri: doc.jwks_uri,
          userinfo: doc.userinfo_endpoint ?? null,
          issInCallback: doc.authorization_response_iss_parameter_supported === true,
        },
      };
    }
  }
}
