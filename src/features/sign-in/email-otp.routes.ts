import { Hono } from 'hono';
import * as z from 'zod';
import { runInBackground } from '../../http/background.ts';
import { captchaTokenField, requireCaptcha } from '../../http/captcha.ts';
import { enforceRateLimit } from '../../http/rate-limit.ts';
import { parseJson, requestContext } from '../../http/request.ts';
import { describeRoute } from '../../http/route-contract.ts';
import type { AppEnv } from '../../http/types.ts';
import { emailField } from '../../lib/email.ts';
import { SIGN_IN_ANSWER } from '../mfa/mfa.schemas.ts';
import { requestEmailOtp, verifyEmailOtp } from './email-otp.ts';
import { respondSignIn } from './sign-in.http.ts';

export const EmailOtpRequestBody = z.strictObject({ email: emailField, turnstile_token: captchaTokenField });
export const EmailOtpVerifyBody = z.strictObject({ email: emailField, code: z.string().regex(/^\d{6}$/, 'must be 6 digits') });

export const emailOtpRoutes = new Hono<AppEnv>()
  .post(
    '/email-otp/request',
    describeRoute({
      operationId: 'requestEmailOtp',
      summary: 'Email a 6-digit sign-in code (same answer whether or not the account exists)',
      tag: 'auth',
      auth: false,
      captcha: true,
      body: EmailOtpRequestBody,
      responses: { 202: { description: 'Accepted: a code is sent if the account exists' } },
      errors: ['rate_limited'],
    }),
    async (c) => {
      const { email, turnstile_token } = await parseJson(c, EmailOtpRequestBody);
      await requireCaptcha(c, turnstile_token);
      await enforceRateLimit(c, 'emailOtp', email);
      // Identical answer whatever the address: the lookup, the code and the email all happen afterwards.
      runInBackground(c, 'email sign-in code', () => requestEmailOtp(c.var.deps, requestContext(c), email));
      return c.body(null, 202);
    },
  )
  .post(
    '/email-otp/verify',
    describeRoute({
      operationId: 'verifyEmailOtp',
      summary: 'Sign in with an emailed code',
      tag: 'auth',
      auth: false,
      sessionTransport: true,
      body: EmailOtpVerifyBody,
      responses: { 200: SIGN_IN_ANSWER },
      errors: ['rate_limited', 'invalid_code'],
    }),
    async (c) => {
      const input = await parseJson(c, EmailOtpVerifyBody);
      // A code guess is a sign-in attempt: the login limits apply (the per-code cap of 5 is the exact one).
      await enforceRateLimit(c, 'login', input.email);
      return respondSignIn(c, await verifyEmailOtp(c.var.deps, requestContext(c), input));
    },
  );
