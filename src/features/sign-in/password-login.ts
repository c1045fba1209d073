import { and, asc, eq } from 'drizzle-orm';
import { checkPassword, hashPassword, needsRehash } from '../../crypto/password.ts';
import { isDisabled } from '../../db/account-status.ts';
import { ApiError } from '../../lib/errors.ts';
import type { Deps } from '../../platform/deps.ts';
import { auditInsert, type RequestContext } from '../audit/audit.ts';
import { mfaStatusColumns, mfaStatusOf } from '../mfa/mfa-pending.ts';
import { countFailureSql } from './backoff.ts';
import { clearDeviceFailures, countDeviceFailure, deviceHash, deviceLockedUntil, isDeviceTokenFor } from './device-trust.ts';
import { completeSignIn } from './sign-in.ts';
import type { OrganizationChoice, SignInResult } from './sign-in-types.ts';

// A real argon2id hash (of a random password nobody knows) with today's parameters: verifying an unknown
// user's attempt against it costs exactly what a real verify costs, so timing reveals nothing.
export const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$RC87j1TOCRms10/7kpl2qw$WaI89YcvyA/+FXu5v051KKwr4E66w0WQFKo6IZDOtCw';

export { FREE_FAILURES, MAX_BACKOFF_SECONDS } from './backoff.ts';

export type FailureReason = 'unknown_email' | 'wrong_password' | 'disabled' | 'no_password';

export interface LoginInput {
  email: string; // normalised
  password: string;
  /** The browser's device cookie, if any (src/features/sign-in/device-trust.ts). */
  deviceToken?: string;
}

/** Every failure looks like this to the client, whatever the reason (unknown, wrong, locked, disabled). */
function genericFailure(): ApiError {
  return new ApiError('invalid_credentials');
}

/**
 * Password sign-in. One query before the hash (the user, their first organization and MFA status), one batch
 * after it.
 */
export async function login(deps: Deps, ctx: RequestContext, input: LoginInput): Promise<SignInResult> {
  const { db, t } = deps;
  const rows = await db
    .select({
      u: t.users,
      orgId: t.memberships.organizationId,
      orgName: t.organizations.name,
      role: t.memberships.role,
      ...mfaStatusColumns(deps, t.users.id),
    })
    .from(t.users)
    .leftJoin(t.memberships, eq(t.memberships.userId, t.users.id))
    .leftJoin(t.organizations, eq(t.organizations.id, t.memberships.organizationId))
    .where(eq(t.users.email, input.email))
    .orderBy(asc(t.memberships.createdAt))
    .limit(1);
  const row = rows[0];
  const user = row?.u;
  const { ok: passwordOk, rehash: legacyForm } = await checkPassword(user?.passwordHash ?? DUMMY_HASH, input.password);
  const now = deps.clock.now();

  if (!user) {
    await auditInsert(deps, ctx, 'login.failed', { metadata: { reason: 'unknown_email' } });
    throw genericFailure();
  }
  // A browser that signed in to this account before is judged on its own failure counter, not the account's:
  // strangers' guesses cannot lock the owner out (see device-trust.ts). Everyone else: the account backoff.
  const device = (await isDeviceTokenFor(deps, input.deviceToken, user.id)) ? await deviceHash(input.deviceToken!) : null;
  const lockedUntil = device ? await deviceLockedUntil(deps, user.id, device) : user.lockedUntil;
  if (lockedUntil && lockedUntil > now) {
    // Backed off: the password was checked (same work) but is not honoured, right or wrong.
    await auditInsert(deps, ctx, 'login.throttled', {
      userId: user.id,
      metadata: { locked_until: lockedUntil.toISOString(), ...(device ? { device: true } : {}) },
    });
    throw genericFailure();
  }
  const reason: FailureReason | null = !user.passwordHash
    ? 'no_password'
    : !passwordOk
      ? 'wrong_password'
      : isDisabled(user, deps.clock.now())
        ? 'disabled'
        : null;
  if (reason) {
    await deps.db.batch([
      device ? countDeviceFailure(deps, user.id, device) : countFailedPassword(deps, user.id),
      auditInsert(deps, ctx, 'login.failed', { userId: user.id, metadata: { reason, ...(device ? { device: true } : {}) } }),
    ]);
    throw genericFailure();
  }

  // The query above joined the user's first membership: no membership means no organization.
  const organization: OrganizationChoice =
    row.orgId && row.orgName
      ? { kind: 'known', organization: { id: row.orgId, name: row.orgName, role: row.role ?? 'member' } }
      : { kind: 'none' };
  const rehash = legacyForm || needsRehash(user.passwordHash!) ? await hashPassword(input.password) : null;
  // A recognised device clears its own counter only: the account's counter is the strangers' and stays.
  const userUpdate = {
    ...(device ? {} : { failedLoginCount: 0, lockedUntil: null }),
    ...(rehash ? { passwordHash: rehash, updatedAt: now } : {}),
  };
  const outcome = await completeSignIn(deps, ctx, {
    user,
    method: 'password',
    organization,
    mfa: mfaStatusOf(row),
    commit: {
      statements: [
        ...(Object.keys(userUpdate).length
          ? [
              db
                .update(t.users)
                .set(userUpdate)
                // Only for the credentials just verified: a concurrent change or reset must not get the old password back.
                .where(and(eq(t.users.id, user.id), eq(t.users.credentialVersion, user.credentialVersion))),
            ]
          : []),
        ...(device ? [clearDeviceFailures(deps, user.id, device)] : []),
      ],
      guard: { kind: 'always' },
    },
    auditMetadata: rehash ? { password_rehashed: true } : {},
  });
  // Refused only when the credentials changed since the password was checked: the same generic failure.
  if (!outcome.ok) throw genericFailure();
  return outcome.result;
}

/** Counts a wrong password towards the account backoff (one atomic statement, see countFailureSql). */
export function countFailedPassword(deps: Deps, userId: string) {
  const { db, t } = deps;
  const failure = countFailureSql(t.users.failedLoginCount, deps.clock.now());
  return db.update(t.users).set({ failedLoginCount: failure.count, lockedUntil: failure.lockedUntil }).where(eq(t.users.id, userId));
}
