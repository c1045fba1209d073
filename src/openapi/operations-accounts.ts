// The signed-in user's account: sessions, profile, avatar, linked identities, data export, deletion, audit log.
import * as z from 'zod';
import { AuditLogQuery } from '../features/audit/audit-logs.routes.ts';
import { AccountDeleteBody, EmailChangeConfirmBody, ProfilePatchBody } from '../features/accounts/me.routes.ts';
import { noContent, SignedIn, UserView, type Operation } from './schemas.ts';

const SessionList = z.object({
  sessions: z.array(
    z.object({
      id: z.uuid(),
      current: z.boolean(),
      ip: z.string().nullable(),
      user_agent: z.string().nullable(),
      created_at: z.iso.datetime(),
      last_seen_at: z.iso.datetime(),
      expires_at: z.iso.datetime(),
    }),
  ),
});

const Me = z.object({ user: UserView });
const ProfileUpdated = z.object({
  user: UserView,
  // Present when the email was changed: it applies once the link sent to the new address is followed.
  email_change: z.object({ email: z.string(), status: z.literal('verification_sent') }).optional(),
});

const Identity = z.object({
  id: z.uuid(),
  provider: z.string(),
  email: z.string().nullable(),
  email_verified: z.boolean(),
  created_at: z.iso.datetime(),
  last_used_at: z.iso.datetime().nullable(),
});

const AuditEvent = z.object({
  id: z.string(),
  event: z.string(),
  user_id: z.uuid().nullable(),
  organization_id: z.uuid().nullable(),
  request_id: z.string().nullable(),
  ip: z.string().nullable(),
  user_agent: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()),
  created_at: z.iso.datetime(),
});
const AuditPage = z.object({ events: z.array(AuditEvent), next_cursor: z.string().nullable() });

/** identsphere.user-export.v1: everything stored about the user, without secrets, hashes or tokens. */
const UserExport = z.looseObject({
  format: z.literal('identsphere.user-export.v1'),
  exported_at: z.iso.datetime(),
  account: z.record(z.string(), z.unknown()),
  profile: UserView,
  organizations: z.array(z.object({ id: z.uuid(), name: z.string(), role: z.string(), joined_at: z.iso.datetime() })),
  sessions: z.array(z.looseObject({ id: z.uuid(), current: z.boolean() })),
  audit_events: z.array(z.looseObject({ id: z.string(), event: z.string(), created_at: z.iso.datetime() })),
  // Rows of every other table that references the user, by table name.
  other_records: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
});

export const ACCOUNT_OPERATIONS: Operation[] = [
  {
    id: 'getSession',
    method: 'GET',
    path: '/v1/auth/session',
    summary: 'The current session',
    tag: 'sessions',
    auth: true,
    responses: { 200: { description: 'Signed in', schema: SignedIn } },
  },
  {
    id: 'listSessions',
    method: 'GET',
    path: '/v1/auth/sessions',
    summary: "The user's live sessions",
    tag: 'sessions',
    auth: true,
    responses: { 200: { description: 'Sessions', schema: SessionList } },
  },
  {
    id: 'revokeOtherSessions',
    method: 'POST',
    path: '/v1/auth/sessions/revoke-others',
    summary: 'End every other session of the user',
    tag: 'sessions',
    auth: true,
    responses: { 204: noContent },
  },
  {
    id: 'revokeSession',
    method: 'DELETE',
    path: '/v1/auth/sessions/:id',
    summary: 'End one of the user’s sessions',
    tag: 'sessions',
    auth: true,
    responses: { 204: noContent },
  },
  {
    id: 'getMe',
    method: 'GET',
    path: '/v1/auth/me',
    summary: 'The signed-in user’s profile',
    tag: 'profile',
    auth: true,
    responses: { 200: { description: 'The user', schema: Me } },
  },
  {
    id: 'updateMe',
    method: 'PATCH',
    path: '/v1/auth/me',
    summary: 'Update the profile; a new email needs fresh authentication and applies once confirmed',
    tag: 'profile',
    auth: true,
    body: ProfilePatchBody,
    responses: { 200: { description: 'The updated user', schema: ProfileUpdated } },
  },
  {
    id: 'deleteMe',
    method: 'DELETE',
    path: '/v1/auth/me',
    summary: 'Delete the account (fresh authentication: the password, or a recent sign-in)',
    tag: 'profile',
    auth: true,
    body: AccountDeleteBody,
    bodyRequired: false,
    responses: { 204: noContent },
  },
  {
    id: 'confirmEmailChange',
    method: 'POST',
    path: '/v1/auth/me/email/confirm',
    summary: 'Confirm an email change with the token from the link sent to the new address',
    tag: 'profile',
    body: EmailChangeConfirmBody,
    responses: { 200: { description: 'The user, with the new email', schema: Me } },
  },
  {
    id: 'exportMe',
    method: 'GET',
    path: '/v1/auth/me/export',
    summary: 'Download everything stored about the user (a JSON attachment)',
    tag: 'profile',
    auth: true,
    responses: { 200: { description: 'The export', schema: UserExport } },
  },
  {
    id: 'uploadAvatar',
    method: 'PUT',
    path: '/v1/auth/me/avatar',
    summary: 'Set the avatar: the raw image as the body (PNG, JPEG, WebP or GIF; at most 5 MiB, 4096×4096)',
    tag: 'profile',
    auth: true,
    rawBody: 'image/*',
    responses: { 200: { description: 'The new avatar URL', schema: z.object({ avatar_url: z.string() }) } },
  },
  {
    id: 'deleteAvatar',
    method: 'DELETE',
    path: '/v1/auth/me/avatar',
    summary: 'Remove the avatar',
    tag: 'profile',
    auth: true,
    responses: { 204: noContent },
  },
  {
    id: 'getAvatar',
    method: 'GET',
    path: '/v1/avatars/:key',
    summary: 'An avatar image (when no public avatar base URL is configured); keys are never reused',
    tag: 'profile',
    responses: {
      200: { description: 'The image, as its sniffed type', schema: z.file(), contentType: 'image/*' },
      304: { description: 'Not modified (If-None-Match matched the ETag)' },
    },
  },
  {
    id: 'listIdentities',
    method: 'GET',
    path: '/v1/auth/identities',
    summary: "The user's linked sign-in providers",
    tag: 'identities',
    auth: true,
    responses: { 200: { description: 'Identities', schema: z.object({ identities: z.array(Identity) }) } },
  },
  {
    id: 'unlinkIdentity',
    method: 'DELETE',
    path: '/v1/auth/identities/:id',
    summary: 'Unlink a provider identity (refused for the last way to sign in)',
    tag: 'identities',
    auth: true,
    responses: { 204: noContent },
  },
  {
    id: 'listAuditEvents',
    method: 'GET',
    path: '/v1/auth/audit-logs',
    summary: "Audit events, newest first: the user's own, or the active organization's (owners and admins)",
    tag: 'audit',
    auth: true,
    query: AuditLogQuery,
    responses: { 200: { description: 'One page; pass next_cursor as cursor for the next', schema: AuditPage } },
  },
];
