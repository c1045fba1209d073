import { Hono } from 'hono';
import * as z from 'zod';
import { parseQuery } from '../../http/request.ts';
import { describeRoute } from '../../http/route-contract.ts';
import type { AppEnv } from '../../http/types.ts';
import { requireSession } from '../sessions/session.middleware.ts';
import { AuditPage } from './audit.schemas.ts';
import { listAuditEvents, MAX_AUDIT_PAGE } from './audit-log-query.ts';

export const AuditLogQuery = z.strictObject({
  cursor: z.string().min(1).max(512).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_AUDIT_PAGE).default(50),
  // `user`: your own events; `organization`: the active organization's (owners and admins).
  scope: z.enum(['user', 'organization']).default('user'),
});

export const auditLogRoutes = new Hono<AppEnv>().get(
  '/',
  describeRoute({
    operationId: 'listAuditEvents',
    summary: "Audit events, newest first: the user's own, or the active organization's (owners and admins)",
    tag: 'audit',
    auth: true,
    query: AuditLogQuery,
    responses: { 200: { description: 'One page; pass next_cursor as cursor for the next', schema: AuditPage } },
    errors: ['forbidden', 'not_found'],
  }),
  requireSession,
  async (c) => {
    const query = parseQuery(c, AuditLogQuery);
    return c.json((await listAuditEvents(c.var.deps, c.var.session, query)) satisfies z.input<typeof AuditPage>);
  },
);
