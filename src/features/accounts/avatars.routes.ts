import { Hono } from 'hono';
import * as z from 'zod';
import { readBodyLimited, requestContext } from '../../http/request.ts';
import { describeRoute } from '../../http/route-contract.ts';
import type { AppEnv } from '../../http/types.ts';
import { ApiError } from '../../lib/errors.ts';
import { AVATAR_CACHE_CONTROL } from '../../platform/adapters/avatar-storage.ts';
import { requireSession } from '../sessions/session.middleware.ts';
import { AvatarSet } from './account.schemas.ts';
import { MAX_AVATAR_BYTES, readAvatar, removeAvatar, setAvatar } from './avatars.ts';

/** /v1/auth/me/avatar: the raw image as the body (any Content-Type: the bytes decide). */
export const avatarUploadRoutes = new Hono<AppEnv>()
  .put(
    '/',
    describeRoute({
      operationId: 'uploadAvatar',
      summary: 'Set the avatar: the raw image as the body (PNG, JPEG, WebP or GIF; at most 5 MiB, 4096×4096)',
      tag: 'profile',
      auth: true,
      rawBody: 'image/*',
      responses: { 200: { description: 'The new avatar URL', schema: AvatarSet } },
      errors: ['unsupported_media_type', 'invalid_image'],
    }),
    requireSession,
    async (c) => {
      // Counted while streaming: at most MAX_AVATAR_BYTES are ever held, whatever Content-Length claims.
      const bytes = await readBodyLimited(c.req.raw, MAX_AVATAR_BYTES);
      return c.json(
        (await setAvatar(c.var.deps, requestContext(c), c.var.session.record.user.id, bytes)) satisfies z.input<typeof AvatarSet>,
      );
    },
  )
  .delete(
    '/',
    describeRoute({
      operationId: 'deleteAvatar',
      summary: 'Remove the avatar',
      tag: 'profile',
      auth: true,
      responses: { 204: { description: 'Done' } },
      errors: [],
    }),
    requireSession,
    async (c) => {
      await removeAvatar(c.var.deps, requestContext(c), c.var.session.record.user.id);
      return c.body(null, 204);
    },
  );

/** /v1/avatars/:key — used when no IDENTSPHERE_AVATAR_BASE_URL (public bucket / CDN) is configured. */
export const avatarServeRoutes = new Hono<AppEnv>().get(
  '/:key',
  describeRoute({
    operationId: 'getAvatar',
    summary: 'An avatar image (when no public avatar base URL is configured); keys are never reused',
    tag: 'profile',
    auth: false,
    responses: {
      200: { description: 'The image, as its sniffed type', schema: z.file(), contentType: 'image/*' },
      304: { description: 'Not modified (If-None-Match matched the ETag)' },
    },
    errors: ['not_found'],
  }),
  async (c) => {
    const object = await readAvatar(c.var.deps, c.req.param('key'));
    if (!object) throw new ApiError('not_found', 'No such avatar.');
    const headers = new Headers({
      'Content-Type': object.contentType,
      ETag: object.etag,
      // Keys are never reused (a new avatar gets a new key), so any cache may keep an object forever.
      'Cache-Control': AVATAR_CACHE_CONTROL,
      // Served exactly as the sniffed type; never reinterpreted by the browser as something else.
      'X-Content-Type-Options': 'nosniff',
      'Content-Disposition': 'inline',
    });
    const match = c.req.header('if-none-match');
    if (match?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === object.etag)) {
      await object.body.cancel();
      return new Response(null, { status: 304, headers });
    }
    headers.set('Content-Length', String(object.size));
    return new Response(object.body, { status: 200, headers });
  },
);
