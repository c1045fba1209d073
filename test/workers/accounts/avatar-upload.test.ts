// Avatars: raw body of at most 5 MiB (counted while streaming), type from magic bytes, dimensions bounded,
// stored in R2 under an unguessable key, served back byte-identical with safe caching headers.
import { env } from 'cloudflare:workers';
import { describe, expect, it, vi } from 'vitest';
import { memoryAvatarBucket } from '../../../src/platform/adapters/avatar-storage.ts';
import { gif, jpeg, png, webp } from '../../fixtures/images.ts';
import {
  BASE,
  call,
  callWithEnv,
  envWith,
  expectError,
  FlakyAvatarStorage,
  json,
  me,
  putAvatar,
  registerUser,
  sha256,
  sql,
  testEnv,
  withDeps,
} from '../support/index.ts';

const MiB = 1024 * 1024;
const bucket = (env as unknown as { AVATARS: R2Bucket }).AVATARS;
const keyOf = (url: string) => url.split('/').pop()!;
const path = (url: string) => url.slice(BASE.length);

describe('avatar upload', () => {
  it('accepts exactly 5 MiB and serves it back byte-identical, with the sniffed type, nosniff, immutable caching and an ETag', async () => {
    const { cookie } = await registerUser();
    const image = await png(64, 64, { padTo: 5 * MiB });
    expect(image.byteLength).toBe(5 * MiB);
    const { avatar_url } = await json<{ avatar_url: string }>(await putAvatar(cookie, image));
    expect(avatar_url).toMatch(/^http:\/\/localhost:8787\/v1\/avatars\/[A-Za-z0-9_-]{22}\.png$/);
    expect((await me(cookie)).avatar_url).toBe(avatar_url);

    const res = await call(path(avatar_url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const etag = res.headers.get('etag');
    expect(etag).toMatch(/^"[^"]+"$/);
    const served = new Uint8Array(await res.arrayBuffer());
    expect(served.byteLength).toBe(image.byteLength);
    expect(await sha256(served)).toBe(await sha256(image));

    const cached = await call(path(avatar_url), { headers: { 'if-none-match': etag! } });
    expect(cached.status).toBe(304);
    expect(cached.headers.get('etag')).toBe(etag);
  });

  it('refuses 5 MiB + 1 byte with 413 when Content-Length announces it', async () => {
    const { cookie } = await registerUser();
    const image = await png(8, 8, { padTo: 5 * MiB + 1 });
    await expectError(await putAvatar(cookie, image), 413, 'payload_too_large');
    expect((await me(cookie)).avatar_url).toBeNull();
  });

  it('refuses an oversized body sent without Content-Length after reading just past 5 MiB, and stops the stream', async () => {
    const { cookie } = await registerUser();
    const header = await png(8, 8);
    const chunk = 64 * 1024;
    let pulled = 0;
    let cancelled = false;
    // 64 MiB on offer, generated lazily: only what the Worker asks for is ever produced.
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          if (pulled >= 64 * MiB) return controller.close();
          const bytes = pulled === 0 ? header : new Uint8Array(chunk);
          pulled += bytes.byteLength;
          controller.enqueue(bytes);
        },
        cancel() {
          cancelled = true;
        },
      },
      { highWaterMark: 0 },
    );
    const request = new Request(`${BASE}/v1/auth/me/avatar`, { method: 'PUT', headers: { cookie, 'content-type': 'image/png' }, body });
    expect(request.headers.get('content-length')).toBeNull();
    await expectError(await callWithEnv(testEnv, request), 413, 'payload_too_large');
    expect(pulled).toBeGreaterThan(5 * MiB);
    expect(pulled).toBeLessThanOrEqual(5 * MiB + 2 * chunk);
    expect(cancelled).toBe(true);
  });

  it('stores a PNG sent as image/jpeg named .jpg as a PNG', async () => {
    const { cookie } = await registerUser();
    const image = await png(10, 10);
    const res = await putAvatar(cookie, image, {
      headers: { 'content-type': 'image/jpeg', 'content-disposition': 'attachment; filename="photo.jpg"' },
    });
    const { avatar_url } = await json<{ avatar_url: string }>(res);
    expect(avatar_url).toMatch(/\.png$/);
    const object = await bucket.head(keyOf(avatar_url));
    expect(object?.httpMetadata?.contentType).toBe('image/png');
    expect((await call(path(avatar_url))).headers.get('content-type')).toBe('image/png');
  });

  it('refuses an HTML file (415), even labelled image/png, and an SVG; nothing is stored', async () => {
    const { cookie, user } = await registerUser();
    const html = new TextEncoder().encode('<!doctype html><html><script>document.cookie</script></html>');
    await expectError(await putAvatar(cookie, html, { headers: { 'content-type': 'image/png' } }), 415, 'unsupported_media_type');
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    await expectError(await putAvatar(cookie, svg, { headers: { 'content-type': 'image/svg+xml' } }), 415, 'unsupported_media_type');
    await expectError(await putAvatar(cookie, new Uint8Array()), 415, 'unsupported_media_type');
    expect(await sql('select 1 from $schema.user_profiles where user_id = $1 and avatar_key is not null', [user.id])).toHaveLength(0);
  });

  it('accepts JPEG, WebP and GIF with their own types', async () => {
    const { cookie } = await registerUser();
    for (const [image, type, ext] of [
      [jpeg(200, 100, { exif: true }), 'image/jpeg', 'jpg'],
      [webp(50, 60, 'VP8L'), 'image/webp', 'webp'],
      [gif(32, 32), 'image/gif', 'gif'],
    ] as const) {
      const { avatar_url } = await json<{ avatar_url: string }>(
        await putAvatar(cookie, image, { headers: { 'content-type': 'application/octet-stream' } }),
      );
      expect(avatar_url.endsWith(`.${ext}`)).toBe(true);
      expect((await call(path(avatar_url))).headers.get('content-type')).toBe(type);
    }
  });

  it('bounds the dimensions (a small file may declare a huge canvas) and refuses a malformed header', async () => {
    const { cookie } = await registerUser();
    await expectError(await putAvatar(cookie, await png(4097, 1, { pixels: false })), 422, 'invalid_image');
    await expectError(await putAvatar(cookie, await png(1, 100_000, { pixels: false })), 422, 'invalid_image');
    await expectError(await putAvatar(cookie, gif(0, 10)), 422, 'invalid_image');
    await expectError(await putAvatar(cookie, (await png(10, 10)).slice(0, 20)), 422, 'invalid_image');
    expect((await putAvatar(cookie, await png(4096, 1))).status).toBe(200);
  });

  it('deletes the old object on replace and on DELETE', async () => {
    const { cookie } = await registerUser();
    const first = (await json<{ avatar_url: string }>(await putAvatar(cookie, await png(5, 5)))).avatar_url;
    const second = (await json<{ avatar_url: string }>(await putAvatar(cookie, await png(6, 6)))).avatar_url;
    expect(second).not.toBe(first);
    expect(await bucket.head(keyOf(first))).toBeNull();
    await expectError(await call(path(first)), 404, 'not_found');
    expect(await bucket.head(keyOf(second))).not.toBeNull();

    expect((await call('/v1/auth/me/avatar', { method: 'DELETE', cookie })).status).toBe(204);
    expect(await bucket.head(keyOf(second))).toBeNull();
    expect((await me(cookie)).avatar_url).toBeNull();
    expect((await call('/v1/auth/me/avatar', { method: 'DELETE', cookie })).status).toBe(204);
    expect(await sql('select 1 from $schema.avatar_deletions where key in ($1, $2)', [keyOf(first), keyOf(second)])).toHaveLength(0);
  });

  it('uses IDENTSPHERE_AVATAR_BASE_URL (public bucket / CDN) for avatar_url when set', async () => {
    const cdn = envWith({ IDENTSPHERE_AVATAR_BASE_URL: 'https://avatars.example.com/' });
    const { cookie } = await registerUser(undefined, undefined, cdn);
    const { avatar_url } = await json<{ avatar_url: string }>(await putAvatar(cookie, await png(3, 3), { env: cdn }));
    expect(avatar_url).toMatch(/^https:\/\/avatars\.example\.com\/[A-Za-z0-9_-]{22}\.png$/);
    expect(await bucket.head(keyOf(avatar_url))).not.toBeNull();
  });

  it('needs a session, and a browser request must come from an allowed Origin', async () => {
    await expectError(await putAvatar('', await png(2, 2)), 401, 'unauthorized');
    const { cookie } = await registerUser();
    await expectError(await putAvatar(cookie, await png(2, 2), { headers: { origin: 'https://evil.example' } }), 403, 'csrf');
    expect((await putAvatar(cookie, await png(2, 2), { headers: { origin: 'http://app.localhost:5173' } })).status).toBe(200);
  });

  it('answers 404 for unknown and malformed keys', async () => {
    await expectError(await call('/v1/avatars/AAAAAAAAAAAAAAAAAAAAAA.png'), 404, 'not_found');
    await expectError(await call('/v1/avatars/..%2Fsecret'), 404, 'not_found');
  });

  it('a storage outage fails closed: 503 and nothing written', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const noBucket = { ...testEnv, AVATARS: undefined }; // the in-memory twin, here one that can simulate an outage
    const avatars = new FlakyAvatarStorage();
    withDeps(noBucket, { avatars });
    const { cookie, user } = await registerUser(undefined, undefined, noBucket);
    avatars.failNext();
    await expectError(await putAvatar(cookie, await png(4, 4), { env: noBucket }), 503, 'service_unavailable');
    expect(await sql('select 1 from $schema.user_profiles where user_id = $1', [user.id])).toHaveLength(0);
    expect(memoryAvatarBucket.objects.size).toBe(0);
    const ok = await json<{ avatar_url: string }>(await putAvatar(cookie, await png(4, 4), { env: noBucket }));
    expect(memoryAvatarBucket.objects.has(keyOf(ok.avatar_url))).toBe(true);
  });
});
