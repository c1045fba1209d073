import { Hono } from 'hono';
import * as z from 'zod';
import { readSessionCookie } from '../../http/cookies.ts';
import { parseJson, requestContext } from '../../http/request.ts';
import type { AppEnv } from '../../http/types.ts';
import { requireSession } from '../sessions/session.middleware.ts';
import { requestEmailVerification, verifyEmail } from './email-verification.ts';
import { validateSession } from '../sessions/sessions.ts';

export const VerifyEmailBody = z.strictObject({ token: z.string().min(1).max(256) });

export const emailVerificationRoutes = new Hono<AppEnv>()
  .post('/email/verify/request', requireSession, async (c) => {
    await requestEmailVerification(c.var.deps, requestContext(c), c.var.session);
    return c.body(null, 202);
  })
  .post('/email/verify', async (c) => {
    const { token } = await parseJson(c, VerifyEmailBody);
    const visitor = await validateSession(c.var.deps, readSessionCookie(c));
    const { priorCredentialsRevoked } = await verifyEmail(c.var.deps, requestContext(c), token, visitor);
    return c.json({ email_verified: true, prior_credentials_revoked: priorCredentialsRevoked });
  });
