import { Hono } from 'hono';
import * as z from 'zod';
import { runInBackground } from '../../http/background.ts';
import { captchaTokenField, requireCaptcha } from '../../http/captcha.ts';
import { enforceRateLimit } from '../../http/rate-limit.ts';
import { parseJson, requestContext } from '../../http/request.ts';
import { describeRoute } from '../../http/route-contract.ts';
import type { AppEnv } from '../../http/types.ts';
import { emailField } from '../../lib/email.ts';
import { passwordField } from '../../lib/password-policy.ts';
import { changePassword, sendPasswordChanged } from '../accounts/password-change.ts';
import { requireSession } from '../sessions/session.middleware.ts';
import { requestPasswordReset, resetPassword } from './password-reset.ts';

export const ForgotBody = z.strictObject({ email: emailField, turnstile_token: captchaTokenField });
export const ResetBody = z.strictObject({ token: z.string().min(1).max(256), password: passwordField });
export const ChangeBody = z.strictObject({ current_password: z.string().min(1).max(1024), new_password: passwordField });

export const passwordRoutes = new Hono<AppEnv>()
  .post(
    '/password/forgot',
    describeRoute({
      operationId: 'forgotPassword',
      summary: 'Email a password reset link (same answer whether or not the account exists)',
      tag: 'password',
      auth: false,
      captcha: true,
      body: ForgotBody,
      responses: { 202: { description: 'Accepted: a link is sent if the account exists' } },
      errors: ['rate_limited'],
    }),
    async (c) => {
      const { email, turnstile_token } = await parseJson(c, ForgotBody);
      await requireCaptcha(c, turnstile_token);
      await enforceRateLimit(c, 'passwordForgot', email);
      // The same answer, after the same work, for every address: everything that depends on whether the
      // account exists happens after the response.
      runInBackground(c, 'password reset email', () => requestPasswordReset(c.var.deps, requestContext(c), email));
      return c.body(null, 202);
    },
  )
  .post(
    '/password/reset',
    describeRoute({
      operationId: 'resetPassword',
      summary: 'Set a new password with a reset token (ends every session of the user)',
      tag: 'password',
      auth: false,
      body: ResetBody,
      responses: { 204: { description: 'Done' } },
      errors: ['rate_limited', 'invalid_token', 'password_breached'],
    }),
    async (c) => {
      const input = await parseJson(c, ResetBody);
      await enforceRateLimit(c, 'passwordForgot');
      const ctx = requestContext(c);
      const { userId, email } = await resetPassword(c.var.deps, ctx, input);
      c.set('userId', userId);
      runInBackground(c, 'password changed email', () => sendPasswordChanged(c.var.deps, ctx, { userId, email }));
      return c.body(null, 204);
    },
  )
  .post(
    '/password/change',
    describeRoute({
      operationId: 'changePassword',
      summary: 'Change the password (the current one is required)',
      tag: 'password',
      auth: true,
      body: ChangeBody,
      responses: { 204: { description: 'Done' } },
      errors: ['invalid_password', 'password_not_set', 'password_breached'],
    }),
    requireSession,
    async (c) => {
      const input = await parseJson(c, ChangeBody);
      const ctx = requestContext(c);
      const { email } = await changePassword(c.var.deps, ctx, c.var.session, input);
      const userId = c.var.session.record.user.id;
      runInBackground(c, 'password changed email', () => sendPasswordChanged(c.var.deps, ctx, { userId, email }));
      return c.body(null, 204);
    },
  );
