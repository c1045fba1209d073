// OAuth configuration: providers are enabled by configuration; half-configured or unsafe ones make the Worker
// refuse to serve (503 misconfigured, one log line naming the setting); a provider's discovery document must
// name exactly the configured issuer.
import { describe, expect, it, vi } from 'vitest';
import { APP, callWithEnv, envWith, expectError, landing, oauthEnv, SAFE_PRODUCTION } from '../support/index.ts';

const PRODUCTION = SAFE_PRODUCTION;

function refusedSettings(spy: { mock: { calls: unknown[][] } }): string[] {
  const line = spy.mock.calls.map((a) => String(a[0])).find((l) => l.includes('refusing to serve'));
  return line ? (JSON.parse(line).settings as string[]) : [];
}

describe('OAuth configuration', () => {
  it('a client id without its secret (or the reverse) is refused in every environment', async () => {
    for (const [vars, setting] of [
      [{ IDENTSPHERE_GOOGLE_CLIENT_ID: 'id-only' }, 'IDENTSPHERE_GOOGLE_CLIENT_SECRET'],
      [{ IDENTSPHERE_GITHUB_CLIENT_SECRET: 'secret-only' }, 'IDENTSPHERE_GITHUB_CLIENT_ID'],
    ] as const) {
      const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
      await expectError(await callWithEnv(envWith(vars), '/v1/health'), 503, 'misconfigured');
      expect(refusedSettings(spy)).toEqual([setting]);
      spy.mockRestore();
    }
  });

  it('IDENTSPHERE_OIDC_PROVIDERS must be a JSON list of valid, uniquely named providers', async () => {
    const bad = [
      'not json',
      JSON.stringify({ id: 'x' }),
      JSON.stringify([{ id: 'google', issuer: 'https://idp.example', client_id: 'c' }]),
      JSON.stringify([{ id: 'Bad Id', issuer: 'https://idp.example', client_id: 'c' }]),
      JSON.stringify([{ id: 'a', issuer: 'https://idp.example', client_id: 'c', extra: 1 }]),
      JSON.stringify([
        { id: 'a', issuer: 'https://idp.example', client_id: 'c' },
        { id: 'a', issuer: 'https://idp2.example', client_id: 'd' },
      ]),
    ];
    for (const value of bad) {
      const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
      await expectError(await callWithEnv(envWith({ IDENTSPHERE_OIDC_PROVIDERS: value }), '/v1/health'), 503, 'misconfigured');
      expect(refusedSettings(spy), value).toEqual(['IDENTSPHERE_OIDC_PROVIDERS']);
      spy.mockRestore();
    }
  });

  it('production refuses an OpenID provider reached over http', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const env = envWith({
      ...PRODUCTION,
      IDENTSPHERE_OIDC_PROVIDERS: JSON.stringify([{ id: 'corp', issuer: 'http://idp.example.com', client_id: 'c', client_secret: 's' }]),
    });
    await expectError(await callWithEnv(env, '/v1/health'), 503, 'misconfigured');
    expect(refusedSettings(spy)).toContain('IDENTSPHERE_OIDC_PROVIDERS');
  });

  it('a discovery document naming another issuer is refused: ?error=oauth_provider_unavailable, no flow', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const discovery: typeof fetch = async (input) => {
      const url = new Request(input).url;
      if (url !== 'https://idp.example.com/.well-known/openid-configuration') throw new TypeError(`unexpected ${url}`);
      return Response.json({
        issuer: 'https://evil.example.com',
        authorization_endpoint: 'https://evil.example.com/auth',
        token_endpoint: 'https://evil.example.com/token',
        jwks_uri: 'https://evil.example.com/jwks',
      });
    };
    const { env } = oauthEnv(
      {
        IDENTSPHERE_OIDC_PROVIDERS: JSON.stringify([{ id: 'corp', issuer: 'https://idp.example.com', client_id: 'c', client_secret: 's' }]),
      },
      () => ({ fetch: discovery }),
    );
    const res = await callWithEnv(env, `/v1/auth/oauth/corp/start?redirect_to=${encodeURIComponent(`${APP}/x`)}`, { redirect: 'manual' });
    expect(landing(res)).toMatchObject({ error: 'oauth_provider_unavailable' });
    expect(res.headers.get('location')).not.toContain('evil');
  });
});
