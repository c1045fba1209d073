// Sign in with Google, faked at the fetch boundary: token endpoint checks PKCE, id_tokens are RS256-signed by a
// test key served as Google's JWKS. New account, returning user, auto-link to a verified account, failures.
import { describe, expect, it, vi } from 'vitest';
import {
  APP,
  call,
  callback,
  cookies,
  GOOGLE_CLIENT,
  landing,
  oauthEnv,
  registerUser,
  sql,
  startFlow,
  uniqueEmail,
} from '../support/index.ts';

describe('Google sign-in', () => {
  it('start redirects to Google with state, PKCE S256, nonce and the exact callback URL; sets a short-lived HttpOnly flow cookie', async () => {
    const { env } = oauthEnv();
    const { location, res } = await startFlow('google', { env });
    const url = new URL(location);
    expect(`${url.origin}${url.pathname}`).toBe('https://accounts.google.com/o/oauth2/v2/auth');
    const p = url.searchParams;
    expect(p.get('response_type')).toBe('code');
    expect(p.get('client_id')).toBe(GOOGLE_CLIENT.id);
    expect(p.get('redirect_uri')).toBe('http://localhost:8787/v1/auth/oauth/google/callback');
    expect(p.get('scope')).toBe('openid email profile');
    expect(p.get('code_challenge_method')).toBe('S256');
    expect(p.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(p.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(p.get('nonce')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('identsphere_oauth='))!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Max-Age=600/);
    expect(setCookie).toMatch(/Path=\//);
    // Server-side: only hashes of the state and the browser secret; no verifier or nonce stored anywhere.
    const rows = await sql<Record<string, string>>(
      'select * from $schema.oauth_flows where state_hash = encode(sha256(convert_to($1, $2)), $3)',
      [p.get('state'), 'UTF8', 'hex'],
    );
    expect(rows).toHaveLength(1);
    const stored = JSON.stringify(rows);
    for (const secret of [p.get('state')!, p.get('nonce')!, setCookie.split(';')[0]!.split('=')[1]!]) expect(stored).not.toContain(secret);
  });

  it('first sign-in: new account (verified email, own organization), session cookie, redirect to redirect_to, audit trail', async () => {
    const { env, google } = oauthEnv();
    const email = uniqueEmail('google');
    const sub = `g-${crypto.randomUUID()}`;
    const { location, flowCookie } = await startFlow('google', { env, redirectTo: `${APP}/dashboard?tab=1` });
    const back = google.authorize(location, { sub, email, email_verified: true, name: 'Grace Hopper' });
    const res = await callback('google', back, { env, cookie: flowCookie });
    const { url, error, session } = landing(res);
    expect(error).toBeNull();
    expect(url.href).toBe(`${APP}/dashboard?tab=1`);
    expect(session).not.toBeNull();
    // The flow cookie is spent.
    expect(res.headers.getSetCookie().some((c) => /^identsphere_oauth=;/.test(c) && /Max-Age=0/i.test(c))).toBe(true);

    const me = await call('/v1/auth/session', { env, cookie: session! });
    expect(me.status).toBe(200);
    const body = (await me.json()) as {
      user: { email: string; name: string; email_verified: boolean };
      organization: { name: string; role: string };
    };
    expect(body.user).toMatchObject({ email, name: 'Grace Hopper', email_verified: true });
    expect(body.organization).toMatchObject({ name: 'Personal', role: 'owner' });

    const [user] = await sql<{ id: string; password_hash: string | null }>('select id, password_hash from $schema.users where email = $1', [
      email,
    ]);
    expect(user!.password_hash).toBeNull();
    const identities = await sql('select provider, subject, email, email_verified from $schema.identities where user_id = $1', [user!.id]);
    expect(identities).toEqual([{ provider: 'google', subject: sub, email, email_verified: true }]);
    const events = await sql<{ event: string; metadata: Record<string, unknown> }>(
      'select event, metadata from $schema.audit_logs where user_id = $1 order by id',
      [user!.id],
    );
    expect(events.map((e) => e.event)).toEqual(['user.registered', 'login.succeeded']);
    expect(events[0]!.metadata).toEqual({ method: 'oauth', provider: 'google' });
    expect(events[1]!.metadata).toMatchObject({ method: 'oauth', provider: 'google', new_account: true });
    expect(JSON.stringify(events)).not.toMatch(/code-|ya29\./);
  });

  it('returning user: same account, a new session, no second account', async () => {
    const { env, google } = oauthEnv();
    const email = uniqueEmail('google-again');
    const sub = `g-${crypto.randomUUID()}`;
    const sessions: string[] = [];
    for (let i = 0; i < 2; i++) {
      const { location, flowCookie } = await startFlow('google', { env });
      const res = await callback('google', google.authorize(location, { sub, email, email_verified: true }), { env, cookie: flowCookie });
      sessions.push(landing(res).session!);
    }
    expect(sessions[0]).not.toBe(sessions[1]);
    expect(await sql('select 1 from $schema.users where email = $1', [email])).toHaveLength(1);
    expect(await sql('select 1 from $schema.identities where provider = $1 and subject = $2', ['google', sub])).toHaveLength(1);
    for (const s of sessions) expect((await call('/v1/auth/session', { env, cookie: s })).status).toBe(200);
  });

  it('two first sign-ins of the same new identity completed at once (two tabs): one account, both signed in to it', async () => {
    const { env, google } = oauthEnv();
    const email = uniqueEmail('two-tabs');
    const sub = `g-${crypto.randomUUID()}`;
    const flows = await Promise.all([startFlow('google', { env }), startFlow('google', { env })]);
    const results = await Promise.all(
      flows.map((f) =>
        callback('google', google.authorize(f.location, { sub, email, email_verified: true }), { env, cookie: f.flowCookie }),
      ),
    );
    const ids = new Set<string>();
    for (const res of results) {
      const { session, error } = landing(res);
      expect(error).toBeNull();
      ids.add(((await (await call('/v1/auth/session', { env, cookie: session! })).json()) as { user: { id: string } }).user.id);
    }
    expect(ids.size).toBe(1);
    expect(await sql('select 1 from $schema.users where email = $1', [email])).toHaveLength(1);
  });

  it('a verified Google email equal to an account’s verified email signs into that account and links the identity', async () => {
    const { env, google } = oauthEnv();
    const reg = await registerUser(undefined, undefined, env);
    await sql('update $schema.users set email_verified_at = now() where id = $1', [reg.user.id]);
    const sub = `g-${crypto.randomUUID()}`;
    const { location, flowCookie } = await startFlow('google', { env });
    const res = await callback('google', google.authorize(location, { sub, email: reg.email.toUpperCase(), email_verified: true }), {
      env,
      cookie: flowCookie,
    });
    const { session, error } = landing(res);
    expect(error).toBeNull();
    const me = (await (await call('/v1/auth/session', { env, cookie: session! })).json()) as { user: { id: string } };
    expect(me.user.id).toBe(reg.user.id);
    expect(await sql('select provider from $schema.identities where user_id = $1', [reg.user.id])).toEqual([{ provider: 'google' }]);
    const linked = await sql<{ metadata: unknown }>(
      "select metadata from $schema.audit_logs where user_id = $1 and event = 'identity.linked'",
      [reg.user.id],
    );
    expect(linked.map((r) => r.metadata)).toEqual([{ provider: 'google', by: 'verified_email' }]);
  });

  it('the user declining at Google lands on redirect_to with ?error=oauth_denied; the flow is spent', async () => {
    const { env, google } = oauthEnv();
    const { location, flowCookie } = await startFlow('google', { env });
    const { state } = google.authorize(location, { sub: 'unused' });
    const res = await callback('google', { error: 'access_denied', state }, { env, cookie: flowCookie });
    expect(landing(res)).toMatchObject({ error: 'oauth_denied', session: null });
    expect(landing(res).url.origin + landing(res).url.pathname).toBe(`${APP}/welcome`);
    expect(google.tokenRequests).toBe(0);
  });

  it('Google failing (token endpoint 503) is ?error=oauth_provider_unavailable, never a blank 500, nothing written', async () => {
    const { env, google } = oauthEnv();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const email = uniqueEmail('google-down');
    google.tokenResponse = () => new Response('upstream unavailable', { status: 503 });
    const { location, flowCookie } = await startFlow('google', { env });
    const res = await callback('google', google.authorize(location, { sub: 'g-down', email, email_verified: true }), {
      env,
      cookie: flowCookie,
    });
    expect(landing(res)).toMatchObject({ error: 'oauth_provider_unavailable', session: null });
    expect(await sql('select 1 from $schema.users where email = $1', [email])).toHaveLength(0);
  });

  it('a disabled provider (not configured) is refused with ?error=not_found', async () => {
    const { env } = oauthEnv({ IDENTSPHERE_GITHUB_CLIENT_ID: '', IDENTSPHERE_GITHUB_CLIENT_SECRET: '' });
    const res = await call(`/v1/auth/oauth/github/start?redirect_to=${encodeURIComponent(`${APP}/x`)}`, { env, redirect: 'manual' });
    expect(landing(res)).toMatchObject({ error: 'not_found' });
    const list = (await (await call('/v1/auth/oauth/providers', { env })).json()) as { providers: { id: string; callback_url: string }[] };
    expect(list.providers.map((p) => p.id)).toEqual(['google']);
    expect(list.providers[0]!.callback_url).toBe('http://localhost:8787/v1/auth/oauth/google/callback');
  });

  it('a database outage during the callback redirects with ?error=service_unavailable and sets no session', async () => {
    const { env, google } = oauthEnv();
    const { location, flowCookie } = await startFlow('google', { env });
    const back = google.authorize(location, { sub: 'g-outage', email: uniqueEmail('outage'), email_verified: true });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const down = oauthEnv({ DATABASE_URL: 'postgres://identsphere:local@127.0.0.1:9/identsphere' });
    const res = await callback('google', back, { env: down.env, cookie: cookies(flowCookie) });
    expect(landing(res)).toMatchObject({ error: 'service_unavailable', session: null });
  });
});
