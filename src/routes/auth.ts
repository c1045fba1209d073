import { Hono } from 'hono';
import { z } from 'zod';
import { clearSessionCookie, readSessionCookie, writeSessionCookie } from '../http/cookies.ts';
import { parseJson, requestContext } from '../http/request.ts';
import type { AppEnv } from '../http/types.ts';
import { emailField } from '../lib/email.ts';
import { passwordField } from '../lib/password-policy.ts';
import { requireSession } from '../middleware/session.ts';
import { register } from '../services/registration.ts';
import { endSession } from '../services/sessions.ts';

export const RegisterBody = z.strictObject({
  email: emailField,
  password: passwordField,
  organization_name: z.string().trim().min(1).max(200).optional(),
  name: z.string().trim().min(1).max(200).optional(),
});

export const authRoutes = new Hono<AppEnv>()
  .post('/register', async (c) => {
    const input = await parseJson(c, RegisterBody);
    const { record, session } = await register(c.var.deps, requestContext(c), input);
    c.set('userId', record.user.id);
    writeSessionCookie(c, session.jwt, session.expiresAt);
    return c.json(record, 201);
  })
  .get('/session', requireSession, (c) => c.json(c.var.session!.record))
  .post('/logout', async (c) => {
    const userId = await endSession(c.var.deps, requestContext(c), readSessionCookie(c));
    if (userId) c.set('userId', userId);
    clearSessionCookie(c);
    return c.body(null, 204);
  });
