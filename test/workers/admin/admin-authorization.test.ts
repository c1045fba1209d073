// Who may call /v1/admin: nobody unauthenticated (401); a signed-in non-administrator gets one 403 whatever the
// id in the path (nothing to enumerate); an administrator's session reads, and writes only when fresh or with
// the password; a demoted administrator is refused on the very next request.
import { describe, expect, it } from 'vitest';
import { FRESH_SESSION_SECONDS } from '../../../src/features/sign-in/password-reentry.ts';
import {
  type CallInit,
  call,
  clockedEnv,
  expectError,
  json,
  PASSWORD,
  registerAdmin,
  registerUser,
  setPlatformRole,
} from '../support/index.ts';

type Route = { method: string; path: (id: string) => string; json?: unknown };

const ROUTES: Route[] = [
  { method: 'GET', path: () => '/v1/admin/users' },
  { method: 'GET', path: (id) => `/v1/admin/users/${id}` },
  { method: 'POST', path: (id) => `/v1/admin/users/${id}/disable`, json: { reason: 'probe' } },
  { method: 'POST', path: (id) => `/v1/admin/users/${id}/enable` },
  { method: 'POST', path: (id) => `/v1/admin/users/${id}/sign-out` },
  { method: 'DELETE', path: (id) => `/v1/admin/users/${id}/mfa?passkeys=true` },
  { method: 'POST', path: (id) => `/v1/admin/users/${id}/verify-email` },
  { method: 'DELETE', path: (id) => `/v1/admin/users/${id}` },
  { method: 'GET', path: () => '/v1/admin/organizations' },
  { method: 'GET', path: () => '/v1/admin/audit-logs' },
];

const send = (route: Route, id: string, init: CallInit = {}) => call(route.path(id), { method: route.method, json: route.json, ...init });

describe('admin authorization', () => {
  it('no credentials: 401 on every admin route', async () => {
    const target = await registerUser();
    for (const route of ROUTES) await expectError(await send(route, target.user.id), 401, 'unauthorized');
  });

  it('a signed-in non-administrator: 403 forbidden, the same body for an existing user id and a random one', async () => {
    const outsider = await registerUser();
    const target = await registerUser();
    const headers = { 'x-request-id': 'admin-enumeration-probe' };
    for (const route of ROUTES) {
      const existing = await send(route, target.user.id, { cookie: outsider.cookie, headers });
      const random = await send(route, crypto.randomUUID(), { cookie: outsider.cookie, headers });
      const [a, b] = [await existing.text(), await random.text()];
      expect([existing.status, random.status], `${route.method} ${route.path(':id')}`).toEqual([403, 403]);
      expect(JSON.parse(a).error.code).toBe('forbidden');
      expect(a).toBe(b);
    }
    // Nothing was done to the target.
    await json(await call('/v1/auth/session', { cookie: target.cookie }));
  });

  it("an administrator's session reads every admin resource", async () => {
    const admin = await registerAdmin();
    const target = await registerUser();
    const { users } = await json<{ users: { id: string }[] }>(
      await call(`/v1/admin/users?query=${encodeURIComponent(target.email)}`, { cookie: admin.cookie }),
    );
    expect(users.map((u) => u.id)).toEqual([target.user.id]);
    await json(await call(`/v1/admin/users/${target.user.id}`, { cookie: admin.cookie }));
    await json(await call('/v1/admin/organizations', { cookie: admin.cookie }));
    await json(await call(`/v1/admin/audit-logs?user_id=${target.user.id}`, { cookie: admin.cookie }));
    await expectError(await call(`/v1/admin/users/${crypto.randomUUID()}`, { cookie: admin.cookie }), 404, 'not_found');
  });

  it('a write with a stale session needs the password: 403 reauthentication_required without, 200 with it', async () => {
    const { env, clock } = clockedEnv();
    const admin = await registerUser(undefined, undefined, env);
    await setPlatformRole(admin.user.id, 'admin');
    const target = await registerUser(undefined, undefined, env);
    const disable = (body: Record<string, unknown>) =>
      call(`/v1/admin/users/${target.user.id}/disable`, { method: 'POST', cookie: admin.cookie, json: { reason: 'abuse', ...body }, env });

    clock.advance((FRESH_SESSION_SECONDS + 1) * 1000);
    // Reads still work with the stale session.
    await json(await call(`/v1/admin/users/${target.user.id}`, { cookie: admin.cookie, env }));
    await expectError(await disable({}), 403, 'reauthentication_required');
    await expectError(
      await call(`/v1/admin/users/${target.user.id}/sign-out`, { method: 'POST', cookie: admin.cookie, env }),
      403,
      'reauthentication_required',
    );
    // A wrong password is the same refusal (and counts like a failed login).
    await expectError(await disable({ password: 'not the password' }), 403, 'reauthentication_required');
    let { user } = await json<{ user: { disabled: boolean } }>(
      await call(`/v1/admin/users/${target.user.id}`, { cookie: admin.cookie, env }),
    );
    expect(user.disabled).toBe(false);

    ({ user } = await json<{ user: { disabled: boolean } }>(await disable({ password: PASSWORD })));
    expect(user.disabled).toBe(true);
  });

  it('a fresh session writes without the password', async () => {
    const admin = await registerAdmin();
    const target = await registerUser();
    const { user } = await json<{ user: { email_verified: boolean } }>(
      await call(`/v1/admin/users/${target.user.id}/verify-email`, { method: 'POST', cookie: admin.cookie }),
    );
    expect(user.email_verified).toBe(true);
  });

  it('demoting the administrator takes effect on the very next request', async () => {
    const admin = await registerAdmin();
    // The session is validated (and cached) by this request.
    await json(await call('/v1/admin/users?limit=1', { cookie: admin.cookie }));
    await setPlatformRole(admin.user.id, null);
    await expectError(await call('/v1/admin/users?limit=1', { cookie: admin.cookie }), 403, 'forbidden');
    // Still signed in as a user.
    await json(await call('/v1/auth/session', { cookie: admin.cookie }));
  });
});
