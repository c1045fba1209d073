// Sign in with GitHub, faked at the fetch boundary: token endpoint (with PKCE), /user and /user/emails.
import { describe, expect, it, vi } from 'vitest';
import { APP, call, callback, GITHUB_CLIENT, landing, oauthEnv, sql, startFlow, uniqueEmail } from '../support/index.ts';

describe('GitHub sign-in', () => {
  it('start redirects to GitHub with state, PKCE S256 and the exact callback URL (no nonce: GitHub is not OpenID)', async () => {
    const { env } = oauthEnv();
    const url = new URL((await startFlow('github', { env })).location);
    expect(`${url.origin}${url.pathname}`).toBe('https://github.com/login/oauth/authorize');
    expect(url.searchParams.get('client_id')).toBe(GITHUB_CLIENT.id);
    expect(url.searchParams.get('redirect_uri')).toBe('http://localhost:8787/v1/auth/oauth/github/callback');
    expect(url.searchParams.get('scope')).toBe('read:user user:email');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('state')).toBeTruthy();
    expect(url.searchParams.get('nonce')).toBeNull();
  });

  it('round trip: the numeric id is the subject, the primary verified email makes a verified account', async () => {
    const { env, github } = oauthEnv();
    const primary = uniqueEmail('octo');
    const id = Math.floor(Math.random() * 1e9);
    const { location, flowCookie } = await startFlow('github', { env, redirectTo: `${APP}/home` });
    const back = github.authorize(location, {
      id,
      login: 'octocat',
      name: null,
      emails: [
        { email: uniqueEmail('secondary'), primary: false, verified: true },
        { email: primary, primary: true, verified: true },
      ],
    });
    const res = await callback('github', back, { env, cookie: flowCookie });
    const { url, error, session } = landing(res);
    expect(error).toBeNull();
    expect(url.href).toBe(`${APP}/home`);
    const me = (await (await call('/v1/auth/session', { env, cookie: session! })).json()) as {
      user: { email: string; name: string; email_verified: boolean };
    };
    expect(me.user).toMatchObject({ email: primary, name: 'octocat', email_verified: true });
    expect(await sql('select provider, subject, email_verified from $schema.identities where email = $1', [primary])).toEqual([
      { provider: 'github', subject: String(id), email_verified: true },
    ]);
    // Renamed on GitHub (same id): still the same account.
    const again = await startFlow('github', { env });
    const res2 = await callback(
      'github',
      github.authorize(again.location, { id, login: 'octocat-renamed', emails: [{ email: primary, primary: true, verified: true }] }),
      { env, cookie: again.flowCookie },
    );
    const me2 = (await (await call('/v1/auth/session', { env, cookie: landing(res2).session! })).json()) as { user: { id: string } };
    expect(await sql('select id from $schema.users where email = $1', [primary])).toEqual([{ id: me2.user.id }]);
  });

  it('an unverified primary email makes an unverified account (it can never auto-link later)', async () => {
    const { env, github } = oauthEnv();
    const primary = uniqueEmail('unverified-octo');
    const { location, flowCookie } = await startFlow('github', { env });
    const back = github.authorize(location, {
      id: Math.floor(Math.random() * 1e9),
      login: 'newbie',
      emails: [{ email: primary, primary: true, verified: false }],
    });
    const { session, error } = landing(await callback('github', back, { env, cookie: flowCookie }));
    expect(error).toBeNull();
    const me = (await (await call('/v1/auth/session', { env, cookie: session! })).json()) as { user: { email_verified: boolean } };
    expect(me.user.email_verified).toBe(false);
  });

  it('no email at all for a new account: ?error=oauth_email_required, nothing created', async () => {
    const { env, github } = oauthEnv();
    const id = Math.floor(Math.random() * 1e9);
    const { location, flowCookie } = await startFlow('github', { env });
    const res = await callback('github', github.authorize(location, { id, login: 'ghost', emails: [] }), { env, cookie: flowCookie });
    expect(landing(res)).toMatchObject({ error: 'oauth_email_required', session: null });
    expect(await sql('select 1 from $schema.identities where provider = $1 and subject = $2', ['github', String(id)])).toHaveLength(0);
  });

  it('a code GitHub refuses (200 with {error}) is ?error=oauth_exchange_failed, audited as login.failed', async () => {
    const { env } = oauthEnv();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { location, flowCookie } = await startFlow('github', { env });
    const state = new URL(location).searchParams.get('state')!;
    const requestId = `gh-refused-${crypto.randomUUID().slice(0, 8)}`;
    const res = await callback(
      'github',
      { code: 'never-issued', state },
      { env, cookie: flowCookie, headers: { 'x-request-id': requestId } },
    );
    expect(landing(res)).toMatchObject({ error: 'oauth_exchange_failed', session: null });
    const audit = await sql<{ event: string; metadata: unknown }>('select event, metadata from $schema.audit_logs where request_id = $1', [
      requestId,
    ]);
    expect(audit).toEqual([{ event: 'login.failed', metadata: { method: 'oauth', provider: 'github', reason: 'oauth_exchange_failed' } }]);
  });
});
