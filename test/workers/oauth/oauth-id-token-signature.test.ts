// Security requirement 22: id_tokens are verified against the provider's JWKS with asymmetric algorithms
// only, and must come from the provider's issuer: a token signed by another key, unsigned (`alg: none`),
// HMAC-signed, or from another issuer is refused.
import { generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it, vi } from 'vitest';
import { base64Url } from '../../../src/lib/encoding.ts';
import { callback, GOOGLE_CLIENT, landing, oauthEnv, startFlow, uniqueEmail } from '../support/index.ts';

function setup() {
  const ctx = oauthEnv();
  return {
    ...ctx,
    async run() {
      const flow = await startFlow('google', { env: ctx.env });
      const back = ctx.google.authorize(flow.location, {
        sub: `g-${crypto.randomUUID()}`,
        email: uniqueEmail('sig'),
        email_verified: true,
      });
      return landing(await callback('google', back, { env: ctx.env, cookie: flow.flowCookie }));
    },
  };
}

const enc = (v: unknown) => base64Url(new TextEncoder().encode(JSON.stringify(v)));

describe('OAuth id_token signature and issuer', () => {
  it('signed by a key that is not in the provider’s JWKS: refused', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const t = setup();
    t.google.signWith = (await generateKeyPair('RS256')).privateKey;
    expect(await t.run()).toMatchObject({ error: 'oauth_id_token_invalid', session: null });
  });

  it('unsigned (alg none) or HMAC-signed with the client secret: refused', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (const forge of ['none', 'HS256'] as const) {
      const t = setup();
      t.google.tokenResponse = null;
      const original = t.google.fetch.bind(t.google);
      t.google.fetch = async (req) => {
        const res = await original(req);
        if (!res || req.url !== 'https://oauth2.googleapis.com/token') return res;
        const body = (await res.json()) as { id_token: string };
        const claims = JSON.parse(
          new TextDecoder().decode(
            Uint8Array.from(atob(body.id_token.split('.')[1]!.replaceAll('-', '+').replaceAll('_', '/')), (c) => c.charCodeAt(0)),
          ),
        );
        body.id_token =
          forge === 'none'
            ? `${enc({ alg: 'none', typ: 'JWT' })}.${enc(claims)}.`
            : await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(GOOGLE_CLIENT.secret));
        return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
      };
      expect(await t.run()).toMatchObject({ error: 'oauth_id_token_invalid', session: null });
    }
  });

  it('from another issuer: refused', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const t = setup();
    t.google.idTokenClaims = (c) => ({ ...c, iss: 'https://accounts.evil.example' });
    expect(await t.run()).toMatchObject({ error: 'oauth_id_token_invalid', session: null });
  });
});
