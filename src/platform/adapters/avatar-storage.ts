import { encodeHexLowerCase } from '@oslojs/encoding';

/**
 * Object storage for avatars (R2 in production). Objects are immutable: a new avatar gets a new key, so
 * caches may keep an object forever and a replaced one is simply deleted.
 */
export interface StoredObject {
  body: ReadableStream<Uint8Array>;
  contentType: string;
  size: number;
  /** Quoted HTTP entity tag. */
  etag: string;
}

export interface AvatarStorage {
  /** Real storage throws on failure; callers fail closed. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  get(key: string): Promise<StoredObject | null>;
  /** Idempotent: deleting a missing key succeeds. */
  delete(key: string): Promise<void>;
}

export const AVATAR_CACHE_CONTROL = 'public, max-age=31536000, immutable';

export class R2AvatarStorage implements AvatarStorage {
  private readonly bucket: R2Bucket;

  constructor(bucket: R2Bucket) {
    this.bucket = bucket;
  }

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    // The metadata makes a public bucket or CDN serve the same headers the Worker would.
    await this.bucket.put(key, bytes, { httpMetadata: { contentType, cacheControl: AVATAR_CACHE_CONTROL } });
  }

  async get(key: string): Promise<StoredObject | null> {
    const object = await this.bucket.get(key);
    if (!object) return null;
    return {
      body: object.body,
      contentType: object.httpMetadata?.contentType ?? 'application/octet-stream',
      size: object.size,
      etag: object.httpEtag,
    };
  }

  async delete(key: string): Promise<void> {
    await this.bucket.delete(key);
  }
}

/**
 * In-memory twin (dev/test without the binding; production requires it). The objects live in
 * `memoryAvatarBucket`, shared by every instance in the isolate.
 */
export const memoryAvatarBucket = {
  objects: new Map<string, { bytes: Uint8Array; contentType: string; etag: string }>(),
};

export class MemoryAvatarStorage implements AvatarStorage {
  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    const etag = `"${encodeHexLowerCase(digest.slice(0, 16))}"`;
    memoryAvatarBucket.objects.set(key, { bytes: bytes.slice(), contentType, etag });
  }

  async get(key: string): Promise<StoredObject | null> {
    const object = memoryAvatarBucket.objects.get(key);
    if (!object) return null;
    const bytes = object.bytes;
    return {
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(bytes.slice());
          controller.close();
        },
      }),
      contentType: object.contentType,
      size: bytes.byteLength,
      etag: object.etag,
    };
  }

  async delete(key: string): Promise<void> {
    memoryAvatarBucket.objects.delete(key);
  }
}
