import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import { base64Url, fromBase64 } from '../../lib/encoding.ts';
import { ApiError } from '../../lib/errors.ts';
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
 * The cursor is the last row's (created_at, id), opaque to clients. created_at travels as Postgres's own
 * text so no precision is lost and no row is skipped or repeated between pages.
 */
function encodeCursor(createdAt: string, id: number): string {
  return base64Url(new TextEncoder().encode(JSON.stringify([createdAt, id])));
}

// Postgres's timestamptz text (ISO DateStyle), as encodeCursor wrote it. Anything looser (Date.parse accepts
// "2020" or "Tue, 1 Jan") would reach the query and fail there as a data exception.
const PG_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?(?:Z|[+-](\d{2})(?::?(\d{2}))?)$/;

function isTimestamp(text: string): boolean {
  const m = PG_TIMESTAMP.exec(text);
  if (!m) return false;
  const [year, month, day, hour, minute, second, offsetHours = 0, offsetMinutes = 0] = m.slice(1).map((v) => Number(v ?? 0));
  const date = new Date(Date.UTC(year!, month! - 1, day));
  return (
    year! >= 1 &&
    date.getUTCMonth() === month! - 1 &&
    date.getUTCDate() === day &&
    hour! < 24 &&
    minute! < 60 &&
    second! < 60 &&
    offsetHours <= 15 &&
    offsetMinutes < 60
  );
}

function decodeCursor(cursor: string): { createdAt: string; id: number } {
  try {
    const [createdAt, id, ...rest] = JSON.parse(new TextDecoder().decode(fromBase64(cursor))) as unknown[];
    if (rest.length === 0 && typeof createdAt === 'string' && isTimestamp(createdAt) && Number.isSafeInteger(id) && (id as number) > 0) {
      return { createdAt, id: id as number };
    }
  } catch {
    // fall through
  }
  throw new ApiError('invalid_request', 'The cursor is not valid.');
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
  const after = query.cursor ? decodeCursor(query.cursor) : null;
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
