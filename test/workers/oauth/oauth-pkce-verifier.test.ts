// Security requirement 22 (PKCE, S256): the verifier exists only where the browser's flow cookie is — never
// stored, never in a URL. Without it there is no token request; with another flow's verifier the provider
// refuses the code (an intercepted or injected code is useless).
import { describe, expect, it, vi } from 'vitest';
import { callback, landing, oauthEnv, startFlow, uniqueEmail } from '../support/index.ts';

describe('OAuth PKCE verifier', () => {
  it('without the flow cookie (so without the verifier) the callback is refused before any token request', async () => {
    const { env, google } = oauthEnv();
    const flow = await startFlow('google', { env });
    const back = google.authorize(flow.location, { sub: 'g-pkce', email: uniqueEmail('pkce'), email_verified: true });
    expect(landing(await callback('google', back, { env }))).toMatchObject({ error: 'oauth_state_invalid', session: null });
    expect(google.tokenRequests).toBe(0);
  });

  it('the verifier sent to the token endpoint matches the S256 challenge of this flow (the fake checks it)', async () => {
    const { env, google } = oauthEnv();
    const flow = await startFlow('google', { env });
    const back = google.authorize(flow.location, { sub: `g-${crypto.randomUUID()}`, email: uniqueEmail('pkce-ok'), email_verified: true });
    expect(landing(await callback('google', back, { env, cookie: flow.flowCookie }))).toMatchObject({ error: null });
    expect(google.tokenRequests).toBe(1);
  });

  it('a code issued for another flow’s challenge (injected code) is refused by the provider: ?error=oauth_exchange_failed', async () => {
    const { env, google } = oauthEnv();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const stolen = await startFlow('google', { env });
    const { code } = google.authorize(stolen.location, { sub: 'g-victim', email: uniqueEmail('victim'), email_verified: true });
    const mine = await startFlow('google', { env });
    const { state } = google.authorize(mine.location, { sub: 'g-unused' });
    const res = await callback('google', { code, state }, { env, cookie: mine.flowCookie });
    expect(landing(res)).toMatchObject({ error: 'oauth_exchange_failed', session: null });
    expect(google.tokenRequests).toBe(1);
  });
});
