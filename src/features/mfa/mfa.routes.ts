import { Hono } from 'hono';
import * as z from 'zod';
import { FreshAuthBody, freshAuth } from '../sign-in/fresh-auth.ts';
import { enforceRateLimit } from '../../http/rate-limit.ts';
import { parseJson, parseOptionalJson, requestContext } from '../../http/request.ts';
import { respondSignIn } from '../sign-in/sign-in.http.ts';
import type { AppEnv } from '../../http/types.ts';
import { requireSession } from '../sessions/session.middleware.ts';
import { completeMfaChallenge } from './mfa-challenge.ts';
import { mfaStatus } from './mfa-pending.ts';
import { remainingRecoveryCodes } from './recovery-codes.ts';
import { confirmTotp, disableTotp, regenerateRecoveryCodes, setupTotp } from './totp.ts';

const TotpCode = z.string().trim().regex(/^\d{6}$/, 'must be the 6-digit code from the authenticator app');

export const ConfirmTotpBody = z.strictObject({ code: TotpCode });

export const MfaChallengeBody = z.union([
  z.strictObject({ mfa_token: z.string().min(1).max(256), code: TotpCode }),
  z.strictObject({ mfa_token: z.string().min(1).max(256), recovery_code: z.string().trim().min(1).max(64) }),
]);

export const mfaRoutes = new Hono<AppEnv>()
  .post('/challenge', async (c) => {
    const input = await parseJson(c, MfaChallengeBody);
    await enforceRateLimit(c, 'mfaChallenge');
    const proof = 'code' in input ? { code: input.code } : { recovery_code: input.recovery_code };
    return respondSignIn(c, await completeMfaChallenge(c.var.deps, requestContext(c), input.mfa_token, proof));
  })
  .use(requireSession)
  .get('/', async (c) => {
    const userId = c.var.session.record.user.id;
    const [status, remaining] = await Promise.all([mfaStatus(c.var.deps, userId), remainingRecoveryCodes(c.var.deps, userId)]);
    return c.json({ enabled: status.enabled, methods: status.methods, recovery_codes_remaining: remaining });
  })
  .post('/totp/setup', async (c) => {
    const { password } = await parseOptionalJson(c, FreshAuthBody);
    await freshAuth(c, password);
    return c.json(await setupTotp(c.var.deps, c.var.session));
  })
  .post('/totp/confirm', async (c) => {
    const { code } = await parseJson(c, ConfirmTotpBody);
    return c.json({ recovery_codes: await confirmTotp(c.var.deps, requestContext(c), c.var.session, code) });
  })
  .delete('/totp', async (c) => {
    const { password } = await parseOptionalJson(c, FreshAuthBody);
    await freshAuth(c, password);
    await disableTotp(c.var.deps, requestContext(c), c.var.session);
    return c.body(null, 204);
  })
  .post('/recovery-codes', async (c) => {
    const { password } = await parseOptionalJson(c, FreshAuthBody);
    await freshAuth(c, password);
    return c.json({ recovery_codes: await regenerateRecoveryCodes(c.var.deps, requestContext(c), c.var.session) });
  });
