// Passkeys (WebAuthn): sign-in, and managing the signed-in user's passkeys.
import * as z from 'zod';
import { FreshAuthBody } from '../features/sign-in/fresh-auth.ts';
import { LoginOptionsBody, LoginVerifyBody, RegisterVerifyBody, RenameBody } from '../features/passkeys/passkeys.routes.ts';
import { noContent, SignedIn, type Operation } from './schemas.ts';

const Passkey = z.object({
  id: z.uuid(),
  name: z.string(),
  created_at: z.iso.datetime(),
  last_used_at: z.iso.datetime().nullable(),
  device_type: z.string(),
  backed_up: z.boolean(),
  transports: z.array(z.string()),
});

const CredentialDescriptor = z.looseObject({ id: z.string(), type: z.literal('public-key'), transports: z.array(z.string()).optional() });

/** PublicKeyCredentialCreationOptionsJSON, for navigator.credentials.create() (e.g. via @simplewebauthn/browser). */
const CreationOptions = z.looseObject({
  challenge: z.string(),
  rp: z.looseObject({ name: z.string(), id: z.string().optional() }),
  user: z.looseObject({ id: z.string(), name: z.string(), displayName: z.string() }),
  pubKeyCredParams: z.array(z.looseObject({ alg: z.number().int(), type: z.literal('public-key') })),
  timeout: z.number().int().optional(),
  excludeCredentials: z.array(CredentialDescriptor).optional(),
  authenticatorSelection: z.looseObject({}).optional(),
  attestation: z.string().optional(),
});

/** PublicKeyCredentialRequestOptionsJSON, for navigator.credentials.get(). Never lists credentials. */
const RequestOptions = z.looseObject({
  challenge: z.string(),
  rpId: z.string().optional(),
  timeout: z.number().int().optional(),
  allowCredentials: z.array(CredentialDescriptor).optional(),
  userVerification: z.string().optional(),
});

const PasskeyAnswer = z.object({ passkey: Passkey });

export const PASSKEY_OPERATIONS: Operation[] = [
  {
    id: 'passkeyLoginOptions',
    method: 'POST',
    path: '/v1/auth/passkeys/login/options',
    summary: 'WebAuthn options for a passkey sign-in (discoverable, or bound to an email)',
    tag: 'passkeys',
    body: LoginOptionsBody,
    bodyRequired: false,
    responses: { 200: { description: 'Options for navigator.credentials.get()', schema: RequestOptions } },
  },
  {
    id: 'passkeyLoginVerify',
    method: 'POST',
    path: '/v1/auth/passkeys/login/verify',
    summary: 'Sign in with a passkey assertion (multi-factor: never asks for MFA)',
    tag: 'passkeys',
    body: LoginVerifyBody,
    responses: { 200: { description: 'Signed in (session cookie set)', schema: SignedIn } },
  },
  {
    id: 'listPasskeys',
    method: 'GET',
    path: '/v1/auth/passkeys',
    summary: "The user's passkeys",
    tag: 'passkeys',
    auth: true,
    responses: { 200: { description: 'Passkeys', schema: z.object({ passkeys: z.array(Passkey) }) } },
  },
  {
    id: 'passkeyRegisterOptions',
    method: 'POST',
    path: '/v1/auth/passkeys/register/options',
    summary: 'WebAuthn options to add a passkey (fresh authentication: the password, or a recent sign-in)',
    tag: 'passkeys',
    auth: true,
    body: FreshAuthBody,
    bodyRequired: false,
    responses: { 200: { description: 'Options for navigator.credentials.create()', schema: CreationOptions } },
  },
  {
    id: 'passkeyRegisterVerify',
    method: 'POST',
    path: '/v1/auth/passkeys/register/verify',
    summary: 'Store a new passkey from its attestation',
    tag: 'passkeys',
    auth: true,
    body: RegisterVerifyBody,
    responses: { 201: { description: 'Passkey added', schema: PasskeyAnswer } },
  },
  {
    id: 'renamePasskey',
    method: 'PATCH',
    path: '/v1/auth/passkeys/:id',
    summary: 'Rename a passkey',
    tag: 'passkeys',
    auth: true,
    body: RenameBody,
    responses: { 200: { description: 'Renamed', schema: PasskeyAnswer } },
  },
  {
    id: 'deletePasskey',
    method: 'DELETE',
    path: '/v1/auth/passkeys/:id',
    summary: 'Remove a passkey (fresh authentication: the password, or a recent sign-in)',
    tag: 'passkeys',
    auth: true,
    body: FreshAuthBody,
    bodyRequired: false,
    responses: { 204: noContent },
  },
];
