import { Hono } from 'hono';
import * as z from 'zod';
import { captchaTokenField, requireCaptcha } from '../../http/captcha.ts';
import { enforceRateLimit } from '../../http/rate-limit.ts';
import { parseJson, requestContext } from '../../http/request.ts';
import { describeRoute } from '../../http/route-contract.ts';
import type { AppEnv } from '../../http/types.ts';
import { passwordField } from '../../lib/password-policy.ts';
import { textField } from '../../lib/text.ts';
import { requireSession } from '../sessions/session.middleware.ts';
import { SignedIn } from '../sessions/session.schemas.ts';
import { respondSession } from '../sign-in/sign-in.http.ts';
import { acceptInvitation, registerByInvitation } from './invitations.ts';
import { JoinedOrganization } from './organization.schemas.ts';

const token = z.string().min(1).max(200);
export const AcceptInvitationBody = z.strictObject({ token });
export const RegisterByInvitationBody = z.strictObject({
  token,
  password: passwordField,
  name: textField({ max: 200 }).optional(),
  turnstile_token: captchaTokenField,
});

export const invitationRoutes = new Hono<AppEnv>()
  .post(
    '/accept',
    describeRoute({
      operationId: 'acceptInvitation',
      summary: 'Accept an invitation as the signed-in account (it must be the invited address)',
      tag: 'invitations',
      auth: true,
      body: AcceptInvitationBody,
      responses: { 200: { description: 'Joined', schema: JoinedOrganization } },
      errors: ['invitation_invalid', 'invitation_email_mismatch', 'already_member'],
    }),
    requireSession,
    async (c) => {
      const { token } = await parseJson(c, AcceptInvitationBody);
      return c.json(
        (await acceptInvitation(c.var.deps, requestContext(c), c.var.session, token)) satisfies z.input<typeof JoinedOrganization>,
      );
    },
  )
  // Accepting without an account: creates one for the invited address and signs it in.
  .post(
    '/register',
    describeRoute({
      operationId: 'registerByInvitation',
      summary: 'Accept an invitation by creating the invited account, and sign in',
      tag: 'invitations',
      auth: false,
      sessionTransport: true,
      captcha: true,
      body: RegisterByInvitationBody,
      responses: { 201: { description: 'Signed in', schema: SignedIn, sessionCookie: 'set' } },
      errors: ['rate_limited', 'invitation_invalid', 'email_taken', 'password_breached'],
    }),
    async (c) => {
      const { turnstile_token, ...input } = await parseJson(c, RegisterByInvitationBody);
      await requireCaptcha(c, turnstile_token);
      await enforceRateLimit(c, 'register');
      const { record, session } = await registerByInvitation(c.var.deps, requestContext(c), input);
      return respondSession(c, record, session, 201);
    },
  );
