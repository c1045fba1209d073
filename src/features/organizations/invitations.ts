import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import { hashPassword } from '../../crypto/password.ts';
import { newId, randomToken, sha256Hex } from '../../crypto/tokens.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { insertWhere } from '../../db/insert-where.ts';
import { ApiError } from '../../lib/errors.ts';
import { enforceLimit } from '../../platform/adapters/rate-limiter.ts';
import type { Deps } from '../../platform/deps.ts';
import { auditInsert, auditValues, type RequestContext } from '../audit/audit.ts';
import { sendOrUnavailable } from '../email/email-delivery.ts';
import { recipientLocale } from '../email/locale.ts';
import { invitationMessage } from '../email/messages.ts';
import { cacheRecord, type NewSession, prepareSession, type SessionRecord, userView, type ValidSession } from '../sessions/sessions.ts';
import { authorize, type Role } from './org-access.ts';

export const INVITATION_TTL_DAYS = 7;

export interface InvitationView {
  id: string;
  email: string;
  role: Role;
  invited_by: string | null;
  created_at: string;
  expires_at: string;
}

type InvitationRow = Deps['t']['invitations']['$inferSelect'];

function toView(row: InvitationRow): InvitationView {
  return {
    id: row.id,
    email: row.email,
    role: row.role as Role,
    invited_by: row.invitedBy,
    created_at: row.createdAt.toISOString(),
    expires_at: row.expiresAt.toISOString(),
  };
}

/** Invites an address (owners and admins; only owners invite owners). The email goes out before anything is written. */
export async function inviteMember(
  deps: Deps,
  ctx: RequestContext,
  organizationId: string,
  actor: { id: string; email: string; name: string | null },
  input: { email: string; role: Role },
): Promise<InvitationView> {
  const membership = await authorize(deps, organizationId, actor.id, 'invite');
  if (input.role === 'owner' && membership.role !== 'owner') throw new ApiError('forbidden', 'Only an owner can invite an owner.');
  // Invitations send email to addresses of the inviter's choosing: limited per inviter against spam.
  await enforceLimit(deps.rateLimiters.emailOtp, `invite:${actor.id}`);
  const { db, t } = deps;
  const [member] = await db
    .select({ id: t.users.id })
    .from(t.users)
    .innerJoin(t.memberships, and(eq(t.memberships.userId, t.users.id), eq(t.memberships.organizationId, organizationId)))
    .where(eq(t.users.email, input.email));
  if (member) throw new ApiError('already_member', 'This person is already a member.');

  const now = deps.clock.now();
  const token = randomToken(32);
  const row: InvitationRow = {
    id: newId(),
    organizationId,
    email: input.email,
    role: input.role,
    tokenHash: await sha256Hex(token),
    invitedBy: actor.id,
    expiresAt: new Date(now.getTime() + INVITATION_TTL_DAYS * 86400 * 1000),
    claimedBy: null,
    createdAt: now,
  };
  await sendOrUnavailable(
    deps,
    invitationMessage(deps.config, await recipientLocale(deps, ctx, { email: input.email }), {
      to: input.email,
      token,
      organizationName: membership.organization.name,
      inviter: actor.name ? `${actor.name} (${actor.email})` : actor.email,
      role: input.role,
      ttlDays: INVITATION_TTL_DAYS,
    }),
  );
  const inv = t.invitations;
  await db.batch([
    // A new invitation to the same address supersedes the pending one: only the newest link works.
    db.delete(inv).where(and(eq(inv.organizationId, organizationId), eq(inv.email, input.email), isNull(inv.claimedBy))),
    db.insert(inv).values(row),
    auditInsert(deps, ctx, 'organization.member_invited', {
      userId: actor.id,
      organizationId,
      metadata: { invitation_id: row.id, role: input.role },
    }),
  ]);
  return toView(row);
}

/** Pending (unexpired) invitations of an organization. */
export async function listInvitations(deps: Deps, organizationId: string, actorId: string): Promise<InvitationView[]> {
  await authorize(deps, organizationId, actorId, 'view_invitations');
  const inv = deps.t.invitations;
  const rows = await deps.db
    .select()
    .from(inv)
    .where(and(eq(inv.organizationId, organizationId), gt(inv.expiresAt, deps.clock.now())))
    .orderBy(asc(inv.createdAt));
  return rows.map(toView);
}

export async function revokeInvitation(
  deps: Deps,
  ctx: RequestContext,
  organizationId: string,
  actorId: string,
  invitationId: string,
): Promise<void> {
  await authorize(deps, organizationId, actorId, 'revoke_invitation');
  const { db, t } = deps;
  const inv = t.invitations;
  const [deleted] = await db.batch([
    db
      .delete(inv)
      .where(and(eq(inv.id, invitationId), eq(inv.organizationId, organizationId)))
      .returning({ id: inv.id }),
    insertWhere(
      db,
      t.auditLogs,
      auditValues(deps, ctx, 'organization.invitation_revoked', {
        userId: actorId,
        organizationId,
        metadata: { invitation_id: invitationId },
      }),
      sql`not exists (select 1 from ${inv} where ${inv.id} = ${invitationId})`,
    ),
  ]);
  if (!deleted.length) throw new ApiError('not_found', 'No such invitation.');
}

interface Claim {
  invitation: InvitationRow & { organizationName: string };
  /** Marks the invitation as taken by this request; returns it only to the one request that got it. */
  claim: ReturnType<typeof claimStatement>;
  /** Holds only inside the batch whose claim succeeded. */
  guard: ReturnType<typeof sql>;
  /** Deletes the invitation (last statement of the batch): a used invitation no longer exists. */
  consume: ReturnType<typeof consumeStatement>;
}

