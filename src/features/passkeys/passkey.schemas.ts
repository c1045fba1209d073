import * as z from 'zod';

export const Passkey = z
  .strictObject({
    id: z.uuid(),
    name: z.string(),
    created_at: z.iso.datetime(),
    last_used_at: z.iso.datetime().nullable(),
    device_type: z.string(),
    backed_up: z.boolean(),
    transports: z.array(z.string()),
  })
  .meta({ id: 'Passkey' });

export const PasskeyList = z.strictObject({ passkeys: z.array(Passkey) });
export const PasskeyAnswer = z.strictObject({ passkey: Passkey });

const CredentialDescriptor = z.object({ id: z.string(), type: z.string(), transports: z.array(z.string()).optional() });

// WebAuthn options are open objects (z.object, not strict): the browser API takes fields added over time.

/** PublicKeyCredentialCreationOptionsJSON, for navigator.credentials.create() (e.g. via @simplewebauthn/browser). */
export const CreationOptions = z.object({
  challenge: z.string(),
  rp: z.object({ name: z.string(), id: z.string().optional() }),
  user: z.object({ id: z.string(), name: z.string(), displayName: z.string() }),
  pubKeyCredParams: z.array(z.object({ alg: z.number().int(), type: z.string() })),
  timeout: z.number().int().optional(),
  excludeCredentials: z.array(CredentialDescriptor).optional(),
  authenticatorSelection: z.object({ residentKey: z.string().optional(), userVerification: z.string().optional() }).optional(),
  attestation: z.string().optional(),
});

/** PublicKeyCredentialRequestOptionsJSON, for navigator.credentials.get(). Never lists credentials. */
export const RequestOptions = z.object({
  challenge: z.string(),
  rpId: z.string().optional(),
  timeout: z.number().int().optional(),
  allowCredentials: z.array(CredentialDescriptor).optional(),
  userVerification: z.string().optional(),
});
