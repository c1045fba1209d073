import { Hono } from 'hono';
import * as z from 'zod';
import { parseJson, parseOptionalJson, parseQuery } from '../../http/request.ts';
import { describeRoute } from '../../http/route-contract.ts';
import type { AppEnv } from '../../http/types.ts';
import { ApiError } from '../../lib/errors.ts';
import { textField } from '../../lib/text.ts';
import { AdminMfaReset, AdminSignedOut, AdminUserAnswer, AdminUserDetail, AdminUserDisabled, AdminUserPage } from './admin.schemas.ts';
import { adminWriteContext, requireAdmin } from './admin-auth.ts';
import { adminUser, listUsers, MAX_ADMIN_PAGE, userDetail } from './admin-users.ts';
import { deleteUserAsAdmin, disableUser, enableUser, markEmailVerified, resetMfa, signOutUser } from './user-moderation.ts';

const booleanFlag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const AdminUserQuery = z.strictObject({
  // The start of the email, or any part of the name.
  query: z.string().trim().min(1).max(200).optional(),
  disabled: booleanFlag.optional(),
  cursor: z.string().min(1).max(512).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_ADMIN_PAGE).default(50),
});

/** An administrator's session proves itself again for every write: the password, unless signed in minutes ago. */
const password = z.string().min(1).max(1024).optional();

export const AdminWriteBody = z.strictObject({ password });
export const DisableUserBody = z.strictObject({
  reason: textField({ max: 500 }).pipe(z.string().min(1)),
  // Re-enabled automatically from this instant.
  until: z.iso.datetime({ offset: true }).optional(),
  password,
});
export const MfaResetQuery = z.strictObject({ passkeys: booleanFlag.default(false) });

const UUID = z.uuid();

/** The path's user id; anything that is not a UUID is no user (404, like an unknown one). */
function userIdParam(id: string): string {
  if (!UUID.safeParse(id).success) throw new ApiError('not_found', 'No such user.');
  return id;
}

const WRITE_ERRORS = ['not_found', 'reauthentication_required'] as const;

