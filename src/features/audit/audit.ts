import type { SQL } from 'drizzle-orm';
import type { DataDeps } from '../../platform/deps.ts';

/**
 * Who acted when it was not the user the event is about: an administrator's session (`user`), a server API
 * key (`api_key`), the CLI (`cli`, id = the operator's OS account) or a scheduled job (`system`).
 */
export interface Actor {
  type: 'user' | 'api_key' | 'cli' | 'system';
  id: string | null;
}

/** Who is acting and from where; captured by the HTTP layer, recorded with every audit event. */
export interface RequestContext {
  requestId: string;
  ip: string | null;
  userAgent: string | null;
  /** The request's Accept-Language: the language of emails to people without a stored locale. */
  acceptLanguage?: string | null;
  /** Absent: the signed-in user (or an anonymous caller) acts for themself. */
  actor?: Actor;
}

export type AuditEvent =
  | 'user.registered'
  | 'login.succeeded'
  | 'login.failed'
  | 'login.throttled'
  | 'logout'
  | 'session.revoked'
  // Accounts: profile, avatar, export, deletion, organizations, invitations.
  | 'user.profile_updated'
  | 'user.email_change_requested'
  | 'user.email_changed'
  | 'user.avatar_updated'
  | 'user.avatar_removed'
  | 'user.data_exported'
  | 'user.deleted'
  | 'organization.created'
  | 'organization.deleted'
  | 'organization.member_invited'
  | 'organization.invitation_revoked'
  | 'organization.invitation_accepted'
  | 'organization.member_role_changed'
  | 'organization.member_removed'
  | 'organization.member_left'
  // MFA and passkeys
  | 'mfa.required'
  | 'mfa.failed'
  | 'mfa.totp_enabled'
  | 'mfa.totp_disabled'
  | 'mfa.recovery_codes_regenerated'
  | 'passkey.registered'
  | 'passkey.renamed'
  | 'passkey.deleted'
  | 'passkey.login_failed'
  // Email and password lifecycle
  | 'email.verification_sent'
  | 'email.verified'
  | 'account.prior_credentials_revoked'
  | 'password.reset_requested'
  | 'password.reset'
  | 'password.changed'
  | 'password.reentry_failed'
  | 'email_otp.requested'
  | 'email_otp.delivery_failed'
  | 'email_otp.failed'
  // OAuth identities
  | 'identity.linked'
  | 'identity.unlinked'
  // Administration (actor_type/actor_id say who)
  | 'user.disabled'
  | 'user.enabled'
  | 'user.signed_out'
  | 'mfa.reset'
  | 'admin.granted'
  | 'admin.revoked'
  | 'api_key.created'
  | 'api_key.revoked'
  // Webhook endpoints (admin API)
  | 'webhook.created'
  | 'webhook.updated'
  | 'webhook.deleted'
  | 'webhook.secret_rotated'
  | 'webhook.redelivered';

/** `userId` may be an SQL expression yielding the id inside the statement (a user known by address only). */
type AuditFields = { userId?: string | SQL | null; organizationId?: string | null; metadata?: Record<string, unknown> };

/** The audit row itself (for inserts that must be conditional, see insertWhere). */
export function auditValues(deps: Pick<DataDeps, 'clock'>, ctx: RequestContext, event: AuditEvent, fields: AuditFields = {}) {
  return {
    event,
    userId: fields.userId ?? null,
    organizationId: fields.organizationId ?? null,
    requestId: ctx.requestId,
    actorType: ctx.actor?.type ?? null,
    actorId: ctx.actor?.id ?? null,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    metadata: fields.metadata ?? {},
    createdAt: deps.clock.now(),
  };
}

/** An insert to run inside the caller's batch, so the event and the change it records land together. */
export function auditInsert(deps: DataDeps, ctx: RequestContext, event: AuditEvent, fields: AuditFields = {}) {
  return deps.db.insert(deps.t.auditLogs).values(auditValues(deps, ctx, event, fields));
}
