import { Hono } from 'hono';
import * as z from 'zod';
import { parseQuery } from '../../http/request.ts';
import { describeRoute } from '../../http/route-contract.ts';
import type { AppEnv } from '../../http/types.ts';
import { AuditPage } from '../audit/audit.schemas.ts';
import { MAX_AUDIT_PAGE } from '../audit/audit-log-query.ts';
import { AdminOrganizationPage } from './admin.schemas.ts';
import { requireAdmin } from './admin-auth.ts';
import { adminAuditPage, listOrganizations, MAX_ADMIN_PAGE } from './admin-users.ts';

export const AdminOrganizationQuery = z.strictObject({
  query: z.string().trim().min(1).max(200).optional(),
  cursor: z.string().min(1).max(512).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_ADMIN_PAGE).default(50),
});

export const AdminAuditQuery = z.strictObject({
  user_id: z.uuid().optional(),
  organization_id: z.uuid().optional(),
  // An event name, e.g. login.failed or user.disabled.
  action: z.string().min(1).max(100).optional(),
  cursor: z.string().min(1).max(512).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_AUDIT_PAGE).default(50),
});

/** /v1/admin: organizations and the platform-wide audit log (users: admin-users.routes.ts). */
export const adminRoutes = new Hono<AppEnv>()
  .get(
    '/organizations',
    describeRoute({
      operationId: 'adminListOrganizations',
      summary: 'Find organizations by name; newest first, cursor-paginated',
      tag: 'admin',
      auth: true,
      apiKeyScope: 'organizations:read',
      query: AdminOrganizationQuery,
      responses: { 200: { description: 'One page; pass next_cursor as cursor for the next', schema: AdminOrganizationPage } },
      errors: [],
    }),
    requireAdmin('organizations:read'),
    async (c) =>
      c.json((await listOrganizations(c.var.deps, parseQuery(c, AdminOrganizationQuery))) satisfies z.input<typeof AdminOrganizationPage>),
  )
  .get(
    '/audit-logs',
    describeRoute({
      operationId: 'adminListAuditEvents',
      summary: 'The audit log of the whole platform, filtered by user, organization and event; newest first',
      tag: 'admin',
      auth: true,
      apiKeyScope: 'audit:read',
      query: AdminAuditQuery,
      responses: { 200: { description: 'One page; pass next_cursor as cursor for the next', schema: AuditPage } },
      errors: [],
    }),
    requireAdmin('audit:read'),
    async (c) => c.json((await adminAuditPage(c.var.deps, parseQuery(c, AdminAuditQuery))) satisfies z.input<typeof AuditPage>),
  );
