import { generateRegistrationOptions, type RegistrationResponseJSON, verifyRegistrationResponse } from '@simplewebauthn/server';
import { and, desc, eq } from 'drizzle-orm';
import { newId } from '../../crypto/tokens.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { base64Url } from '../../lib/encoding.ts';
import { ApiError } from '../../lib/errors.ts';
import type { Deps } from '../../platform/deps.ts';
import { log } from '../../platform/log.ts';
import { rpId, rpOrigins } from '../../platform/webauthn-settings.ts';
import { auditInsert, type RequestContext } from '../audit/audit.ts';
import type { ValidSession } from '../sessions/sessions.ts';
import {
  challengeOfResponse,
  consumeWebauthnChallenge,
  issueWebauthnChallenge,
  WEBAUTHN_CHALLENGE_TTL_SECONDS,
} from './webauthn-challenges.ts';

// EdDSA, ES256, RS256: what platform authenticators and security keys use.
export const PASSKEY_ALGORITHMS = [-8, -7, -257];

export interface PasskeyView {
  id: string;
  name: string;
  created_at: string;
  last_used_at: string | null;
  device_type: string;
  backed_up: boolean;
  transports: string[];
}

type PasskeyRow = Deps['t']['passkeys']['$inferSelect'];

export function passkeyView(p: PasskeyRow): PasskeyView {
  return {
    id: p.id,
    name: p.name,
    created_at: p.createdAt.toISOString(),
    last_used_at: p.lastUsedAt?.toISOString() ?? null,
    device_type: p.deviceType,
    backed_up: p.backedUp,
    transports: p.transports,
  };
}

/** The WebAuthn user handle: the user id's bytes (opaque, no personal data). */
export function userHandle(userId: string): Uint8Array {
  return new TextEncoder().encode(userId);
}

/** Options for navigator.credentials.create(): a discoverable credential with user verification. */
export async function registrationOptions(deps: Deps, current: ValidSession) {
  const { user } = current.record;
  const existing = await deps.db
    .select({ credentialId: deps.t.passkeys.credentialId, transports: deps.t.passkeys.transports })
    .from(deps.t.passkeys)
    .where(eq(deps.t.passkeys.userId, user.id));
  const { bytes } = await issueWebauthnChallenge(deps, 'register', user.id);
  return generateRegistrationOptions({
    rpName: deps.config.IDENTSPHERE_MFA_ISSUER,
    rpID: rpId(deps.config),
    userName: user.email,
    userID: userHandle(user.id) as Uint8Array<ArrayBuffer>,
    userDisplayName: user.name ?? user.email,
    challenge: bytes,
    timeout: WEBAUTHN_CHALLENGE_TTL_SECONDS * 1000,
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: p.transports })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    supportedAlgorithmIDs: PASSKEY_ALGORITHMS,
  });
}

/**
 * Verifies the attestation against the challenge we issued to this user (consumed first: single use), our RP
 * ID and our origins, then stores the credential with its counter.
 */
export async function registerPasskey(
  deps: Deps,
  ctx: RequestContext,
  current: ValidSession,
  response: RegistrationResponseJSON,
  name: string | undefined,
): Promise<PasskeyView> {
  const { db, t } = deps;
  const userId = current.record.user.id;
  const challenge = challengeOfResponse(response.response.clientDataJSON);
  const issued = await consumeWebauthnChallenge(deps, 'register', challenge);
  if (!issued || issued.userId !== userId) throw new ApiError('passkey_rejected', 'Unknown, used or expired challenge.');
  let info;
  try {
    const result = await verifyRegistrationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rpOrigins(deps.config),
      expectedRPID: rpId(deps.config),
      requireUserVerification: true,
      supportedAlgorithmIDs: PASSKEY_ALGORITHMS,
    });
    if (!result.verified) throw new Error('not verified');
    info = result.registrationInfo;
  } catch (err) {
    log('info', 'passkey registration rejected', { request_id: ctx.requestId, reason: String(err) });
    throw new ApiError('passkey_rejected');
  }
  const now = deps.clock.now();
  const row: PasskeyRow = {
    id: newId(),
    userId,
    credentialId: info.credential.id,
    publicKey: base64Url(info.credential.publicKey),
    counter: info.credential.counter,
    transports: info.credential.transports ?? response.response.transports ?? [],
    deviceType: info.credentialDeviceType,
    backedUp: info.credentialBackedUp,
    aaguid: info.aaguid,
    name: name ?? `Passkey ${now.toISOString().slice(0, 10)}`,
    createdAt: now,
    lastUsedAt: null,
  };
  try {
    await db.batch([
      db.insert(t.passkeys).values(row),
      auditInsert(deps, ctx, 'passkey.registered', { userId, metadata: { passkey_id: row.id, aaguid: row.aaguid } }),
    ]);
  } catch (err) {
    if (isUniqueViolation(err, 'passkeys_credential_id_key')) throw new ApiError('passkey_rejected', 'This passkey is already registered.');
    throw err;
  }
  return passkeyView(row);
}

export async function listPasskeys(deps: Deps, current: ValidSession): Promise<PasskeyView[]> {
  const rows = await deps.db
    .select()
    .from(deps.t.passkeys)
    .where(eq(deps.t.passkeys.userId, current.record.user.id))
    .orderBy(desc(deps.t.passkeys.createdAt));
  return rows.map(passkeyView);
}

export async function renamePasskey(
  deps: Deps,
  ctx: RequestContext,
  current: ValidSession,
  id: string,
  name: string,
): Promise<PasskeyView> {
  const { db, t } = deps;
  const userId = current.record.user.id;
  const [updated] = await db.batch([
    db
      .update(t.passkeys)
      .set({ name })
      .where(and(eq(t.passkeys.id, id), eq(t.passkeys.userId, userId)))
      .returning(),
    auditInsert(deps, ctx, 'passkey.renamed', { userId, metadata: { passkey_id: id } }),
  ]);
  if (!updated[0]) throw new ApiError('not_found', 'No such passkey.');
  return passkeyView(updated[0]);
}

/** Deletes one of the user's passkeys (404 for anyone else's). Caller checked fresh authentication. */
export async function deletePasskey(deps: Deps, ctx: RequestContext, current: ValidSession, id: string): Promise<void> {
  const { db, t } = deps;
  const userId = current.record.user.id;
  const owned = and(eq(t.passkeys.id, id), eq(t.passkeys.userId, userId));
  const [found] = await db.select({ id: t.passkeys.id }).from(t.passkeys).where(owned);
  if (!found) throw new ApiError('not_found', 'No such passkey.');
  await db.batch([db.delete(t.passkeys).where(owned), auditInsert(deps, ctx, 'passkey.deleted', { userId, metadata: { passkey_id: id } })]);
}
