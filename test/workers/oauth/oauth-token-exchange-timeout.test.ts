// A provider that accepts the token request and never answers must not hold the callback: the exchange has
// the same time limit as every other provider call and ends in ?error=oauth_provider_unavailable.
import { describe, expect, it, vi } from 'vitest';
import { callback, hangingFetch, landing, oauthEnv, sql, startFlow, uniqueEmail } from '../support/index.ts';

const TOKEN_ENDPOINTS = { google: 'https://oauth2.googleapis.com/token', github: 'https://github.com/login/oauth/access_token' };

/** Fails the test (instead of hanging it) if `promise` takes longer than `ms`. */
function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  const limit = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`still waiting after ${ms} ms`)), ms)));
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

describe('OAuth token exchange timeout', () => {
  for (const provider of ['google', 'github'] as const) {
    it(`${provider}: a token endpoint that never answers ends in ?error=oauth_provider_unavailable within the limit`, async () => {
      vi.spyOn(console, 'warn').mockImplementation(() => {});
      const hang = hangingFetch();
      const { env, google, github } = oauthEnv({}, (fakes) => ({
        providerTimeoutMs: 200,
        fetch: (input, init) => (new Request(input, init).url === TOKEN_ENDPOINTS[provider] ? hang(input, init) : fakes(input, init)),
      }));
      const email = uniqueEmail(`${provider}-hangs`);
      const { location, flowCookie } = await startFlow(provider, { env });
      const back =
        provider === 'google'
          ? google.authorize(location, { sub: `g-${crypto.randomUUID()}`, email, email_verified: true })
          : github.authorize(location, {
              id: Math.floor(Math.random() * 1e9),
              login: 'hangs',
              emails: [{ email, primary: true, verified: true }],
            });
      const res = await within(5_000, callback(provider, back, { env, cookie: flowCookie }));
      expect(landing(res)).toMatchObject({ error: 'oauth_provider_unavailable', session: null });
      expect(await sql('select 1 from $schema.users where email = $1', [email])).toHaveLength(0);
    });
  }
});