export const adminUserRoutes = new Hono<AppEnv>()
  .get(
    '/',
    describeRoute({
      operationId: 'adminListUsers',
      summary: 'Find users: email prefix or name, disabled filter; newest first, cursor-paginated',
      tag: 'admin',
      auth: true,
      apiKeyScope: 'users:read',
      query: AdminUserQuery,
      responses: { 200: { description: 'One page; pass next_cursor as cursor for the next', schema: AdminUserPage } },
      errors: [],
    }),
    requireAdmin('users:read'),
    async (c) => c.json((await listUsers(c.var.deps, parseQuery(c, AdminUserQuery))) satisfies z.input<typeof AdminUserPage>),
  )
  .get(
    '/:id',
    describeRoute({
      operationId: 'adminGetUser',
      summary: 'One user: profile, organizations, sessions, identities, MFA and passkeys, recent sign-ins',
      tag: 'admin',
      auth: true,
      apiKeyScope: 'users:read',
      responses: { 200: { description: 'The user', schema: AdminUserDetail } },
      errors: ['not_found'],
    }),
    requireAdmin('users:read'),
    async (c) => c.json((await userDetail(c.var.deps, userIdParam(c.req.param('id')))) satisfies z.input<typeof AdminUserDetail>),
  )
  .post(
    '/:id/disable',
    describeRoute({
      operationId: 'adminDisableUser',
      summary: 'Disable an account: its sessions end at once and every sign-in is refused (until `until`, if given)',
      tag: 'admin',
      auth: true,
      apiKeyScope: 'users:write',
      body: DisableUserBody,
      responses: { 200: { description: 'Disabled', schema: AdminUserDisabled } },
      errors: [...WRITE_ERRORS, 'last_admin'],
    }),
    requireAdmin('users:write'),
    async (c) => {
      const id = userIdParam(c.req.param('id'));
      const input = await parseJson(c, DisableUserBody);
      const ctx = await adminWriteContext(c, input.password);
      const until = input.until ? new Date(input.until) : undefined;
      const { sessions_revoked } = await disableUser(c.var.deps, ctx, id, { reason: input.reason, until });
      return c.json({ user: await adminUser(c.var.deps, id), sessions_revoked } satisfies z.input<typeof AdminUserDisabled>);
    },
  )
  .post(
    '/:id/enable',
    describeRoute({
      operationId: 'adminEnableUser',
      summary: 'Enable a disabled account (nothing changes for an enabled one)',
      tag: 'admin',
      auth: true,
      apiKeyScope: 'users:write',
      body: AdminWriteBody,
      bodyRequired: false,
      responses: { 200: { description: 'Enabled', schema: AdminUserAnswer } },
      errors: [...WRITE_ERRORS],
    }),
    requireAdmin('users:write'),
    async (c) => {
      const id = userIdParam(c.req.param('id'));
      const ctx = await adminWriteContext(c, (await parseOptionalJson(c, AdminWriteBody)).password);
      await enableUser(c.var.deps, ctx, id);
      return c.json({ user: await adminUser(c.var.deps, id) } satisfies z.input<typeof AdminUserAnswer>);
    },
  )
  .post(
    '/:id/sign-out',
    describeRoute({
      operationId: 'adminSignOutUser',
      summary: 'End every session of the user (the account stays usable)',
      tag: 'admin',
      auth: true,
      apiKeyScope: 'users:write',
      body: AdminWriteBody,
      bodyRequired: false,
      responses: { 200: { description: 'Signed out everywhere', schema: AdminSignedOut } },
      errors: [...WRITE_ERRORS],
    }),
    requireAdmin('users:write'),
    async (c) => {
      const id = userIdParam(c.req.param('id'));
      const ctx = await adminWriteContext(c, (await parseOptionalJson(c, AdminWriteBody)).password);
      return c.json((await signOutUser(c.var.deps, ctx, id)) satisfies z.input<typeof AdminSignedOut>);
    },
  )
  .delete(
    '/:id/mfa',
    describeRoute({
      operationId: 'adminResetMfa',
      summary: 'Remove the second factor (TOTP, recovery codes); with passkeys=true every passkey too',
      tag: 'admin',
      auth: true,
      apiKeyScope: 'users:write',
      query: MfaResetQuery,
      body: AdminWriteBody,
      bodyRequired: false,
      responses: { 200: { description: 'What was removed', schema: AdminMfaReset } },
      errors: [...WRITE_ERRORS],
    }),
    requireAdmin('users:write'),
    async (c) => {
      const id = userIdParam(c.req.param('id'));
      const { passkeys } = parseQuery(c, MfaResetQuery);
      const ctx = await adminWriteContext(c, (await parseOptionalJson(c, AdminWriteBody)).password);
      return c.json((await resetMfa(c.var.deps, ctx, id, { passkeys })) satisfies z.input<typeof AdminMfaReset>);
    },
  )
  .post(
    '/:id/verify-email',
    describeRoute({
      operationId: 'adminVerifyEmail',
      summary: "Mark the user's email address verified",
      tag: 'admin',
      auth: true,
      apiKeyScope: 'users:write',
      body: AdminWriteBody,
      bodyRequired: false,
      responses: { 200: { description: 'Verified', schema: AdminUserAnswer } },
      errors: [...WRITE_ERRORS],
    }),
    requireAdmin('users:write'),
    async (c) => {
      const id = userIdParam(c.req.param('id'));
      const ctx = await adminWriteContext(c, (await parseOptionalJson(c, AdminWriteBody)).password);
      await markEmailVerified(c.var.deps, ctx, id);
      return c.json({ user: await adminUser(c.var.deps, id) } satisfies z.input<typeof AdminUserAnswer>);
    },
  )
  .delete(
    '/:id',
    describeRoute({
      operationId: 'adminDeleteUser',
      summary: 'Delete the account completely (the same deletion as self-service)',
      tag: 'admin',
      auth: true,
      apiKeyScope: 'users:write',
      body: AdminWriteBody,
      bodyRequired: false,
      responses: { 204: { description: 'Deleted' } },
      errors: [...WRITE_ERRORS, 'transfer_ownership_first', 'last_admin'],
    }),
    requireAdmin('users:write'),
    async (c) => {
      const id = userIdParam(c.req.param('id'));
      const ctx = await adminWriteContext(c, (await parseOptionalJson(c, AdminWriteBody)).password);
      await deleteUserAsAdmin(c.var.deps, ctx, id);
      return c.body(null, 204);
    },
  );
