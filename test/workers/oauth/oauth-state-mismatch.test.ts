// Security requirement 22: the state is bound to the browser that started the flow. A callback whose state
// does not belong to this browser's flow cookie — another flow, another browser (login CSRF), another
// provider, or no state at all — is refused before any token request, and signs nobody in.
import { describe, expect, it } from 'vitest';
import { callback, landing, oauthEnv, startFlow, uniqueEmail } from '../support/index.ts';

describe('OAuth state mismatch', () => {
  it('the state of another flow with this browser’s cookie is refused; both flows stay usable by their own browser', async () => {
    const { env, google } = oauthEnv();
    const a = await startFlow('google', { env });
    const b = await startFlow('google', { env });
    const backA = google.authorize(a.location, { sub: `g-${crypto.randomUUID()}`, email: uniqueEmail('a'), email_verified: true });
    const mixed = await callback('google', backA, { env, cookie: b.flowCookie });
    expect(landing(mixed)).toMatchObject({ error: 'oauth_state_invalid', session: null });
    expect(google.tokenRequests).toBe(0);
    // The mismatch consumed nothing: A's browser still completes A.
    expect(landing(await callback('google', backA, { env, cookie: a.flowCookie }))).toMatchObject({ error: null });
  });

  it('login CSRF: an attacker’s callback URL opened in the victim’s browser does not sign the victim in', async () => {
    const { env, google } = oauthEnv();
    const attacker = await startFlow('google', { env });
    const attackerCallback = google.authorize(attacker.location, {
      sub: `g-attacker-${crypto.randomUUID()}`,
      email: uniqueEmail('attacker'),
      email_verified: true,
    });
    const victim = await startFlow('google', { env }); // the victim has a flow cookie of their own
    for (const cookie of [undefined, victim.flowCookie]) {
      expect(landing(await callback('google', attackerCallback, { env, cookie }))).toMatchObject({
        error: 'oauth_state_invalid',
        session: null,
      });
    }
    expect(google.tokenRequests).toBe(0);
  });

  it('a missing or forged state, or a state of another provider, is refused', async () => {
    const { env, google } = oauthEnv();
    const flow = await startFlow('google', { env });
    const back = google.authorize(flow.location, { sub: 'g-x', email: uniqueEmail('x'), email_verified: true });
    const variants: [string, Record<string, string>][] = [
      ['google', { code: back.code }],
      ['google', { code: back.code, state: `${back.state}x` }],
      ['github', back],
    ];
    for (const [provider, query] of variants) {
      expect(landing(await callback(provider, query, { env, cookie: flow.flowCookie }))).toMatchObject({
        error: 'oauth_state_invalid',
        session: null,
      });
    }
    expect(google.tokenRequests).toBe(0);
  });
});
