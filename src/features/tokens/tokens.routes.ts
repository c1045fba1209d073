import { Hono } from 'hono';
import { describeRoute } from '../../http/route-contract.ts';
import type { AppEnv } from '../../http/types.ts';
import { requireSession } from '../sessions/session.middleware.ts';
import { issueAccessToken } from './access-token.ts';
import { AccessTokenResponse } from './tokens.schemas.ts';

export const tokenRoutes = new Hono<AppEnv>().post(
  '/token',
  describeRoute({
    operationId: 'issueAccessToken',
    summary: 'A short-lived access token (EdDSA JWT) for other services, verifiable with the JWKS',
    tag: 'tokens',
    auth: true,
    responses: { 200: { description: 'Access token', schema: AccessTokenResponse } },
    errors: [],
  }),
  requireSession,
  async (c) => {
    const token = await issueAccessToken(c.var.deps, c.var.session.record);
    c.header('Cache-Control', 'no-store');
    return c.json(token);
  },
);
