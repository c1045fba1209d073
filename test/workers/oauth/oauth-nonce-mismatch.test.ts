// Security requirement 22: the id_token must carry the nonce bound to this browser's flow, so a token minted
// for another flow (replayed or injected) is refused.
import { describe, expect, it, vi } from 'vitest';
import { callback, landing, oauthEnv, sql, startFlow, uniqueEmail } from '../support/index.ts';

describe('OAuth id_token nonce', () => {
  it('an id_token carrying another flow’s nonce is refused; nothing is created', async () => {
    const { env, google } = oauthEnv();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const other = await startFlow('google', { env });
    const otherNonce = new URL(other.location).searchParams.get('nonce')!;
    google.idTokenClaims = (c) => ({ ...c, nonce: otherNonce });
    const email = uniqueEmail('nonce');
    const flow = await startFlow('google', { env });
    const res = await callback('google', google.authorize(flow.location, { sub: 'g-nonce', email, email_verified: true }), {
      env,
      cookie: flow.flowCookie,
    });
    expect(landing(res)).toMatchObject({ error: 'oauth_id_token_invalid', session: null });
    expect(await sql('select 1 from $schema.users where email = $1', [email])).toHaveLength(0);
  });

  it('an id_token without a nonce is refused', async () => {
    const { env, google } = oauthEnv();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    google.idTokenClaims = ({ nonce: _dropped, ...c }) => c;
    const flow = await startFlow('google', { env });
    const res = await callback(
      'google',
      google.authorize(flow.location, { sub: 'g-no-nonce', email: uniqueEmail('no-nonce'), email_verified: true }),
      { env, cookie: flow.flowCookie },
    );
    expect(landing(res)).toMatchObject({ error: 'oauth_id_token_invalid', session: null });
  });
});
