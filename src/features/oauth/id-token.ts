import { createLocalJWKSet, errors, type JSONWebKeySet, type JWTPayload, type JWTVerifyGetKey, jwtVerify } from 'jose';
import { timingSafeEqual } from '../../lib/encoding.ts';
import { ApiError } from '../../lib/errors.ts';
import type { Deps } from '../../platform/deps.ts';
import { log } from '../../platform/log.ts';
import { fetchJson } from './discovery.ts';

/** Asymmetric algorithms only: `none` and HMAC (keyed with the public client secret) can never verify. */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'];
const CLOCK_TOLERANCE_S = 30;
/** A token fresh from the token endpoint is seconds old; an older one (or one from the future) is a replay. */
const MAX_TOKEN_AGE_S = 600;
const JWKS_MAX_AGE_MS = 10 * 60 * 1000;
/** After an unknown `kid`, the key set is re-fetched (keys rotate) — at most this often. */
const JWKS_REFRESH_COOLDOWN_MS = 30 * 1000;

interface CachedKeySet {
  getKey: JWTVerifyGetKey;
  fetchedAt: number;
}

// Per isolate, per fetch implementation (tests inject their own), per JWKS URI.
const keySets = new WeakMap<typeof fetch, Map<string, CachedKeySet>>();

async function keySet(deps: Deps, jwksUri: string, refresh: boolean): Promise<CachedKeySet> {
  let perFetch = keySets.get(deps.fetch);
  if (!perFetch) keySets.set(deps.fetch, (perFetch = new Map()));
  const now = deps.clock.now().getTime();
  const hit = perFetch.get(jwksUri);
  const fresh = hit && now - hit.fetchedAt < JWKS_MAX_AGE_MS;
  if (hit && fresh && !(refresh && now - hit.fetchedAt >= JWKS_REFRESH_COOLDOWN_MS)) return hit;
  const jwks = await fetchJson(deps, jwksUri, { headers: { accept: 'application/json' } });
  let getKey: JWTVerifyGetKey;
  try {
    getKey = createLocalJWKSet(jwks as JSONWebKeySet);
  } catch (err) {
    log('error', 'oauth provider served an invalid JWKS', { jwks_uri: jwksUri });
    throw new ApiError('oauth_provider_unavailable', undefined, { cause: err });
  }
  const entry = { getKey, fetchedAt: now };
  perFetch.set(jwksUri, entry);
  return entry;
}

export interface IdTokenExpectations {
  issuers: string[];
  jwksUri: string;
  clientId: string;
  nonce: string;
}

export interface IdTokenClaims extends JWTPayload {
  sub: string;
  email?: unknown;
  email_verified?: unknown;
  name?: unknown;
}

/**
 * Verifies an id_token (OpenID Connect Core §3.1.3.7): signature against the provider's JWKS with an
 * asymmetric algorithm, issuer, audience (and `azp` when there are several), expiry and issue time (not in
 * the future, at most 10 minutes old) on our clock, and the nonce we bound to this browser's flow — so a token minted for another client, another
 * flow or another time is refused.
 */
export async function verifyIdToken(deps: Deps, idToken: string, expect: IdTokenExpectations): Promise<IdTokenClaims> {
  const options = {
    algorithms: ALGORITHMS,
    issuer: expect.issuers,
    audience: expect.clientId,
    currentDate: deps.clock.now(),
    clockTolerance: CLOCK_TOLERANCE_S,
    maxTokenAge: MAX_TOKEN_AGE_S,
    requiredClaims: ['sub', 'iat', 'exp', 'nonce'],
  };
  let payload: JWTPayload;
  try {
    try {
      payload = (await jwtVerify(idToken, (await keySet(deps, expect.jwksUri, false)).getKey, options)).payload;
    } catch (err) {
      if (!(err instanceof errors.JWKSNoMatchingKey)) throw err;
      // The provider may have rotated its keys since we cached them.
      payload = (await jwtVerify(idToken, (await keySet(deps, expect.jwksUri, true)).getKey, options)).payload;
    }
  } catch (err) {
    if (err instanceof ApiError) throw err;
    log('warn', 'id_token refused', { reason: err instanceof errors.JOSEError ? err.code : String(err) });
    throw new ApiError('oauth_id_token_invalid', undefined, { cause: err });
  }
  const reason = claimProblem(payload, expect);
  if (reason) {
    log('warn', 'id_token refused', { reason });
    throw new ApiError('oauth_id_token_invalid');
  }
  return payload as IdTokenClaims;
}

function claimProblem(payload: JWTPayload, expect: IdTokenExpectations): string | null {
  if (typeof payload.sub !== 'string' || payload.sub === '') return 'sub missing';
  const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (audiences.length > 1 && payload.azp !== expect.clientId) return 'azp is not our client';
  const nonce = typeof payload.nonce === 'string' ? payload.nonce : '';
  const enc = new TextEncoder();
  if (!timingSafeEqual(enc.encode(nonce), enc.encode(expect.nonce))) return 'nonce mismatch';
  return null;
}
