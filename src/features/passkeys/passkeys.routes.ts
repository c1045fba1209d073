import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { Hono } from 'hono';
import * as z from 'zod';
import { enforceRateLimit } from '../../http/rate-limit.ts';
import { parseJson, parseOptionalJson, requestContext } from '../../http/request.ts';
import { describeRoute } from '../../http/route-contract.ts';
import type { AppEnv } from '../../http/types.ts';
import { emailField } from '../../lib/email.ts';
import { ApiError } from '../../lib/errors.ts';
import { textField } from '../../lib/text.ts';
import { requireSession } from '../sessions/session.middleware.ts';
import { SignedIn } from '../sessions/session.schemas.ts';
import { FreshAuthBody, freshAuth } from '../sign-in/fresh-auth.ts';
import { respondSignIn } from '../sign-in/sign-in.http.ts';
import { CreationOptions, PasskeyAnswer, PasskeyList, RequestOptions } from './passkey.schemas.ts';
import { loginOptions, passkeySignIn } from './passkey-login.ts';
import { deletePasskey, listPasskeys, registerPasskey, registrationOptions, renamePasskey } from './passkeys.ts';

const b64url = z
  .string()
  .max(16384)
  .regex(/^[A-Za-z0-9_-]*$/, 'must be base64url');

// The JSON form of a PublicKeyCredential (as @simplewebauthn/browser sends it). Browsers add fields over time,
// so the inner objects keep unknown keys; the top level is strict.
const credentialBase = {
  id: b64url.min(1).max(1366),
  rawId: b64url.min(1).max(1366),
  type: z.literal('public-key'),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: z.looseObject({}),
};

const AttestationResponse = z.strictObject({
  ...credentialBase,
  response: z.looseObject({
    clientDataJSON: b64url,
    attestationObject: b64url,
    transports: z
      .array(textField({ max: 32 }))
      .max(10)
      .optional(),
  }),
});

const AssertionResponse = z.strictObject({
  ...credentialBase,
  response: z.looseObject({
    clientDataJSON: b64url,
    authenticatorData: b64url,
    signature: b64url,
    userHandle: b64url.optional(),
  }),
});

const PasskeyName = textField({ max: 100 });

export const RegisterVerifyBody = z.strictObject({ response: AttestationResponse, name: PasskeyName.optional() });
export const LoginOptionsBody = z.strictObject({ email: emailField.optional() });
export const LoginVerifyBody = z.strictObject({ response: AssertionResponse });
export const RenameBody = z.strictObject({ name: PasskeyName });

const PasskeyId = z.uuid();

function passkeyId(raw: string): string {
  const id = PasskeyId.safeParse(raw);
  if (!id.success) throw new ApiError('not_found', 'No such passkey.');
  return id.data;
}

export const passkeyRoutes = new Hono<AppEnv>()
  .post(
    '/login/options',
    describeRoute({
      operationId: 'passkeyLoginOptions',
      summary: 'WebAuthn options for a passkey sign-in (discoverable, or bound to an email)',
      tag: 'passkeys',
      auth: false,
      body: LoginOptionsBody,
      bodyRequired: false,
      responses: { 200: { description: 'Options for navigator.credentials.get()', schema: RequestOptions } },
      errors: ['rate_limited'],
    }),
    async (c) => {
      const { email } = await parseOptionalJson(c, LoginOptionsBody);
      await enforceRateLimit(c, 'login', email);
      return c.json((await loginOptions(c.var.deps, email)) satisfies z.input<typeof RequestOptions>);
    },
  )
  .post(
    '/login/verify',
    describeRoute({
      operationId: 'passkeyLoginVerify',
      summary: 'Sign in with a passkey assertion (multi-factor: never asks for MFA)',
      tag: 'passkeys',
      auth: false,
      sessionTransport: true,
      body: LoginVerifyBody,
      responses: { 200: { description: 'Signed in', schema: SignedIn, sessionCookie: 'set' } },
      errors: ['rate_limited', 'passkey_rejected'],
    }),
    async (c) => {
      const { response } = await parseJson(c, LoginVerifyBody);
      await enforceRateLimit(c, 'login');
      return respondSignIn(c, await passkeySignIn(c.var.deps, requestContext(c), response as AuthenticationResponseJSON));
    },
  )
  .use(requireSession)
  .get(
    '/',
    describeRoute({
      operationId: 'listPasskeys',
      summary: "The user's passkeys",
      tag: 'passkeys',
      auth: true,
      responses: { 200: { description: 'Passkeys', schema: PasskeyList } },
      errors: [],
    }),
    async (c) => c.json({ passkeys: await listPasskeys(c.var.deps, c.var.session) } satisfies z.input<typeof PasskeyList>),
  )
  .post(
    '/register/options',
    describeRoute({
      operationId: 'passkeyRegisterOptions',
      summary: 'WebAuthn options to add a passkey (fresh authentication: the password, or a recent sign-in)',
      tag: 'passkeys',
      auth: true,
      body: FreshAuthBody,
      bodyRequired: false,
      responses: { 200: { description: 'Options for navigator.credentials.create()', schema: CreationOptions } },
      errors: ['reauthentication_required'],
    }),
    async (c) => {
      // Adding a passkey is adding a way in: it needs a fresh authentication (security requirement 9).
      const { password } = await parseOptionalJson(c, FreshAuthBody);
      await freshAuth(c, password);
      return c.json((await registrationOptions(c.var.deps, c.var.session)) satisfies z.input<typeof CreationOptions>);
    },
  )
  .post(
    '/register/verify',
    describeRoute({
      operationId: 'passkeyRegisterVerify',
      summary: 'Store a new passkey from its attestation',
      tag: 'passkeys',
      auth: true,
      body: RegisterVerifyBody,
      responses: { 201: { description: 'Passkey added', schema: PasskeyAnswer } },
      errors: ['passkey_rejected'],
    }),
    async (c) => {
      const { response, name } = await parseJson(c, RegisterVerifyBody);
      const passkey = await registerPasskey(c.var.deps, requestContext(c), c.var.session, response as RegistrationResponseJSON, name);
      return c.json({ passkey } satisfies z.input<typeof PasskeyAnswer>, 201);
    },
  )
  .patch(
    '/:id',
    describeRoute({
      operationId: 'renamePasskey',
      summary: 'Rename a passkey',
      tag: 'passkeys',
      auth: true,
      body: RenameBody,
      responses: { 200: { description: 'Renamed', schema: PasskeyAnswer } },
      errors: ['not_found'],
    }),
    async (c) => {
      const { name } = await parseJson(c, RenameBody);
      return c.json({
        passkey: await renamePasskey(c.var.deps, requestContext(c), c.var.session, passkeyId(c.req.param('id')), name),
      } satisfies z.input<typeof PasskeyAnswer>);
    },
  )
  .delete(
    '/:id',
    describeRoute({
      operationId: 'deletePasskey',
      summary: 'Remove a passkey (fresh authentication: the password, or a recent sign-in)',
      tag: 'passkeys',
      auth: true,
      body: FreshAuthBody,
      bodyRequired: false,
      responses: { 204: { description: 'Done' } },
      errors: ['reauthentication_required', 'not_found'],
    }),
    async (c) => {
      const { password } = await parseOptionalJson(c, FreshAuthBody);
      await freshAuth(c, password);
      await deletePasskey(c.var.deps, requestContext(c), c.var.session, passkeyId(c.req.param('id')));
      return c.body(null, 204);
    },
  );
