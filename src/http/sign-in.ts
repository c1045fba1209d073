import type { Context } from 'hono';
import type { SignInResult } from '../services/sign-in.ts';
import { writeSessionCookie } from './cookies.ts';
import type { AppEnv } from './types.ts';

/** The HTTP answer to a completed first factor: the session cookie and `{user, organization, session}`. */
export function respondSignIn(c: Context<AppEnv>, result: SignInResult, status: 200 | 201 = 200) {
  c.set('userId', result.record.user.id);
  writeSessionCookie(c, result.session.jwt, result.session.expiresAt);
  return c.json(result.record, status);
}
