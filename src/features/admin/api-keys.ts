import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { newId, randomToken } from '../../crypto/tokens.ts';
import type { Database } from '../../db/client.ts';
import { insertWhere } from '../../db/insert-where.ts';
import { API_KEY_PREFIX, apiKeyHash } from '../../http/api-key-credential.ts';
import type { Clock } from '../../platform/clock.ts';
import type { DataDeps } from '../../platform/deps.ts';
import { auditInsert, auditValues, type RequestContext } from '../audit/audit.ts';

/** What a server API key may be allowed; a key is refused (403) on routes outside its scopes. */
export const API_KEY_SCOPES = ['users:read', 'users:write', 'organizations:read', 'audit:read', 'webhooks:write'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export function isApiKeyScope(scope: string): scope is ApiKeyScope {
  return (API_KEY_SCOPES as readonly string[]).includes(scope);
}

export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  created_by: string | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

function view(row: DataDeps['t']['apiKeys']['$inferSelect']): ApiKeyView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes.filter(isApiKeyScope),
    created_by: row.createdBy,
    created_at: row.createdAt.toISOString(),
    last_used_at: row.lastUsedAt?.toISOString() ?? null,
    revoked_at: row.revokedAt?.toISOString() ?? null,
  };
}

/**
 * A new key: `isk_` + 256 random bits. Only its hash is stored; the key itself is returned here once and never
 * again (a lost key is revoked and replaced, not recovered).
 */
export async function createApiKey(
  deps: DataDeps,
  ctx: RequestContext,
  input: { name: string; scopes: ApiKeyScope[] },
): Promise<{ key: string; apiKey: ApiKeyView }> {
  const key = `${API_KEY_PREFIX}${randomToken(32)}`;
  const row = {
    id: newId(),
    name: input.name,
    prefix: key.slice(0, API_KEY_PREFIX.length + 8),
    keyHash: await apiKeyHash(key),
    scopes: [...new Set(input.scopes)],
    createdBy: ctx.actor?.id ?? null,
    createdAt: deps.clock.now(),
  };
  await deps.db.batch([
    deps.db.insert(deps.t.apiKeys).values(row),
    auditInsert(deps, ctx, 'api_key.created', { metadata: { api_key_id: row.id, name: row.name, scopes: row.scopes } }),
  ]);
  return { key, apiKey: view({ ...row, lastUsedAt: null, revokedAt: null }) };
}

export async function listApiKeys(deps: Database): Promise<ApiKeyView[]> {
  const { apiKeys } = deps.t;
  return (await deps.db.select().from(apiKeys).orderBy(desc(apiKeys.createdAt))).map(view);
}

/** Revokes a key for good (refused from the next request on). False when there is no such live key. */
export async function revokeApiKey(deps: DataDeps, ctx: RequestContext, id: string): Promise<boolean> {
  const { apiKeys } = deps.t;
  const live = and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt));
  const now = deps.clock.now();
  const [revoked] = await deps.db.batch([
    deps.db.update(apiKeys).set({ revokedAt: now }).where(live).returning({ id: apiKeys.id }),
    insertWhere(
      deps.db,
      deps.t.auditLogs,
      auditValues(deps, ctx, 'api_key.revoked', { metadata: { api_key_id: id } }),
      // Recorded only when this revocation happened (the update above ran first in the same transaction).
      sql`exists (select 1 from ${apiKeys} where ${apiKeys.id} = ${id} and ${apiKeys.revokedAt} = ${now.toISOString()}::timestamptz)`,
    ),
  ]);
  return revoked.length > 0;
}

export interface AuthenticatedApiKey {
  id: string;
  name: string;
  scopes: ApiKeyScope[];
}

/** How often last_used_at is written at most: one write a minute per key, not one per request. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * The live key matching `key`, or null (unknown or revoked: both 401, the same answer). Read from the database
 * on every request — never cached — so a revocation takes effect at once everywhere.
 */
export async function authenticateApiKey(deps: Database & { clock: Clock }, key: string): Promise<AuthenticatedApiKey | null> {
  const { apiKeys } = deps.t;
  const [row] = await deps.db
    .select({ id: apiKeys.id, name: apiKeys.name, scopes: apiKeys.scopes, lastUsedAt: apiKeys.lastUsedAt })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, await apiKeyHash(key)), isNull(apiKeys.revokedAt)));
  if (!row) return null;
  return { id: row.id, name: row.name, scopes: row.scopes.filter(isApiKeyScope) };
}

/** Records that the key was used (at most once a minute); run after the response. */
export async function touchApiKey(deps: Database & { clock: Clock }, id: string): Promise<void> {
  const { apiKeys } = deps.t;
  const now = deps.clock.now();
  await deps.db
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(
      and(eq(apiKeys.id, id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, new Date(now.getTime() - LAST_USED_RESOLUTION_MS)))),
    );
}
