/**
 * Cache of validated sessions, keyed by the session token's hash. A cache only: Postgres is the truth, and
 * a revocation deletes the row first, then the entry. KV is eventually consistent across locations, so a
 * revoked session can survive in another location's cache for at most the cache TTL.
 */
export interface SessionCache {
  get<T>(key: string): Promise<T | null>;
  put(key: string, value: unknown, ttlSeconds: number): Promise<void>;
  delete(key: string): Promise<void>;
}

const KV_MIN_TTL = 60;

export class KvSessionCache implements SessionCache {
  private readonly kv: KVNamespace;

  constructor(kv: KVNamespace) {
    this.kv = kv;
  }

  get<T>(key: string): Promise<T | null> {
    return this.kv.get<T>(`session:${key}`, 'json');
  }

  put(key: string, value: unknown, ttlSeconds: number): Promise<void> {
    return this.kv.put(`session:${key}`, JSON.stringify(value), {
      expirationTtl: Math.max(KV_MIN_TTL, Math.ceil(ttlSeconds)),
    });
  }

  delete(key: string): Promise<void> {
    return this.kv.delete(`session:${key}`);
  }
}

/** In-memory twin for tests and for running without a KV binding. */
export class MemorySessionCache implements SessionCache {
  private readonly entries = new Map<string, { value: string; expires: number }>();

  async get<T>(key: string): Promise<T | null> {
    const entry = this.entries.get(key);
    if (!entry || entry.expires < Date.now()) return null;
    return JSON.parse(entry.value) as T;
  }

  async put(key: string, value: unknown, ttlSeconds: number): Promise<void> {
    this.entries.set(key, { value: JSON.stringify(value), expires: Date.now() + ttlSeconds * 1000 });
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }
}
