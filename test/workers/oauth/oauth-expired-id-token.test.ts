// Security requirement 22: an expired id_token is refused (judged on the injected clock, 30 s tolerance), and
// so is one issued in the future or long ago (a replayed token).
import { describe, expect, it, vi } from 'vitest';
import { callback, landing, oauthEnv, startFlow, uniqueEmail } from '../support/index.ts';

async function attempt(shift: (iat: number) => { iat: number; exp: number }) {
  const { env, google } = oauthEnv();
  google.idTokenClaims = (c) => ({ ...c, ...shift(c.iat!) });
  const flow = await startFlow('google', { env });
  const back = google.authorize(flow.location, { sub: `g-${crypto.randomUUID()}`, email: uniqueEmail('exp'), email_verified: true });
  return landing(await callback('google', back, { env, cookie: flow.flowCookie }));
}

describe('OAuth id_token expiry', () => {
  it('a token that expired a minute ago is refused', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await attempt((iat) => ({ iat: iat - 120, exp: iat - 60 }))).toMatchObject({ error: 'oauth_id_token_invalid', session: null });
  });

  it('a token issued in the future (beyond clock skew) or over 10 minutes ago is refused; one expiring in a minute is fine', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await attempt((iat) => ({ iat: iat + 600, exp: iat + 4200 }))).toMatchObject({ error: 'oauth_id_token_invalid', session: null });
    expect(await attempt((iat) => ({ iat: iat - 3000, exp: iat + 600 }))).toMatchObject({ error: 'oauth_id_token_invalid', session: null });
    expect(await attempt((iat) => ({ iat, exp: iat + 60 }))).toMatchObject({ error: null });
  });
});
