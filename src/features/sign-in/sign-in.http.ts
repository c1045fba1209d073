import type { Context } from 'hono';
import type * as z from 'zod';
import { writeSessionCookie } from '../../http/cookies.ts';
import { wantsBearerSession } from '../../http/session-credential.ts';
import type { AppEnv } from '../../http/types.ts';
import type { MfaRequired } from '../mfa/mfa.schemas.ts';
import type { SignedIn } from '../sessions/session.schemas.ts';
import type { NewSession, SessionRecord } from '../sessions/sessions.ts';
import { rememberDevice } from './device-cookie.ts';
import type { SignInResult } from './sign-in-types.ts';

/**
 * The HTTP answer to a completed factor: the session and `{user, organization, session}`, or — MFA on, only a
 * first factor proven — `{mfa_required: true, mfa_token, methods}` with no session at all (whatever the
 * transport: the MFA challenge request then chooses it).
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
  return respondSession(c, result.record, result.session, status);
}

/**
 * A new session, on the transport the client asked for. Browsers: the session cookie (and the device cookie).
 * `IdentSphere-Session-Transport: bearer` (native apps): the same token as `session_token` in the body and no
 * Set-Cookie at all. Bearer clients get no device-trust equivalent: the device cookie only spares a known
 * browser the per-account lockout, and a native app that stored a token for it could simply keep its session.
 */
export async function respondSession(c: Context<AppEnv>, record: SessionRecord, session: NewSession, status: 200 | 201 = 200) {
  c.set('userId', record.user.id);
  if (wantsBearerSession(c)) return c.json({ ...record, session_token: session.jwt } satisfies z.input<typeof SignedIn>, status);
  writeSessionCookie(c, session.jwt, session.expiresAt);
  await rememberDevice(c, record.user.id);
  return c.json(record satisfies z.input<typeof SignedIn>, status);
}
