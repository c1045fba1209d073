// A full round trip against a real, independent OpenID provider (`oidc-provider`, started by
// test/global-setup.ts) configured as the generic provider `local-oidc` through IDENTSPHERE_OIDC_PROVIDERS:
// discovery, JWKS, authorization code + PKCE (enforced by the provider), id_token with nonce, userinfo.
// No fakes: the Worker talks to the provider over HTTP, and the test completes the provider's own login and
// consent pages with plain HTTP requests, as a browser would.
import { describe, expect, inject, it } from 'vitest';
import {
  APP,
  BASE,
  call,
  callback,
  cookies,
  landing,
  localOidcEnv,
  registerUser,
  signInAtProvider,
  sql,
  startFlow,
  uniqueEmail,
} from '../support/index.ts';

const env = localOidcEnv();
const PROVIDER = 'local-oidc';

describe('generic OpenID Connect provider (real oidc-provider)', () => {
  it('round trip: discovery, PKCE, nonce, id_token and userinfo; a new verified account', async () => {
    const email = uniqueEmail('oidc');
    const { location, flowCookie } = await startFlow(PROVIDER, { env, redirectTo: `${APP}/after-oidc` });
    const auth = new URL(location);
    // The authorization endpoint came from the provider's discovery document.
    expect(`${auth.origin}${auth.pathname}`).toBe(`${inject('oidcIssuer')}/auth`);
    expect(auth.searchParams.get('redirect_uri')).toBe(`${BASE}/v1/auth/oauth/${PROVIDER}/callback`);
    expect(auth.searchParams.get('code_challenge_method')).toBe('S256');
    expect(auth.searchParams.get('nonce')).toBeTruthy();
    expect(auth.searchParams.get('scope')).toBe('openid email profile');

    const back = await signInAtProvider(location, email);
    expect(back.iss).toBe(inject('oidcIssuer'));
    const { url, error, session } = landing(await callback(PROVIDER, back, { env, cookie: flowCookie }));
    expect(error).toBeNull();
    expect(url.href).toBe(`${APP}/after-oidc`);
    const me = (await (await call('/v1/auth/session', { env, cookie: session! })).json()) as {
      user: { id: string; email: string; email_verified: boolean; name: string };
    };
    expect(me.user).toMatchObject({ email, email_verified: true, name: `Test ${email.split('@')[0]}` });
    expect(await sql('select provider, subject from $schema.identities where user_id = $1', [me.user.id])).toEqual([
      { provider: PROVIDER, subject: email },
    ]);

    // Again: the same account through the same identity.
    const again = await startFlow(PROVIDER, { env });
    const second = landing(await callback(PROVIDER, await signInAtProvider(again.location, email), { env, cookie: again.flowCookie }));
    const me2 = (await (await call('/v1/auth/session', { env, cookie: second.session! })).json()) as { user: { id: string } };
    expect(me2.user.id).toBe(me.user.id);
  });

  it('RFC 9207 mix-up defence: a response naming another issuer is refused', async () => {
    const { location, flowCookie } = await startFlow(PROVIDER, { env });
    const back = await signInAtProvider(location, uniqueEmail('mix-up'));
    const res = await callback(PROVIDER, { ...back, iss: 'https://accounts.google.com' }, { env, cookie: flowCookie });
    expect(landing(res)).toMatchObject({ error: 'oauth_state_invalid', session: null });
  });

  it('a code redeemed without this browser’s flow cookie is refused before the token request', async () => {
    const { location } = await startFlow(PROVIDER, { env });
    const back = await signInAtProvider(location, uniqueEmail('no-cookie'));
    expect(landing(await callback(PROVIDER, back, { env }))).toMatchObject({ error: 'oauth_state_invalid', session: null });
  });

  it('a signed-in user links the provider explicitly; later sign-ins through it reach that account', async () => {
    const reg = await registerUser(undefined, undefined, env);
    const login = uniqueEmail('other-address'); // a different email: linking does not depend on it
    const { location, flowCookie } = await startFlow(PROVIDER, { env, cookie: reg.cookie, redirectTo: `${APP}/settings` });
    const res = await callback(PROVIDER, await signInAtProvider(location, login), { env, cookie: cookies(flowCookie, reg.cookie) });
    const { url, error, session } = landing(res);
    expect(error).toBeNull();
    expect(session).toBeNull(); // already signed in: no new session
    expect(url.href).toBe(`${APP}/settings?linked=${PROVIDER}`);
    const list = (await (await call('/v1/auth/identities', { env, cookie: reg.cookie })).json()) as {
      identities: { provider: string; email: string }[];
    };
    expect(list.identities).toMatchObject([{ provider: PROVIDER, email: login }]);

    const later = await startFlow(PROVIDER, { env });
    const signIn = landing(await callback(PROVIDER, await signInAtProvider(later.location, login), { env, cookie: later.flowCookie }));
    const me = (await (await call('/v1/auth/session', { env, cookie: signIn.session! })).json()) as { user: { id: string } };
    expect(me.user.id).toBe(reg.user.id);
  });
});
