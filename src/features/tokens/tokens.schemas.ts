import * as z from 'zod';

export const AccessTokenResponse = z
  .strictObject({
    access_token: z.string(),
    token_type: z.literal('Bearer'),
    expires_in: z.number().int().positive(),
  })
  .meta({ id: 'AccessToken' });

const PublicJwk = z.strictObject({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  x: z.string(),
  kid: z.string(),
  alg: z.literal('EdDSA'),
  use: z.literal('sig'),
});

export const Jwks = z.strictObject({ keys: z.array(PublicJwk) }).meta({ id: 'JWKS' });
