// The team's API on another origin: it trusts IdentSphere's access tokens by their signature alone. The JWKS is
// fetched once per isolate and cached, so a request costs one signature check and no call to the auth Worker.
import { createRemoteJWKSet, customFetch, type JWTVerifyGetKey, jwtVerify } from 'jose';

export interface ApiEnv {
  /** The auth Worker's public base URL: the JWKS is at /.well-known/jwks.json below it, and it is the `iss`. */
  AUTH_ORIGIN: string;
  /** The audience this API accepts (one of the auth Worker's IDENTSPHERE_TOKEN_AUDIENCE). */
  TOKEN_AUDIENCE: string;
}

/** The auth Worker's JWKS Cache-Control max-age: a rotated key is published this long (and more) before it signs. */
const JWKS_CACHE_MAX_AGE_MS = 300_000;

const unauthorized = () =>
  Response.json(
    { error: { code: 'invalid_token' } },
    { status: 401, headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' } },
  );

/**
 * The API's fetch handler. `fetchJwks` loads the JWKS (the platform's fetch; a service binding's fetch when the
 * auth Worker is bound to this one).
 */
export function createApiWorker(fetchJwks: typeof fetch = (input, init) => fetch(input, init)) {
  // One remote key set per auth origin for the isolate's lifetime: jose caches the keys and refetches only when
  // the cache is older than the JWKS max-age or a token names a kid it does not know (at most every 30 s).
  const keySets = new Map<string, JWTVerifyGetKey>();
  const keySetFor = (origin: string) => {
    let keySet = keySets.get(origin);
    if (!keySet) {
      keySet = createRemoteJWKSet(new URL('/.well-known/jwks.json', origin), {
        cacheMaxAge: JWKS_CACHE_MAX_AGE_MS,
        [customFetch]: fetchJwks,
      });
      keySets.set(origin, keySet);
    }
    return keySet;
  };

  return {
    async fetch(request: Request, env: ApiEnv): Promise<Response> {
      const match = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(request.headers.get('authorization') ?? '');
      if (!match) return unauthorized();
      try {
        const { payload } = await jwtVerify(match[1]!, keySetFor(env.AUTH_ORIGIN), {
          issuer: env.AUTH_ORIGIN,
          audience: env.TOKEN_AUDIENCE,
          // Pinned: a token cannot pick its own algorithm (`none`, or HMAC keyed with the public key).
          algorithms: ['EdDSA'],
          // Only access tokens: another JWT signed by the same keys is not a credential for this API.
          typ: 'at+jwt',
          requiredClaims: ['sub', 'exp'],
        });
        return Response.json({ user_id: payload.sub, org_id: payload.org_id ?? null });
      } catch {
        // Expired, tampered, wrong issuer or audience, unknown key, or the JWKS unreachable: all the same to a client.
        return unauthorized();
      }
    },
  };
}

export default createApiWorker() satisfies ExportedHandler<ApiEnv>;
