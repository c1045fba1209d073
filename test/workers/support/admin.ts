// Admin API helpers: platform administrators (set on the user row, as `identsphere admin grant` would) and
// server API keys (created with the service the CLI uses), sent as `Authorization: Bearer isk_…`.

import { expect } from 'vitest';
import { type ApiKeyScope, createApiKey } from '../../../src/features/admin/api-keys.ts';
import { grantPlatformAdmin } from '../../../src/features/admin/platform-admins.ts';
import type { RequestContext } from '../../../src/features/audit/audit.ts';
import type { Env } from '../../../src/platform/config.ts';
import type { Deps } from '../../../src/platform/deps.ts';
import { bearer } from './bearer.ts';
import { sql } from './database.ts';
import { type CallInit, envWith, registerUser, withDeps } from './worker.ts';

/** What the CLI passes as the context of its changes. */
export const CLI_CONTEXT: RequestContext = { requestId: 'test-cli', ip: null, userAgent: null, actor: { type: 'cli', id: 'tester' } };

let defaultDeps: Deps | undefined;

/** Dependencies on the test database with the real clock (for services the CLI calls). */
export function testDeps(): Deps {
  defaultDeps ??= withDeps(envWith({}));
  return defaultDeps;
}

/** Makes the user a platform administrator (or not), straight on the row. `schema`: another migrated schema. */
export async function setPlatformRole(userId: string, role: 'admin' | null, schema = '$schema'): Promise<void> {
  await sql(`update ${schema}.users set platform_role = $2 where id = $1`, [userId, role]);
}

/** A new user (registered through the Worker) made a platform administrator the way the CLI does it. */
export async function registerAdmin(env?: Env) {
  const admin = await registerUser(undefined, undefined, env);
  expect(await grantPlatformAdmin(testDeps(), CLI_CONTEXT, admin.email)).toEqual({ ok: true, changed: true });
  return admin;
}

/** A new server API key with these scopes: the key (shown once) and its id. */
export async function apiKey(scopes: ApiKeyScope[], deps: Deps = testDeps()) {
  const { key, apiKey } = await createApiKey(deps, CLI_CONTEXT, { name: `test-${crypto.randomUUID().slice(0, 6)}`, scopes });
  return { key, id: apiKey.id };
}

/** CallInit sending the API key (and no cookie). */
export function withKey(key: string, init: CallInit = {}): CallInit {
  return bearer(key, init);
}
