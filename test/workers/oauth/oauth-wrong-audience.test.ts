// Security requirement 22: an id_token issued to another client (audience) is refused — a token a user gave
// some other site must not sign them in here.
import { describe, expect, it, vi } from 'vitest';
import { callback, GOOGLE_CLIENT, landing, oauthEnv, startFlow, uniqueEmail } from '../support/index.ts';

async function attempt(claims: (c: Record<string, unknown>) => Record<string, unknown>) {
  const { env, google } = oauthEnv();
  google.idTokenClaims = claims;
  const flow = await startFlow('google', { env });
  const back = google.authorize(flow.location, { sub: `g-${crypto.randomUUID()}`, email: uniqueEmail('aud'), email_verified: true });
  return landing(await callback('google', back, { env, cookie: flow.flowCookie }));
}

describe('OAuth id_token audience', () => {
  it('another client’s audience is refused', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(
      await attempt((c) => ({ ...c, aud: 'another-app.apps.googleusercontent.com', azp: 'another-app.apps.googleusercontent.com' })),
    ).toMatchObject({
      error: 'oauth_id_token_invalid',
      session: null,
    });
  });

  it('several audiences need azp naming us; with it the token is accepted', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const both = [GOOGLE_CLIENT.id, 'another-app'];
    expect(await attempt((c) => ({ ...c, aud: both, azp: 'another-app' }))).toMatchObject({
      error: 'oauth_id_token_invalid',
      session: null,
    });
    expect(await attempt((c) => ({ ...c, aud: both, azp: GOOGLE_CLIENT.id }))).toMatchObject({ error: null });
  });
});
