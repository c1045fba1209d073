import { Hono } from 'hono';
import * as z from 'zod';
import { backgroundOf } from '../../http/background.ts';
import { parseJson, requestContext } from '../../http/request.ts';
import { describeRoute } from '../../http/route-contract.ts';
import { readSessionCredential } from '../../http/session-credential.ts';
import type { AppEnv } from '../../http/types.ts';
import { requireSession } from '../sessions/session.middleware.ts';
import { validateSession } from '../sessions/sessions.ts';
import { EmailVerified } from './email.schemas.ts';
import { requestEmailVerification, verifyEmail } from './email-verification.ts';

export const VerifyEmailBody = z.strictObject({ token: z.string().min(1).max(256) });

export const emailVerificationRoutes = new Hono<AppEnv>()
  .post(
    '/email/verify/request',
    describeRoute({
      operationId: 'requestEmailVerification',
      summary: 'Send the verification email again',
      tag: 'email',
      auth: true,
      responses: { 202: { description: 'Accepted: the email is on its way' } },
      errors: ['rate_limited'],
    }),
    requireSession,
    async (c) => {
      await requestEmailVerification(c.var.deps, requestContext(c), c.var.session);
      return c.body(null, 202);
    },
  )
  .post(
    '/email/verify',
    describeRoute({
      operationId: 'verifyEmail',
      summary: 'Verify the email address with the token from the link',
      tag: 'email',
      auth: false,
      body: VerifyEmailBody,
      responses: {
        200: {
          description:
            'Verified. prior_credentials_revoked: this first proof of the mailbox, made without a session of the account, ended ' +
            'every credential and session set up before it (password included)',
          schema: EmailVerified,
        },
      },
      errors: ['invalid_token'],
    }),
    async (c) => {
      const { token } = await parseJson(c, VerifyEmailBody);
      const visitor = await validateSession(c.var.deps, readSessionCredential(c), backgroundOf(c));
      const { priorCredentialsRevoked } = await verifyEmail(c.var.deps, requestContext(c), token, visitor);
      return c.json({ email_verified: true, prior_credentials_revoked: priorCredentialsRevoked } satisfies z.input<typeof EmailVerified>);
    },
  );
