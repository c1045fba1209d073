import { SignJWT } from 'jose';
import type * as z from 'zod';
import { randomToken } from '../../crypto/tokens.ts';
import type { Deps } from '../../platform/deps.ts';
import type { SessionRecord } from '../sessions/sessions.ts';
import { currentSigningKey } from './signing-keys.ts';
import type { AccessTokenResponse } from './tokens.schemas.ts';

/** The audiences of access tokens: IDENTSPHERE_TOKEN_AUDIENCE, or the public base URL. */
export function tokenAudience(config: Deps['config']): string[] {
  return config.IDENTSPHERE_TOKEN_AUDIENCE.length ? config.IDENTSPHERE_TOKEN_AUDIENCE : [config.IDENTSPHERE_PUBLIC_BASE_URL];
}

/**
 * A short-lived access token for the session's user, signed with the current key. It is not checked against
 * the session again: revoking the session stops new tokens, issued ones stay valid until `exp`.
 */
export async function issueAccessToken(deps: Deps, record: SessionRecord): Promise<z.input<typeof AccessTokenResponse>> {
  const { config } = deps;
  const ttl = config.IDENTSPHERE_ACCESS_TOKEN_TTL_SECONDS;
  const iat = Math.floor(deps.clock.now().getTime() / 1000);
  const signing = await currentSigningKey(deps);
  const { user, organization, session } = record;
  const claims = {
    sid: session.id,
    org_id: organization?.id ?? null,
    org_role: organization?.role ?? null,
    email: user.email,
    email_verified: user.email_verified,
    // Sessions from before `amr` was recorded have none: the claim is left out rather than guessed.
    ...(session.amr ? { amr: session.amr } : {}),
  };
  const accessToken = await new SignJWT(claims)
    // `at+jwt` (RFC 9068): a verifier can tell an access token from any other JWT signed by these keys.
    .setProtectedHeader({ alg: signing.alg, kid: signing.kid, typ: 'at+jwt' })
    .setIssuer(config.IDENTSPHERE_PUBLIC_BASE_URL)
    .setSubject(user.id)
    .setAudience(tokenAudience(config))
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttl)
    .setJti(randomToken(16))
    .sign(signing.key);
  return { access_token: accessToken, token_type: 'Bearer', expires_in: ttl };
}
