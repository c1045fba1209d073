import * as z from 'zod';
import { normalizeEmail } from '../../lib/email.ts';
import { ApiError } from '../../lib/errors.ts';
import type { Deps } from '../../platform/deps.ts';
import { log } from '../../platform/log.ts';
import type { ProviderTokens } from './client.ts';
import { fetchJson } from './discovery.ts';
import { type IdTokenClaims, verifyIdToken } from './id-token.ts';
import type { Provider, ProviderEndpoints } from './providers.ts';

/** Who the provider says signed in. Only (provider, subject) identifies; the email is an assertion about them. */
export interface ProviderIdentity {
  provider: string;
  subject: string;
  email: string | null;
  /** True only when the provider explicitly asserts it verified the address. */
  emailVerified: boolean;
  name: string | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
// Some providers send the boolean as a string; anything else (absent, "false", 1) is "not verified".
const verified = (v: unknown): boolean => v === true || v === 'true';

export async function readIdentity(
  deps: Deps,
  provider: Provider,
  endpoints: ProviderEndpoints,
  tokens: ProviderTokens,
  nonce: string,
): Promise<ProviderIdentity> {
  if (provider.kind === 'github') return readGitHub(deps, provider, tokens.accessToken);
  if (!endpoints.oidc) throw new Error(`provider ${provider.id} has no OpenID configuration`);
  if (!tokens.idToken) {
    log('warn', 'oauth token response without id_token', { provider: provider.id });
    throw new ApiError('oauth_id_token_invalid');
  }
  const claims = await verifyIdToken(deps, tokens.idToken, {
    issuers: endpoints.oidc.issuers,
    jwksUri: endpoints.oidc.jwksUri,
    clientId: provider.clientId,
    nonce,
  });
  let profile: Record<string, unknown> = claims;
  if (str(claims.email) === null && endpoints.oidc.userinfo) {
    profile = await readUserinfo(deps, endpoints.oidc.userinfo, tokens.accessToken, claims);
  }
  const email = str(profile.email);
  return {
    provider: provider.id,
    subject: claims.sub,
    email: email ? normalizeEmail(email) : null,
    emailVerified: email !== null && verified(profile.email_verified),
    name: str(profile.name),
  };
}

/**
 * Many providers put profile claims only in userinfo when the code flow is used. Security: the answer must
 * be about the same subject as the verified id_token (OpenID Connect Core §5.3.2), or it is ignored wholesale.
 */
async function readUserinfo(deps: Deps, url: string, accessToken: string, claims: IdTokenClaims): Promise<Record<string, unknown>> {
  const info = await fetchJson(deps, url, { headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' } });
  if (typeof info !== 'object' || info === null || (info as { sub?: unknown }).sub !== claims.sub) {
    log('warn', 'userinfo subject differs from the id_token: ignored');
    return claims;
  }
  return info as Record<string, unknown>;
}

const GITHUB_API = 'https://api.github.com';

const GitHubUser = z.looseObject({ id: z.number().int(), login: z.string(), name: z.string().nullable().optional() });
const GitHubEmails = z.array(z.looseObject({ email: z.string(), primary: z.boolean(), verified: z.boolean() }));

/** GitHub is plain OAuth: the numeric user id is the subject (logins can be renamed), the email from /user/emails. */
async function readGitHub(deps: Deps, provider: Provider, accessToken: string): Promise<ProviderIdentity> {
  const headers = {
    authorization: `Bearer ${accessToken}`,
    accept: 'application/vnd.github+json',
    'x-github-api-version': '2022-11-28',
    'user-agent': 'IdentSphere',
  };
  const [userJson, emailsJson] = await Promise.all([
    fetchJson(deps, `${GITHUB_API}/user`, { headers }),
    fetchJson(deps, `${GITHUB_API}/user/emails`, { headers }),
  ]);
  const user = GitHubUser.safeParse(userJson);
  const emails = GitHubEmails.safeParse(emailsJson);
  if (!user.success || !emails.success) {
    log('warn', 'github answered an unexpected shape', { user: user.success, emails: emails.success });
    throw new ApiError('oauth_provider_unavailable');
  }
  // Only the primary address counts, and it is "verified" only when GitHub says so.
  const primary = emails.data.find((e) => e.primary);
  return {
    provider: provider.id,
    subject: String(user.data.id),
    email: primary ? normalizeEmail(primary.email) : null,
    emailVerified: primary?.verified === true,
    name: str(user.data.name) ?? user.data.login,
  };
}
