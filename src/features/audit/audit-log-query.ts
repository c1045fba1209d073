import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { ApiError } from '../../lib/errors.ts';
import { decodeCursor, encodeCursor } from '../../lib/keyset-cursor.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize } from '../organizations/org-access.ts';
import type { ValidSession } from '../sessions/sessions.ts';

export const MAX_AUDIT_PAGE = 100;

export interface AuditEventView {
  id: string;
  event: string;
  user_id: string | null;
  organization_id: string | null;
  request_id: string | null;
  actor: { type: 'user' | 'api_key' | 'cli' | 'system'; id: string | null } | null;
  ip: string | null;
  user_agent: string | null;
  metadata: Record<string, unknown>;
  created_at: string;
}

export interface AuditQuery {
  scope: 'user' | 'organization';
  cursor?: string;
  limit: number;
}

/**
 * GET /v1/auth/audit-logs: scope `user` — the caller's own events; scope `organization` — every event of the
 * session's active organization, for its owners and admins only. Newest first, keyset-paginated.
 */
export async function listAuditEvents(deps: Deps, current: ValidSession, query: AuditQuery) {
  const a = deps.t.auditLogs;
  let filter: SQL;
  if (query.scope === 'organization') {
    const organizationId = current.record.organization?.id;
    if (!organizationId) throw new ApiError('not_found', 'No active organization in this session.');
    await authorize(deps, organizationId, current.record.user.id, 'view_audit_log');
    filter = eq(a.organizationId, organizationId);
  } else {
    filter = eq(a.userId, current.record.user.id);
  }
  return auditPage(deps, filter, query);
}

/** One page of the audit events matching `filter`, newest first (also the admin API's audit query). */
export async function auditPage(deps: Database, filter: SQL | undefined, query: { cursor?: string; limit: number }) {
  const a = deps.t.auditLogs;
  const after = query.cursor ? decodeCursor(query.cursor, 'serial') : null;
  const rows = await deps.db
    .select({ row: a, createdAtText: sql<string>`${a.createdAt}::text` })
    .from(a)
    .where(and(filter, after ? sql`(${a.createdAt}, ${a.id}) < (${after.createdAt}::timestamptz, ${after.id})` : undefined))
    .orderBy(desc(a.createdAt), desc(a.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    events: page.map(
      ({ row }): AuditEventView => ({
        id: String(row.id),
        event: row.event,
        user_id: row.userId,
        organization_id: row.organizationId,
        request_id: row.requestId,
        actor: row.actorType ? { type: row.actorType, id: row.actorId } : null,
        ip: row.ip,
        user_agent: row.userAgent,
        metadata: row.metadata,
        created_at: row.createdAt.toISOString(),
      }),
    ),
    next_cursor: rows.length > query.limit && last ? encodeCursor(last.createdAtText, last.row.id) : null,
  };
}
