import { type AuthenticationResponseJSON, generateAuthenticationOptions, verifyAuthenticationResponse } from '@simplewebauthn/server';
import { and, eq, sql } from 'drizzle-orm';
import { newId, sha256Hex } from '../../crypto/tokens.ts';
import { isDisabled } from '../../db/account-status.ts';
import { base64Url, fromBase64 } from '../../lib/encoding.ts';
import { ApiError } from '../../lib/errors.ts';
import type { Deps } from '../../platform/deps.ts';
import { rpId, rpOrigins } from '../../platform/webauthn-settings.ts';
import { auditInsert, type RequestContext } from '../audit/audit.ts';
import { completeSignIn, firstOrganizationColumn, organizationRead } from '../sign-in/sign-in.ts';
import type { SignInResult } from '../sign-in/sign-in-types.ts';
import { userHandle } from './passkeys.ts';
import {
  challengeOfResponse,
  consumeWebauthnChallengeStatement,
  issueWebauthnChallenge,
  WEBAUTHN_CHALLENGE_TTL_SECONDS,
} from './webauthn-challenges.ts';

/**
 * Options for navigator.credentials.get(). Without an email: discoverable sign-in (the authenticator offers
 * this site's passkeys). With an email: the challenge is bound to that account, and only its passkeys are
 * accepted. Either way the answer has the same shape and no credential list, so it reveals nothing about
 * whether the account exists or has passkeys (an unknown email binds to a random id no passkey matches).
 */
export async function loginOptions(deps: Deps, email: string | undefined) {
  let userId: string | null = null;
  if (email !== undefined) {
    const [user] = await deps.db.select({ id: deps.t.users.id }).from(deps.t.users).where(eq(deps.t.users.email, email));
    userId = user?.id ?? newId();
  }
  const { bytes } = await issueWebauthnChallenge(deps, 'login', userId);
  return generateAuthenticationOptions({
    rpID: rpId(deps.config),
    challenge: bytes,
    timeout: WEBAUTHN_CHALLENGE_TTL_SECONDS * 1000,
    userVerification: 'required',
    allowCredentials: [],
  });
}

function rejected(deps: Deps, ctx: RequestContext, reason: string, userId: string | null = null): Promise<never> {
  return auditInsert(deps, ctx, 'passkey.login_failed', { userId, metadata: { reason } }).then(() => {
    throw new ApiError('passkey_rejected');
  });
}

/**
 * Passwordless sign-in: the challenge is consumed first (single use, 5 min), then the assertion is verified
 * against the stored public key, our RP ID and origins, with user verification, and the signature counter
 * must move forward. The counter update commits with the session (and is re-checked inside that transaction).
 * Two round trips: the challenge's consumption with the passkey, its user and their first organization read
 * in the same batch; the session's batch after the verification.
 */
export async function passkeySignIn(deps: Deps, ctx: RequestContext, response: AuthenticationResponseJSON): Promise<SignInResult> {
  const { db, t } = deps;
  const challenge = challengeOfResponse(response.response.clientDataJSON);
  // The consumption commits whatever the read finds: a replayed challenge fails even with another credential.
  const [consumed, found] = await db.batch([
    consumeWebauthnChallengeStatement(deps, 'login', await sha256Hex(challenge)),
    db
      .select({ passkey: t.passkeys, user: t.users, organization: firstOrganizationColumn(deps, t.users.id) })
      .from(t.passkeys)
      .innerJoin(t.users, eq(t.users.id, t.passkeys.userId))
      .where(eq(t.passkeys.credentialId, response.id)),
  ]);
  const issued = consumed[0];
  if (!issued) return rejected(deps, ctx, 'challenge_not_live');
  const row = found[0];
  if (!row) return rejected(deps, ctx, 'unknown_credential');
  const { passkey, user } = row;
  if (issued.userId !== null && issued.userId !== user.id) return rejected(deps, ctx, 'other_account', user.id);
  const handle = response.response.userHandle;
  if (handle !== undefined && handle !== base64Url(userHandle(user.id))) return rejected(deps, ctx, 'user_handle_mismatch', user.id);
  if (isDisabled(user, deps.clock.now())) return rejected(deps, ctx, 'disabled', user.id);

  let newCounter: number;
  try {
    const result = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rpOrigins(deps.config),
      expectedRPID: rpId(deps.config),
      credential: {
        id: passkey.credentialId,
        publicKey: fromBase64(passkey.publicKey) as Uint8Array<ArrayBuffer>,
        counter: passkey.counter,
        transports: passkey.transports,
      },
      requireUserVerification: true,
    });
    if (!result.verified) throw new Error('not verified');
    newCounter = result.authenticationInfo.newCounter;
  } catch (err) {
    const reason = /counter/i.test(String(err)) ? 'counter_regression' : 'verification_failed';
    return rejected(deps, ctx, reason, user.id);
  }

  const pk = t.passkeys;
  const now = deps.clock.now();
  const outcome = await completeSignIn(deps, ctx, {
    user,
    method: 'passkey',
    organization: organizationRead(row.organization),
    commit: {
      statements: [
        db
          .update(pk)
          .set({ counter: newCounter, lastUsedAt: now })
          // Atomic counter check: a concurrent sign-in that already moved the counter past ours wins.
          .where(and(eq(pk.id, passkey.id), sql`(${pk.counter} < ${newCounter} or (${pk.counter} = 0 and ${newCounter} = 0))`)),
      ],
      guard: {
        kind: 'all_or_nothing',
        condition: sql`exists (select 1 from ${pk} where ${pk.id} = ${passkey.id} and ${pk.counter} = ${newCounter} and ${pk.lastUsedAt} = ${now.toISOString()}::timestamptz)`,
      },
    },
    auditMetadata: { passkey_id: passkey.id },
  });
  if (outcome.ok) return outcome.result;
  switch (outcome.reason) {
    // The counter moved past ours meanwhile (a concurrent sign-in, or a cloned authenticator): nothing written.
    case 'guard_failed':
      throw new ApiError('passkey_rejected');
    case 'credentials_changed':
      throw new ApiError('invalid_credentials');
  }
}
