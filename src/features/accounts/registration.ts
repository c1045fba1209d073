import type { BatchItem } from 'drizzle-orm/batch';
import { hashPassword } from '../../crypto/password.ts';
import { newId } from '../../crypto/tokens.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { ApiError } from '../../lib/errors.ts';
import type { Deps } from '../../platform/deps.ts';
import { auditInsert, type RequestContext } from '../audit/audit.ts';
import { issueVerificationToken } from '../email/email-verification.ts';
import { cacheRecord, type NewSession, prepareSession, type SessionRecord, userView } from '../sessions/sessions.ts';
import type { SessionOrganization, SignInUser } from '../sign-in/sign-in-types.ts';
import { assertPasswordNotBreached } from './breached-password.ts';

export interface RegisterInput {
  email: string; // already normalised
  password: string;
  organization_name?: string;
  name?: string;
}

export interface Registered {
  record: SessionRecord;
  session: NewSession;
  /** Stored with the account; the caller emails it (in the background). */
  verificationToken: string;
}

export interface NewAccountInput {
  email: string; // already normalised
  name?: string | null;
  /** Null for accounts that sign in only through a provider. */
  passwordHash: string | null;
  /** Set when the email is already proven (a provider asserted it verified). */
  emailVerifiedAt?: Date | null;
  organizationName?: string | null;
  /** Recorded with `user.registered` (e.g. how the account was created). */
  auditMetadata?: Record<string, unknown>;
}

export interface NewAccount {
  user: SignInUser;
  organization: SessionOrganization;
  /** Organization, user, owner membership and `user.registered`: run them in the caller's one batch. */
  statements: [BatchItem<'pg'>, ...BatchItem<'pg'>[]];
}

/**
 * A new account as every sign-up creates it: the user, their own organization and the owner membership.
 * A taken email surfaces as a unique violation of `users_email_key` when the caller's batch runs.
 */
export function prepareAccount(deps: Deps, ctx: RequestContext, input: NewAccountInput): NewAccount {
  const { db, t } = deps;
  const now = deps.clock.now();
  const user: SignInUser = {
    id: newId(),
    email: input.email,
    name: input.name?.trim() || null,
    emailVerifiedAt: input.emailVerifiedAt ?? null,
    createdAt: now,
    credentialVersion: 0,
  };
  const organization = { id: newId(), name: input.organizationName?.trim() || 'Personal', role: 'owner' as const };
  return {
    user,
    organization,
    statements: [
      db.insert(t.organizations).values({ id: organization.id, name: organization.name, createdAt: now }),
      db.insert(t.users).values({ ...user, passwordHash: input.passwordHash, updatedAt: now }),
      db.insert(t.memberships).values({ organizationId: organization.id, userId: user.id, role: 'owner', createdAt: now }),
      auditInsert(deps, ctx, 'user.registered', { userId: user.id, organizationId: organization.id, metadata: input.auditMetadata }),
    ],
  };
}

/**
 * Creates user, organization (owner membership), session and audit event in one atomic batch: a failure
 * anywhere (a taken email included, however many registrations race) writes nothing.
 */
export async function register(deps: Deps, ctx: RequestContext, input: RegisterInput): Promise<Registered> {
  await assertPasswordNotBreached(deps, input.password);
  // No existence pre-check: the unique index decides (also under concurrency), saving a round trip.
  const passwordHash = await hashPassword(input.password);
  const account = prepareAccount(deps, ctx, {
    email: input.email,
    name: input.name,
    passwordHash,
    organizationName: input.organization_name,
  });
  const { user, organization } = account;
  const session = await prepareSession(deps, ctx, user.id, organization.id, ['pwd']);
  const verification = await issueVerificationToken(deps, user.id, input.email);

  try {
    await deps.db.batch([...account.statements, session.insert, ...verification.statements]);
  } catch (err) {
    if (isUniqueViolation(err, 'users_email_key')) throw new ApiError('email_taken');
    throw err;
  }

  const record: SessionRecord = {
    user: userView(user),
    organization,
    session: session.view,
  };
  await cacheRecord(deps, session.tokenHash, record);
  return { record, session, verificationToken: verification.token };
}
