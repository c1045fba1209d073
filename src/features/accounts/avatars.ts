import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { randomToken } from '../../crypto/tokens.ts';
import { loggableError } from '../../db/errors.ts';
import { ApiError } from '../../lib/errors.ts';
import { readImageInfo } from '../../lib/image.ts';
import type { StoredObject } from '../../platform/adapters/avatar-storage.ts';
import type { Deps } from '../../platform/deps.ts';
import { log } from '../../platform/log.ts';
import { auditInsert, type RequestContext } from '../audit/audit.ts';
import { drainAvatarDeletions } from './avatar-deletions.ts';
import { avatarUrl } from './profile.ts';

export const MAX_AVATAR_BYTES = 5 * 1024 * 1024;
/** Bounds the decoded size (a tiny file can declare a huge canvas: a decompression bomb for whoever renders it). */
export const MAX_AVATAR_SIDE = 4096;
export const AVATAR_KEY = /^[A-Za-z0-9_-]{22}\.(png|jpg|webp|gif)$/;

function storageUnavailable(err: unknown): ApiError {
  log('error', 'avatar storage failed', loggableError(err));
  return new ApiError('service_unavailable', 'Avatar storage is unavailable. Nothing was changed; try again shortly.', { cause: err });
}

/**
 * Statements that serialise avatar changes of one user (row lock on the user) and queue the current object
 * for deletion, so concurrent uploads can neither lose track of an object nor delete the one in use.
 */
function lockAndQueueCurrent(deps: Deps, userId: string) {
  const { db, t } = deps;
  const p = t.userProfiles;
  return [
    db.select({ id: t.users.id }).from(t.users).where(eq(t.users.id, userId)).for('update'),
    db.execute(sql`insert into ${t.avatarDeletions} (key, queued_at)
      select ${p.avatarKey}, ${deps.clock.now().toISOString()}::timestamptz from ${p}
      where ${p.userId} = ${userId} and ${p.avatarKey} is not null on conflict do nothing returning key`),
  ] as const;
}

/** The keys the batch's queue statement (second item of lockAndQueueCurrent) queued. */
function queuedKeys(result: unknown): string[] {
  const rows = (result as { rows?: { key: string }[] }).rows ?? [];
  return rows.map((r) => r.key);
}

/** PUT /v1/auth/me/avatar: the body is already read (at most MAX_AVATAR_BYTES, counted while streaming). */
export async function setAvatar(deps: Deps, ctx: RequestContext, userId: string, bytes: Uint8Array): Promise<{ avatar_url: string }> {
  const info = readImageInfo(bytes);
  // The type comes from the bytes, never from Content-Type or a file name.
  if (!info) throw new ApiError('unsupported_media_type', 'An avatar must be a PNG, JPEG, WebP or GIF image.');
  if (info.width === undefined) throw new ApiError('invalid_image', 'The image header is malformed.');
  const { width, height } = info;
  if (width < 1 || height < 1 || width > MAX_AVATAR_SIDE || height > MAX_AVATAR_SIDE) {
    throw new ApiError('invalid_image', `The image must be between 1×1 and ${MAX_AVATAR_SIDE}×${MAX_AVATAR_SIDE} pixels.`);
  }
  // 128 random bits: the public URL reveals nothing and cannot be enumerated.
  const key = `${randomToken(16)}.${info.extension}`;
  try {
    await deps.avatars.put(key, bytes, info.type);
  } catch (err) {
    throw storageUnavailable(err);
  }

  const { db, t } = deps;
  const now = deps.clock.now();
  const avatar = {
    avatarKey: key,
    avatarContentType: info.type,
    avatarBytes: bytes.byteLength,
    avatarWidth: width,
    avatarHeight: height,
    avatarUpdatedAt: now,
    updatedAt: now,
  };
  let replaced: string[];
  try {
    const [, queued] = await db.batch([
      ...lockAndQueueCurrent(deps, userId),
      db
        .insert(t.userProfiles)
        .values({ userId, ...avatar })
        .onConflictDoUpdate({ target: t.userProfiles.userId, set: avatar }),
      auditInsert(deps, ctx, 'user.avatar_updated', {
        userId,
        metadata: { content_type: info.type, bytes: bytes.byteLength, width, height },
      }),
    ]);
    replaced = queuedKeys(queued);
  } catch (err) {
    // Nothing points at the new object: remove it (best effort) so a failed request leaves nothing behind.
    await deps.avatars.delete(key).catch(() => log('warn', 'could not delete unreferenced avatar object'));
    throw err;
  }
  await drainAvatarDeletions(deps, replaced);
  return { avatar_url: avatarUrl(deps.config, key)! };
}

/** DELETE /v1/auth/me/avatar (idempotent). */
export async function removeAvatar(deps: Deps, ctx: RequestContext, userId: string): Promise<void> {
  const { db, t } = deps;
  const now = deps.clock.now();
  const [current] = await db.select({ key: t.userProfiles.avatarKey }).from(t.userProfiles).where(eq(t.userProfiles.userId, userId));
  if (!current?.key) return;
  const [, queued] = await db.batch([
    ...lockAndQueueCurrent(deps, userId),
    db
      .update(t.userProfiles)
      .set({
        avatarKey: null,
        avatarContentType: null,
        avatarBytes: null,
        avatarWidth: null,
        avatarHeight: null,
        avatarUpdatedAt: now,
        updatedAt: now,
      })
      .where(and(eq(t.userProfiles.userId, userId), isNotNull(t.userProfiles.avatarKey))),
    auditInsert(deps, ctx, 'user.avatar_removed', { userId }),
  ]);
  await drainAvatarDeletions(deps, queuedKeys(queued));
}

/** GET /v1/avatars/:key — null when there is no such object. */
export async function readAvatar(deps: Deps, key: string): Promise<StoredObject | null> {
  if (!AVATAR_KEY.test(key)) return null;
  try {
    return await deps.avatars.get(key);
  } catch (err) {
    throw storageUnavailable(err);
  }
}
