import { Hono } from 'hono';
import type * as z from 'zod';
import { describeRoute } from '../../http/route-contract.ts';
import type { AppEnv } from '../../http/types.ts';
import { JWKS_MAX_AGE_SECONDS } from './signing-key-material.ts';
import { publishedKeys } from './signing-keys.ts';
import { Jwks } from './tokens.schemas.ts';

/** Mounted at /.well-known, outside /v1: the conventional place verifiers look. */
export const jwksRoutes = new Hono<AppEnv>().get(
  '/jwks.json',
  describeRoute({
    operationId: 'getJwks',
    summary: 'The public keys that verify access tokens (JWKS)',
    tag: 'tokens',
    auth: false,
    responses: { 200: { description: 'JSON Web Key Set', schema: Jwks } },
    errors: [],
  }),
  async (c) => {
    const keys = await publishedKeys(c.var.deps);
    // Public data: Cloudflare and verifiers may cache it; a new key is published this long before it signs.
    c.header('Cache-Control', `public, max-age=${JWKS_MAX_AGE_SECONDS}`);
    return c.json({ keys } as z.input<typeof Jwks>);
  },
);
