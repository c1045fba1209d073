import { Hono } from 'hono';
import * as z from 'zod';
import { backgroundOf, runInBackground } from '../../http/background.ts';
import { captchaTokenField, requireCaptcha } from '../../http/captcha.ts';
import { clearSessionCookie } from '../../http/cookies.ts';
import { enforceRateLimit } from '../../http/rate-limit.ts';
import { parseJson, requestContext } from '../../http/request.ts';
import { describeRoute } from '../../http/route-contract.ts';
import { isBearerRequest, readSessionCredential } from '../../http/session-credential.ts';
import type { AppEnv } from '../../http/types.ts';
import { emailField } from '../../lib/email.ts';
import { passwordField } from '../../lib/password-policy.ts';
import { textField } from '../../lib/text.ts';
import { register } from '../accounts/registration.ts';
import { deliverRegistrationVerification } from '../email/email-verification.ts';
import { SIGN_IN_ANSWER } from '../mfa/mfa.schemas.ts';
import { requireSession } from '../sessions/session.middleware.ts';
import { SignedIn } from '../sessions/session.schemas.ts';
import { endSession } from '../sessions/sessions.ts';
import { readDeviceCookie } from './device-cookie.ts';
import { login } from './password-login.ts';
import { respondSession, respondSignIn } from './sign-in.http.ts';

export const RegisterBody = z.strictObject({
  email: emailField,
  password: passwordField,
  organization_name: textField({ max: 200 }).optional(),
  name: textField({ max: 200 }).optional(),
  turnstile_token: captchaTokenField,
});

// No policy check on login: a wrong-length password is just a wrong password (same generic failure).
export const LoginBody = z.strictObject({
  email: emailField,
  password: z.string().min(1).max(1024),
});

export const authRoutes = new Hono<AppEnv>()
  .post(
    '/register',
    describeRoute({
      operationId: 'register',
      summary: 'Create an account and its organization, and sign in',
      tag: 'auth',
      auth: false,
      sessionTransport: true,
      captcha: true,
      body: RegisterBody,
      responses: { 201: { description: 'Signed in', schema: SignedIn, sessionCookie: 'set' } },
      errors: ['rate_limited', 'email_taken', 'password_breached'],
    }),
    async (c) => {
      const { turnstile_token, ...input } = await parseJson(c, RegisterBody);
      await requireCaptcha(c, turnstile_token);
      await enforceRateLimit(c, 'register', input.email);
      const ctx = requestContext(c);
      const { record, session, verificationToken } = await register(c.var.deps, ctx, input);
      runInBackground(c, 'verification email', () => deliverRegistrationVerification(c.var.deps, ctx, record.user, verificationToken));
      return respondSession(c, record, session, 201);
    },
  )
  .post(
    '/login',
    describeRoute({
      operationId: 'login',
      summary: 'Sign in with email and password',
      tag: 'auth',
      auth: false,
      sessionTransport: true,
      body: LoginBody,
      responses: { 200: SIGN_IN_ANSWER },
      errors: ['rate_limited', 'invalid_credentials'],
    }),
    async (c) => {
      const input = await parseJson(c, LoginBody);
      await enforceRateLimit(c, 'login', input.email);
      return respondSignIn(c, await login(c.var.deps, requestContext(c), { ...input, deviceToken: readDeviceCookie(c) }));
    },
  )
  .get(
    '/session',
    describeRoute({
      operationId: 'getSession',
      summary: 'The current session',
      tag: 'sessions',
      auth: true,
      responses: { 200: { description: 'Signed in', schema: SignedIn } },
      errors: [],
    }),
    requireSession,
    (c) => c.json(c.var.session.record satisfies z.input<typeof SignedIn>),
  )
  .post(
    '/logout',
    describeRoute({
      operationId: 'logout',
      summary: 'End the current session',
      tag: 'auth',
      auth: false,
      responses: { 204: { description: 'Done (also without a session)', sessionCookie: 'clear' } },
      errors: [],
    }),
    async (c) => {
      const userId = await endSession(c.var.deps, requestContext(c), readSessionCredential(c), backgroundOf(c));
      if (userId) c.set('userId', userId);
      // A bearer logout has no cookie to delete (and must not answer with one).
      if (!isBearerRequest(c)) clearSessionCookie(c);
      return c.body(null, 204);
    },
  );
