import { Hono } from 'hono';
import * as z from 'zod';
import { enforceRateLimit } from '../../http/rate-limit.ts';
import { parseJson, parseOptionalJson, requestContext } from '../../http/request.ts';
import { describeRoute } from '../../http/route-contract.ts';
import type { AppEnv } from '../../http/types.ts';
import { requireSession } from '../sessions/session.middleware.ts';
import { SignedIn } from '../sessions/session.schemas.ts';
import { FreshAuthBody, freshAuth } from '../sign-in/fresh-auth.ts';
import { respondSignIn } from '../sign-in/sign-in.http.ts';
import { MfaStatus, RecoveryCodes, TotpSetup } from './mfa.schemas.ts';
import { completeMfaChallenge } from './mfa-challenge.ts';
import { mfaStatus } from './mfa-pending.ts';
import { remainingRecoveryCodes } from './recovery-codes.ts';
import { confirmTotp, disableTotp, regenerateRecoveryCodes, setupTotp } from './totp.ts';

const TotpCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'must be the 6-digit code from the authenticator app');

export const ConfirmTotpBody = z.strictObject({ code: TotpCode });

export const MfaChallengeBody = z.union([
  z.strictObject({ mfa_token: z.string().min(1).max(256), code: TotpCode }),
  z.strictObject({ mfa_token: z.string().min(1).max(256), recovery_code: z.string().trim().min(1).max(64) }),
]);

export const mfaRoutes = new Hono<AppEnv>()
  .post(
    '/challenge',
    describeRoute({
      operationId: 'completeMfaChallenge',
      summary: 'Finish a sign-in that answered mfa_required, with a TOTP code or a recovery code',
      tag: 'mfa',
      auth: false,
      sessionTransport: true,
      body: MfaChallengeBody,
      responses: { 200: { description: 'Signed in', schema: SignedIn, sessionCookie: 'set' } },
      errors: ['rate_limited', 'invalid_mfa_token', 'invalid_mfa_code'],
    }),
    async (c) => {
      const input = await parseJson(c, MfaChallengeBody);
      await enforceRateLimit(c, 'mfaChallenge');
      const proof = 'code' in input ? { code: input.code } : { recovery_code: input.recovery_code };
      return respondSignIn(c, await completeMfaChallenge(c.var.deps, requestContext(c), input.mfa_token, proof));
    },
  )
  .use(requireSession)
  .get(
    '/',
    describeRoute({
      operationId: 'getMfaStatus',
      summary: 'Whether MFA is on, its methods, and how many recovery codes are left',
      tag: 'mfa',
      auth: true,
      responses: { 200: { description: 'MFA status', schema: MfaStatus } },
      errors: [],
    }),
    async (c) => {
      const userId = c.var.session.record.user.id;
      const [status, remaining] = await Promise.all([mfaStatus(c.var.deps, userId), remainingRecoveryCodes(c.var.deps, userId)]);
      return c.json({ enabled: status.enabled, methods: status.methods, recovery_codes_remaining: remaining } satisfies z.input<
        typeof MfaStatus
      >);
    },
  )
  .post(
    '/totp/setup',
    describeRoute({
      operationId: 'setupTotp',
      summary: 'Start TOTP enrolment (fresh authentication: the password, or a recent sign-in)',
      tag: 'mfa',
      auth: true,
      body: FreshAuthBody,
      bodyRequired: false,
      responses: { 200: { description: 'The secret to add to the authenticator app', schema: TotpSetup } },
      errors: ['reauthentication_required', 'mfa_already_enabled'],
    }),
    async (c) => {
      const { password } = await parseOptionalJson(c, FreshAuthBody);
      await freshAuth(c, password);
      return c.json((await setupTotp(c.var.deps, c.var.session)) satisfies z.input<typeof TotpSetup>);
    },
  )
  .post(
    '/totp/confirm',
    describeRoute({
      operationId: 'confirmTotp',
      summary: 'Confirm TOTP enrolment with a first code; turns MFA on',
      tag: 'mfa',
      auth: true,
      body: ConfirmTotpBody,
      responses: { 200: { description: 'MFA on; the recovery codes (shown once)', schema: RecoveryCodes } },
      errors: ['invalid_mfa_code', 'mfa_already_enabled', 'mfa_not_enabled', 'conflict'],
    }),
    async (c) => {
      const { code } = await parseJson(c, ConfirmTotpBody);
      return c.json({ recovery_codes: await confirmTotp(c.var.deps, requestContext(c), c.var.session, code) } satisfies z.input<
        typeof RecoveryCodes
      >);
    },
  )
  .delete(
    '/totp',
    describeRoute({
      operationId: 'disableTotp',
      summary: 'Turn TOTP off (fresh authentication: the password, or a recent sign-in)',
      tag: 'mfa',
      auth: true,
      body: FreshAuthBody,
      bodyRequired: false,
      responses: { 204: { description: 'Done' } },
      errors: ['reauthentication_required', 'mfa_not_enabled'],
    }),
    async (c) => {
      const { password } = await parseOptionalJson(c, FreshAuthBody);
      await freshAuth(c, password);
      await disableTotp(c.var.deps, requestContext(c), c.var.session);
      return c.body(null, 204);
    },
  )
  .post(
    '/recovery-codes',
    describeRoute({
      operationId: 'regenerateRecoveryCodes',
      summary: 'Replace the recovery codes (fresh authentication: the password, or a recent sign-in)',
      tag: 'mfa',
      auth: true,
      body: FreshAuthBody,
      bodyRequired: false,
      responses: { 200: { description: 'The new recovery codes (shown once); the old ones no longer work', schema: RecoveryCodes } },
      errors: ['reauthentication_required', 'mfa_not_enabled'],
    }),
    async (c) => {
      const { password } = await parseOptionalJson(c, FreshAuthBody);
      await freshAuth(c, password);
      return c.json({ recovery_codes: await regenerateRecoveryCodes(c.var.deps, requestContext(c), c.var.session) } satisfies z.input<
        typeof RecoveryCodes
      >);
    },
  );
