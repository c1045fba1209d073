import { and, asc, eq, sql } from 'drizzle-orm';
import { ApiError } from '../../lib/errors.ts';
import type { Deps } from '../../platform/deps.ts';
import type { AuditEvent, RequestContext } from '../audit/audit.ts';
import type { ValidSession } from '../sessions/sessions.ts';

export interface IdentityView {
  id: string;
  provider: string;
  email: string | null;
  email_verified: boolean;
  created_at: string;
  last_used_at: string | null;
}

/** The signed-in user's linked provider identities, oldest first. */
export async function listIdentities(deps: Deps, current: ValidSession): Promise<IdentityView[]> {
  const { identities } = deps.t;
  const rows = await deps.db
    .select()
    .from(identities)
    .where(eq(identities.userId, current.record.user.id))
    .orderBy(asc(identities.createdAt));
  return rows.map(identityView);
}

export function identityView(r: Deps['t']['identities']['$inferSelect']): IdentityView {
  return {
    id: r.id,
    provider: r.provider,
    email: r.email,
    email_verified: r.emailVerified,
    created_at: r.createdAt.toISOString(),
    last_used_at: r.lastUsedAt?.toISOString() ?? null,
  };
}

/**
 * Unlinks one of the user's identities unless it is their last way to sign in (no password, no passkey, no
 * other identity). Race-free: the batch first locks the user's row, so two concurrent unlinks of a user's last two
 * identities run one after the other and the second sees that only one is left. The delete and its audit
 * event are one statement (a data-modifying CTE): the event exists exactly when the identity was removed.
 */
export async function unlinkIdentity(deps: Deps, ctx: RequestContext, current: ValidSession, identityId: string): Promise<void> {
  const { db, t } = deps;
  const userId = current.record.user.id;
  const { identities, users, auditLogs } = t;
  const owned = and(eq(identities.id, identityId), eq(identities.userId, userId));
  const [exists] = await db.select({ id: identities.id }).from(identities).where(owned);
  if (!exists) throw new ApiError('not_found', 'No such identity.');

  const now = deps.clock.now().toISOString();
  const [, removed] = await db.batch([
    db.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update'),
    db.execute<{ id: number }>(sql`
      with removed as (
        delete from ${identities}
        where ${identities.id} = ${identityId} and ${identities.userId} = ${userId}
          and (
            exists (select 1 from ${users} where ${users.id} = ${userId} and ${users.passwordHash} is not null)
            or exists (select 1 from ${identities} other where other.user_id = ${userId} and other.id <> ${identityId})
            or exists (select 1 from ${t.passkeys} where ${t.passkeys.userId} = ${userId})
          )
        returning ${identities.provider}
      )
      insert into ${auditLogs} (event, user_id, organization_id, request_id, ip, user_agent, metadata, created_at)
      select ${'identity.unlinked' satisfies AuditEvent}::text, ${userId}::uuid, ${current.record.organization?.id ?? null}::uuid, ${ctx.requestId}::text,
             ${ctx.ip}::text, ${ctx.userAgent}::text,
             jsonb_build_object('provider', removed.provider, 'identity_id', ${identityId}::text), ${now}::timestamptz
      from removed
      returning id`),
  ]);
  if (removed.rows.length === 0) {
    const [still] = await db.select({ id: identities.id }).from(identities).where(owned);
    if (still) throw new ApiError('last_sign_in_method');
    throw new ApiError('not_found', 'No such identity.');
  }
}
