// Security requirement 22 / open redirects: redirect_to must be on the app's origin or an allow-listed one,
// compared as a parsed origin. Anything else is refused before a flow exists, and the browser is sent only
// to the app URL (?error=invalid_redirect) — or, with no app URL configured, gets a JSON 400.
import { describe, expect, it } from 'vitest';
import { APP, call, callback, cookieFrom, envWith, expectError, FLOW_COOKIE, landing, oauthEnv, sql, startFlow } from '../support/index.ts';

const HOSTILE = [
  'https://evil.example/steal',
  '//evil.example/steal',
  'http://app.localhost:5173.evil.example/',
  'http://app.localhost:5173@evil.example/',
  'http://user:pass@app.localhost:5173/',
  'https://app.localhost:5173/', // another scheme is another origin
  'http://app.localhost:5174/',
  'javascript:alert(document.cookie)',
  'data:text/html,<script>alert(1)</script>',
  '/relative/path',
  'http://evil.example/?next=http://app.localhost:5173/',
];

function start(redirectTo: string, env: ReturnType<typeof envWith>) {
  return call(`/v1/auth/oauth/google/start?redirect_to=${encodeURIComponent(redirectTo)}`, { env, redirect: 'manual' });
}

describe('OAuth redirect_to (no open redirect)', () => {
  it('hostile targets go nowhere but the app URL with ?error=invalid_redirect, and start no flow', async () => {
    const { env } = oauthEnv();
    const [{ n: before }] = (await sql<{ n: number }>('select count(*)::int as n from $schema.oauth_flows')) as [{ n: number }];
    for (const target of HOSTILE) {
      const res = await start(target, env);
      expect(res.status, target).toBe(302);
      expect(res.headers.get('location'), target).toBe(`${APP}/?error=invalid_redirect`);
      expect(cookieFrom(res, FLOW_COOKIE), target).toBeNull();
    }
    const [{ n: after }] = (await sql<{ n: number }>('select count(*)::int as n from $schema.oauth_flows')) as [{ n: number }];
    expect(after).toBe(before);
  });

  it('without IDENTSPHERE_APP_URL a hostile target is a JSON 400, never a redirect', async () => {
    const env = envWith({ IDENTSPHERE_GOOGLE_CLIENT_ID: 'id', IDENTSPHERE_GOOGLE_CLIENT_SECRET: 'secret' });
    for (const target of HOSTILE.slice(0, 3)) await expectError(await start(target, env), 400, 'invalid_redirect');
  });

  it('allow-listed origins (app URL, CORS origins) with any path are accepted', async () => {
    const { env } = oauthEnv({ IDENTSPHERE_APP_URL: 'http://frontend.localhost:3000' });
    for (const target of ['http://frontend.localhost:3000/a/b?c=d', 'http://app.localhost:5173/x']) {
      expect(new URL((await startFlow('google', { env, redirectTo: target })).location).hostname).toBe('accounts.google.com');
    }
  });

  it('a flow whose target left the allow-list meanwhile ends on the app URL instead', async () => {
    const { env, google } = oauthEnv();
    const flow = await startFlow('google', { env, redirectTo: `${APP}/was-allowed` });
    const back = google.authorize(flow.location, { sub: 'g-moved', email: 'moved@example.com', email_verified: true });
    const narrowed = oauthEnv({
      IDENTSPHERE_CORS_ORIGINS: 'http://frontend.localhost:3000',
      IDENTSPHERE_APP_URL: 'http://frontend.localhost:3000',
    });
    const res = await callback('google', back, { env: narrowed.env, cookie: flow.flowCookie });
    expect(res.headers.get('location')).toBe('http://frontend.localhost:3000/?error=invalid_redirect');
    expect(landing(res).session).toBeNull();
  });
});
