// Server API keys: accepted on /v1/admin only and only within their scopes, refused once revoked, stored as a
// SHA-256 and a short prefix (the key itself is returned once, by createApiKey, and never again).
import { describe, expect, it } from 'vitest';
import { listApiKeys, revokeApiKey } from '../../../src/features/admin/api-keys.ts';
import { apiKey, CLI_CONTEXT, call, expectError, json, registerUser, sha256, sql, testDeps, withKey } from '../support/index.ts';

describe('admin API keys', () => {
  it('users:read lists and shows users; disable, the audit log and organizations need their own scopes (403 forbidden)', async () => {
    const { key } = await apiKey(['users:read']);
    const target = await registerUser();
    const page = await json<{ users: { id: string }[] }>(
      await call(`/v1/admin/users?query=${encodeURIComponent(target.email)}`, withKey(key)),
    );
    expect(page.users.map((u) => u.id)).toEqual([target.user.id]);
    const detail = await json<{ user: { id: string; email: string } }>(await call(`/v1/admin/users/${target.user.id}`, withKey(key)));
    expect(detail.user).toMatchObject({ id: target.user.id, email: target.email });

    const disable = await call(`/v1/admin/users/${target.user.id}/disable`, withKey(key, { method: 'POST', json: { reason: 'test' } }));
    expect(disable.headers.get('www-authenticate')).toBe('Bearer error="insufficient_scope", scope="users:write"');
    await expectError(disable, 403, 'forbidden');
    await expectError(await call('/v1/admin/audit-logs', withKey(key)), 403, 'forbidden');
    await expectError(await call('/v1/admin/organizations', withKey(key)), 403, 'forbidden');
    // Nothing changed.
    const [row] = await sql<{ disabled_at: Date | null }>('select disabled_at from $schema.users where id = $1', [target.user.id]);
    expect(row!.disabled_at).toBeNull();

    // With the scopes, the same requests go through.
    const { key: wide } = await apiKey(['users:read', 'users:write', 'audit:read', 'organizations:read']);
    await json(await call('/v1/admin/audit-logs', withKey(wide)));
    await json(await call('/v1/admin/organizations', withKey(wide)));
    await json(await call(`/v1/admin/users/${target.user.id}/disable`, withKey(wide, { method: 'POST', json: { reason: 'test' } })));
  });

  it('a revoked key is refused (401) from its next request on; an unknown isk_ key is 401', async () => {
    const { key, id } = await apiKey(['users:read']);
    await json(await call('/v1/admin/users?limit=1', withKey(key)));
    expect(await revokeApiKey(testDeps(), CLI_CONTEXT, id)).toBe(true);
    const refused = await call('/v1/admin/users?limit=1', withKey(key));
    expect(refused.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    await expectError(refused, 401, 'unauthorized');
    // Revoking twice changes nothing.
    expect(await revokeApiKey(testDeps(), CLI_CONTEXT, id)).toBe(false);

    const unknown = `isk_${'A'.repeat(43)}`;
    await expectError(await call('/v1/admin/users?limit=1', withKey(unknown)), 401, 'unauthorized');
    // One character off a live key is just as unknown.
    const { key: live } = await apiKey(['users:read']);
    const flipped = `${live.slice(0, -1)}${live.endsWith('A') ? 'B' : 'A'}`;
    await expectError(await call('/v1/admin/users?limit=1', withKey(flipped)), 401, 'unauthorized');
  });

  it('is stored as its SHA-256 and a 12-character prefix; createApiKey returns it once, listApiKeys never', async () => {
    const { key, id } = await apiKey(['users:read', 'audit:read']);
    expect(key).toMatch(/^isk_[A-Za-z0-9_-]{40,}$/);
    const [row] = await sql<Record<string, unknown>>('select * from $schema.api_keys where id = $1', [id]);
    expect(row!.key_hash).toBe(await sha256(new TextEncoder().encode(key)));
    expect(row!.prefix).toBe(key.slice(0, 12));
    // No column holds the key, or more of it than the prefix.
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(key);
    expect(stored).not.toContain(key.slice(0, 13));

    const listed = (await listApiKeys(testDeps())).find((k) => k.id === id);
    expect(listed).toMatchObject({ id, prefix: key.slice(0, 12), scopes: ['users:read', 'audit:read'], revoked_at: null });
    expect(JSON.stringify(await listApiKeys(testDeps()))).not.toContain(key);
    expect(Object.keys(listed!)).not.toContain('key');
  });

  it('is no credential outside /v1/admin: GET /v1/auth/session and POST /v1/auth/token answer 401', async () => {
    const { key } = await apiKey(['users:read', 'users:write', 'audit:read', 'organizations:read']);
    await expectError(await call('/v1/auth/session', withKey(key)), 401, 'unauthorized');
    await expectError(await call('/v1/auth/token', withKey(key, { method: 'POST' })), 401, 'unauthorized');
    await expectError(await call('/v1/auth/me', withKey(key)), 401, 'unauthorized');
    // The same key works where it belongs.
    await json(await call('/v1/admin/users?limit=1', withKey(key)));
  });
});
