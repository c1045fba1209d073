import type { Context } from 'hono';
import type * as z from 'zod';
import { writeSessionCookie } from '../../http/cookies.ts';
import type { AppEnv } from '../../http/types.ts';
import type { MfaRequired } from '../mfa/mfa.schemas.ts';
import type { SignedIn } from '../sessions/session.schemas.ts';
import { rememberDevice } from './device-cookie.ts';
import type { SignInResult } from './sign-in-types.ts';

/**
 * The HTTP answer to a completed factor: the session cookie and `{user, organization, session}`, or — MFA on,
 * only a first factor proven — `{mfa_required: true, mfa_token, methods}` with no cookie at all.
 */
export async function respondSignIn(c: Context<AppEnv>, result: SignInResult, status: 200 | 201 = 200) {
  if (result.kind === 'mfa_required') {
    c.set('userId', result.userId);
    return c.json(
      {
        mfa_required: true,
        mfa_token: result.mfaToken,
        methods: result.methods,
        expires_at: result.expiresAt.toISOString(),
      } satisfies z.input<typeof MfaRequired>,
      200,
    );
  }
  c.set('userId', result.record.user.id);
  writeSessionCookie(c, result.session.jwt, result.session.expiresAt);
  await rememberDevice(c, result.record.user.id);
  return c.json(result.record satisfies z.input<typeof SignedIn>, status);
}
