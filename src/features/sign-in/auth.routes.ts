import { Hono } from 'hono';
import * as z from 'zod';
import { clearSessionCookie, readSessionCookie, writeSessionCookie } from '../../http/cookies.ts';
import { runInBackground } from '../../http/background.ts';
import { readDeviceCookie, rememberDevice } from './device-cookie.ts';
import { enforceRateLimit } from '../../http/rate-limit.ts';
import { parseJson, requestContext } from '../../http/request.ts';
import { respondSignIn } from './sign-in.http.ts';
import type { AppEnv } from '../../http/types.ts';
import { emailField } from '../../lib/email.ts';
import { passwordField } from '../../lib/password-policy.ts';
import { requireSession } from '../sessions/session.middleware.ts';
import { login } from './password-login.ts';
import { deliverRegistrationVerification } from '../email/email-verification.ts';
import { register } from '../accounts/registration.ts';
import { endSession } from '../sessions/sessions.ts';
import { textField } from '../../lib/text.ts';

export const RegisterBody = z.strictObject({
  email: emailField,
  password: passwordField,
  organization_name: textField({ max: 200 }).optional(),
  name: textField({ max: 200 }).optional(),
});

// No policy check on login: a wrong-length password is just a wrong password (same generic failure).
export const LoginBody = z.strictObject({
  email: emailField,
  password: z.string().min(1).max(1024),
});

export const authRoutes = new Hono<AppEnv>()
  .post('/register', async (c) => {
    const input = await parseJson(c, RegisterBody);
    await enforceRateLimit(c, 'register', input.email);
    const { record, session, verificationToken } = await register(c.var.deps, requestContext(c), input);
    c.set('userId', record.user.id);
    runInBackground(c, 'verification email', () => deliverRegistrationVerification(c.var.deps, record.user.email, verificationToken));
    writeSessionCookie(c, session.jwt, session.expiresAt);
    await rememberDevice(c, record.user.id);
    return c.json(record, 201);
  })
  .post('/login', async (c) => {
    const input = await parseJson(c, LoginBody);
    await enforceRateLimit(c, 'login', input.email);
    return respondSignIn(c, await login(c.var.deps, requestContext(c), { ...input, deviceToken: readDeviceCookie(c) }));
  })
  .get('/session', requireSession, (c) => c.json(c.var.session.record))
  .post('/logout', async (c) => {
    const userId = await endSession(c.var.deps, requestContext(c), readSessionCookie(c));
    if (userId) c.set('userId', userId);
    clearSessionCookie(c);
    return c.body(null, 204);
  });
