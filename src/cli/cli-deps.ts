// The services' data dependencies for CLI commands that change accounts (`users`, `admin`, `api-keys`): the
// Worker's own services over the Worker's own driver (Neon's HTTP protocol: Neon itself, or the local endpoint
// with IDENTSPHERE_DATABASE_LOCAL_HTTP=true), so the CLI and the admin API run one implementation.
import { userInfo } from 'node:os';
import { createDatabase } from '../db/client.ts';
import type { RequestContext } from '../features/audit/audit.ts';
import type { AvatarStorage } from '../platform/adapters/avatar-storage.ts';
import type { SessionCache } from '../platform/adapters/session-cache.ts';
import { systemClock } from '../platform/clock.ts';
import type { DataDeps } from '../platform/deps.ts';

/**
 * The CLI cannot reach the Worker's KV namespace: a session it revokes is gone from the database at once, and a
 * copy cached by the Worker lives on for at most IDENTSPHERE_SESSION_CACHE_TTL (the same bound as a revocation
 * seen from another Cloudflare location). Nothing is cached by the CLI itself.
 */
const noSessionCache: SessionCache = {
  get: async () => null,
  put: async () => {},
  delete: async () => {},
};

/** Nor its R2 bucket: deleted accounts' avatar objects stay queued, and the Worker's Cron Trigger deletes them. */
const storageOutOfReach: AvatarStorage = {
  put: () => Promise.reject(new Error('avatar storage is not reachable from the CLI')),
  get: () => Promise.reject(new Error('avatar storage is not reachable from the CLI')),
  delete: () => Promise.reject(new Error('avatar storage is not reachable from the CLI; left queued for the Cron Trigger')),
};

export function cliDataDeps(url: string, schema: string, env: NodeJS.ProcessEnv): DataDeps {
  const database = createDatabase({
    DATABASE_URL: url,
    IDENTSPHERE_SCHEMA: schema,
    IDENTSPHERE_DATABASE_LOCAL_HTTP: env.IDENTSPHERE_DATABASE_LOCAL_HTTP === 'true',
    IDENTSPHERE_DATABASE_TIMEOUT_MS: 30_000,
  });
  return { ...database, clock: systemClock, sessionCache: noSessionCache, avatars: storageOutOfReach };
}

/** Every change made from the CLI is audited as the operator's OS account. */
export function cliContext(): RequestContext {
  let operator: string | null = null;
  try {
    operator = userInfo().username;
  } catch {
    // no passwd entry (some containers): recorded as an anonymous CLI operator
  }
  return { requestId: `cli-${crypto.randomUUID()}`, ip: null, userAgent: 'identsphere-cli', actor: { type: 'cli', id: operator } };
}
