import type { Deps } from '../deps.ts';

/** Who is acting and from where; captured by the HTTP layer, recorded with every audit event. */
export interface RequestContext {
  requestId: string;
  ip: string | null;
  userAgent: string | null;
}

export type AuditEvent = 'user.registered' | 'login.succeeded' | 'login.failed' | 'login.throttled' | 'logout' | 'session.revoked'
  | 'identity.linked'
  | 'identity.unlinked';

/** An insert to run inside the caller's batch, so the event and the change it records land together. */
export function auditInsert(
  deps: Deps,
  ctx: RequestContext,
  event: AuditEvent,
  fields: { userId?: string | null; organizationId?: string | null; metadata?: Record<string, unknown> } = {},
) {
  return deps.db.insert(deps.t.auditLogs).values({
    event,
    userId: fields.userId ?? null,
    organizationId: fields.organizationId ?? null,
    requestId: ctx.requestId,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    metadata: fields.metadata ?? {},
    createdAt: deps.clock.now(),
  });
}
