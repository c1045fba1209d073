import { isUniqueViolation } from '../db/errors.ts';
import type { Deps } from '../deps.ts';
import { ApiError } from '../lib/errors.ts';
import { hashPassword } from '../lib/password.ts';
import { newId } from '../lib/tokens.ts';
import { auditInsert, type RequestContext } from './audit.ts';
import { assertPasswordNotBreached } from './breached-password.ts';
import { issueVerificationToken } from './email-verification.ts';
import { cacheRecord, prepareSession, type NewSession, type SessionRecord } from './sessions.ts';

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

/**
 * Creates user, organization (owner membership), session and audit event in one atomic batch: a failure
 * anywhere (a taken email included, however many registrations race) writes nothing.
 */
export async function register(deps: Deps, ctx: RequestContext, input: RegisterInput): Promise<Registered> {
  const { db, t } = deps;
  await assertPasswordNotBreached(deps, input.password);
  // No existence pre-check: the unique index decides (also under concurrency), saving a round trip.
  const passwordHash = await hashPassword(input.password);
  const now = deps.clock.now();
  const userId = newId();
  const orgId = newId();
  const orgName = input.organization_name?.trim() || 'Personal';
  const session = await prepareSession(deps, ctx, userId, orgId);
  const verification = await issueVerificationToken(deps, userId, input.email);

  try {
    await db.batch([
      db.insert(t.organizations).values({ id: orgId, name: orgName, createdAt: now }),
      db.insert(t.users).values({
        id: userId,
        email: input.email,
        name: input.name?.trim() || null,
        passwordHash,
        createdAt: now,
        updatedAt: now,
      }),
      db.insert(t.memberships).values({ organizationId: orgId, userId, role: 'owner', createdAt: now }),
      session.insert,
      auditInsert(deps, ctx, 'user.registered', { userId, organizationId: orgId }),
      ...verification.statements,
    ]);
  } catch (err) {
    if (isUniqueViolation(err, 'users_email_key')) throw new ApiError('email_taken');
    throw err;
  }

  const record: SessionRecord = {
    user: { id: userId, email: input.email, name: input.name?.trim() || null, email_verified: false, created_at: now.toISOString() },
    organization: { id: orgId, name: orgName, role: 'owner' },
    session: session.view,
  };
  await cacheRecord(deps, session.tokenHash, record);
  return { record, session, verificationToken: verification.token };
}