function claimStatement(deps: Deps, tokenHash: string, marker: string) {
  const inv = deps.t.invitations;
  return deps.db
    .update(inv)
    .set({ claimedBy: marker })
    .where(and(eq(inv.tokenHash, tokenHash), isNull(inv.claimedBy), gt(inv.expiresAt, deps.clock.now())))
    .returning({ id: inv.id });
}

function consumeStatement(deps: Deps, tokenHash: string, marker: string) {
  const inv = deps.t.invitations;
  return deps.db.delete(inv).where(and(eq(inv.tokenHash, tokenHash), eq(inv.claimedBy, marker)));
}

/**
 * Single use under concurrency, as consumeToken: the conditional UPDATE lets exactly one request claim the
 * invitation; that request's guarded effects apply and the row is deleted in the same transaction.
 */
async function prepareClaim(deps: Deps, token: string): Promise<Claim> {
  const { db, t } = deps;
  const inv = t.invitations;
  const tokenHash = await sha256Hex(token);
  const [row] = await db
    .select({ i: inv, organizationName: t.organizations.name })
    .from(inv)
    .innerJoin(t.organizations, eq(t.organizations.id, inv.organizationId))
    .where(and(eq(inv.tokenHash, tokenHash), isNull(inv.claimedBy), gt(inv.expiresAt, deps.clock.now())));
  if (!row) throw new ApiError('invitation_invalid');
  const marker = randomToken(16);
  return {
    invitation: { ...row.i, organizationName: row.organizationName },
    claim: claimStatement(deps, tokenHash, marker),
    guard: sql`exists (select 1 from ${inv} where ${inv.tokenHash} = ${tokenHash} and ${inv.claimedBy} = ${marker})`,
    consume: consumeStatement(deps, tokenHash, marker),
  };
}

/** Accepting while signed in: the invitation must be for the signed-in account's email. */
export async function acceptInvitation(deps: Deps, ctx: RequestContext, current: ValidSession, token: string) {
  const { db, t } = deps;
  const { invitation, claim, guard, consume } = await prepareClaim(deps, token);
  const user = current.record.user;
  // The link proves control of the invited mailbox; the session must belong to that mailbox's account.
  if (invitation.email !== user.email) throw new ApiError('invitation_email_mismatch');
  const organizationId = invitation.organizationId;
  let claimed;
  try {
    [claimed] = await db.batch([
      claim,
      insertWhere(db, t.memberships, { organizationId, userId: user.id, role: invitation.role, createdAt: deps.clock.now() }, guard),
      insertWhere(
        db,
        t.auditLogs,
        auditValues(deps, ctx, 'organization.invitation_accepted', {
          userId: user.id,
          organizationId,
          metadata: { invitation_id: invitation.id, role: invitation.role },
        }),
        guard,
      ),
      consume,
    ]);
  } catch (err) {
    if (isUniqueViolation(err)) throw new ApiError('already_member');
    throw err;
  }
  if (!claimed.length) throw new ApiError('invitation_invalid');
  return { organization: { id: organizationId, name: invitation.organizationName, role: invitation.role as Role } };
}

/**
 * Accepting by registering: the account is created for the invited address (verified — the link proves
 * control of the mailbox), joins the organization and is signed in, all in one batch.
 */
export async function registerByInvitation(
  deps: Deps,
  ctx: RequestContext,
  input: { token: string; password: string; name?: string },
): Promise<{ record: SessionRecord; session: NewSession }> {
  const { db, t } = deps;
  const { invitation, claim, guard, consume } = await prepareClaim(deps, input.token);
  const passwordHash = await hashPassword(input.password);
  const now = deps.clock.now();
  const userId = newId();
  const organizationId = invitation.organizationId;
  const name = input.name?.trim() || null;
  const session = await prepareSession(deps, ctx, userId, organizationId, ['pwd']);
  let claimed;
  try {
    [claimed] = await db.batch([
      claim,
      insertWhere(
        db,
        t.users,
        { id: userId, email: invitation.email, name, passwordHash, emailVerifiedAt: now, createdAt: now, updatedAt: now },
        guard,
      ),
      insertWhere(db, t.memberships, { organizationId, userId, role: invitation.role, createdAt: now }, guard),
      insertWhere(db, t.sessions, session.row, guard),
      insertWhere(
        db,
        t.auditLogs,
        auditValues(deps, ctx, 'user.registered', { userId, organizationId, metadata: { via: 'invitation' } }),
        guard,
      ),
      insertWhere(
        db,
        t.auditLogs,
        auditValues(deps, ctx, 'organization.invitation_accepted', {
          userId,
          organizationId,
          metadata: { invitation_id: invitation.id, role: invitation.role },
        }),
        guard,
      ),
      consume,
    ]);
  } catch (err) {
    if (isUniqueViolation(err, 'users_email_key')) {
      throw new ApiError('email_taken', 'An account with this email already exists: sign in, then accept the invitation.');
    }
    throw err;
  }
  if (!claimed.length) throw new ApiError('invitation_invalid');
  const record: SessionRecord = {
    user: userView({ id: userId, email: invitation.email, name, emailVerifiedAt: now, createdAt: now }),
    organization: { id: organizationId, name: invitation.organizationName, role: invitation.role },
    session: session.view,
  };
  await cacheRecord(deps, session.tokenHash, record);
  return { record, session };
}
