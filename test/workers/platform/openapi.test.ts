// The Worker serves its OpenAPI document (content checked in test/node/openapi.test.ts), and the document
// tells the truth about the running Worker: the auth flags (a session-only operation answers 401 without
// one, no other does) and the response shapes (real answers parsed with the declared, strict schemas).
import { describe, expect, it } from 'vitest';
import { impliedErrors } from '../../../src/openapi/document.ts';
import { type CallInit, call, documentedOperations, type Operation, PASSWORD, registerUser, uniqueEmail } from '../support/index.ts';

const operations = documentedOperations();

function operation(method: string, path: string): Operation {
  const op = operations.find((o) => o.method === method && o.path === path);
  if (!op) throw new Error(`undocumented: ${method} ${path}`);
  return op;
}

/** Calls `path` (a real one) as the documented `method template` and checks the answer against its contract. */
async function documented(template: string, path: string, init: CallInit = {}): Promise<Response> {
  const [method, route] = template.split(' ') as [string, string];
  const op = operation(method, route);
  const res = await call(path, { ...init, method });
  const label = `${template} → ${res.status}`;
  if (res.status >= 400) {
    const body = (await res.clone().json()) as { error: { code: string } };
    expect([...op.contract.errors, ...impliedErrors(method, op.contract)], label).toContain(body.error.code);
    return res;
  }
  const response = op.contract.responses[res.status];
  expect(response, `${label}: status not documented`).toBeDefined();
  if (response!.schema && (response!.contentType ?? 'application/json') === 'application/json') {
    const parsed = response!.schema.safeParse(await res.clone().json());
    expect(parsed.success ? [] : parsed.error.issues, label).toEqual([]);
  }
  if (res.headers.getSetCookie().some((c) => /identsphere_session=/.test(c)))
    expect(response!.sessionCookie, `${label}: Set-Cookie`).toBeDefined();
  return res;
}

describe('GET /v1/openapi.json', () => {
  it('serves OpenAPI 3.1 covering the auth routes', async () => {
    const res = await call('/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/auth/register', '/v1/auth/login', '/v1/auth/sessions/{id}']));
  });
});

describe('the documented auth flags', () => {
  it('an operation flagged as needing a session answers 401 without one; no other does', { timeout: 60_000 }, async () => {
    expect(operations.length).toBeGreaterThan(40);
    const wrong: string[] = [];
    for (const op of operations) {
      const path = op.path.replace(/:([A-Za-z]+)/g, (_, name: string) => (name === 'provider' ? 'github' : crypto.randomUUID()));
      const init: CallInit = { method: op.method };
      if (op.rawBody) Object.assign(init, { body: new Uint8Array([0x89, 0x50, 0x4e, 0x47]), headers: { 'content-type': 'image/png' } });
      else if (op.method !== 'GET') init.json = {};
      const res = await call(path, init);
      const text = await res.text();
      const unauthorized = res.status === 401;
      if (unauthorized !== op.auth) wrong.push(`${op.method} ${op.path}: auth ${op.auth}, answered ${res.status} ${text.slice(0, 120)}`);
      if (op.auth && unauthorized) expect(JSON.parse(text).error.code).toBe('unauthorized');
    }
    expect(wrong).toEqual([]);
  });
});

describe('the documented response shapes', () => {
  it('real answers of a signed-in flow parse with the schemas the document declares (strict)', { timeout: 60_000 }, async () => {
    const email = uniqueEmail('openapi');
    const registered = await documented('POST /v1/auth/register', '/v1/auth/register', {
      json: { email, password: PASSWORD, name: 'Ada' },
    });
    expect(registered.status).toBe(201);
    const { cookie } = await registerUser();
    const as = { cookie };

    await documented('GET /v1/health', '/v1/health');
    await documented('GET /v1/health/ready', '/v1/health/ready');
    await documented('GET /v1/auth/session', '/v1/auth/session', as);
    await documented('GET /v1/auth/me', '/v1/auth/me', as);
    const patched = await documented('PATCH /v1/auth/me', '/v1/auth/me', {
      ...as,
      json: { name: 'Ada L.', locale: 'en-gb', time_zone: 'Europe/Paris' },
    });
    expect(patched.status).toBe(200);
    const sessions = await documented('GET /v1/auth/sessions', '/v1/auth/sessions', as);
    expect(sessions.status).toBe(200);
    await documented('GET /v1/auth/identities', '/v1/auth/identities', as);
    await documented('GET /v1/auth/audit-logs', '/v1/auth/audit-logs?limit=5', as);
    expect((await documented('GET /v1/auth/me/export', '/v1/auth/me/export', as)).status).toBe(200);
    await documented('GET /v1/auth/oauth/providers', '/v1/auth/oauth/providers');

    const orgs = await documented('GET /v1/auth/organizations', '/v1/auth/organizations', as);
    expect(orgs.status).toBe(200);
    const created = await documented('POST /v1/auth/organizations', '/v1/auth/organizations', { ...as, json: { name: 'Beta' } });
    expect(created.status).toBe(201);
    const orgId = ((await created.json()) as { organization: { id: string } }).organization.id;
    expect((await documented('POST /v1/auth/organizations/:id/switch', `/v1/auth/organizations/${orgId}/switch`, as)).status).toBe(200);
    expect((await documented('GET /v1/auth/organizations/:id/members', `/v1/auth/organizations/${orgId}/members`, as)).status).toBe(200);
    const invited = await documented('POST /v1/auth/organizations/:id/invitations', `/v1/auth/organizations/${orgId}/invitations`, {
      ...as,
      json: { email: uniqueEmail('invitee') },
    });
    expect(invited.status).toBe(201);
    expect((await documented('GET /v1/auth/organizations/:id/invitations', `/v1/auth/organizations/${orgId}/invitations`, as)).status).toBe(
      200,
    );

    expect((await documented('GET /v1/auth/mfa', '/v1/auth/mfa', as)).status).toBe(200);
    expect((await documented('POST /v1/auth/mfa/totp/setup', '/v1/auth/mfa/totp/setup', as)).status).toBe(200);
    expect((await documented('POST /v1/auth/passkeys/register/options', '/v1/auth/passkeys/register/options', as)).status).toBe(200);
    expect((await documented('GET /v1/auth/passkeys', '/v1/auth/passkeys', as)).status).toBe(200);
    expect((await documented('POST /v1/auth/passkeys/login/options', '/v1/auth/passkeys/login/options', { json: {} })).status).toBe(200);

    const login = await documented('POST /v1/auth/login', '/v1/auth/login', { json: { email, password: PASSWORD } });
    expect(login.status).toBe(200);
    // A native app's sign-in (session_token, no Set-Cookie) and a bearer-authenticated call, same schemas.
    const native = await documented('POST /v1/auth/login', '/v1/auth/login', {
      json: { email, password: PASSWORD },
      headers: { 'IdentSphere-Session-Transport': 'bearer' },
    });
    expect(native.status).toBe(200);
    expect(native.headers.getSetCookie()).toEqual([]);
    const { session_token } = (await native.json()) as { session_token: string };
    const bearer = { headers: { authorization: `Bearer ${session_token}` } };
    expect((await documented('GET /v1/auth/session', '/v1/auth/session', bearer)).status).toBe(200);
    expect((await documented('POST /v1/auth/logout', '/v1/auth/logout', bearer)).status).toBe(204);
    const wrong = await documented('POST /v1/auth/login', '/v1/auth/login', { json: { email, password: 'not the password' } });
    expect(wrong.status).toBe(401);
    expect((await documented('POST /v1/auth/sessions/revoke-others', '/v1/auth/sessions/revoke-others', as)).status).toBe(204);
    expect((await documented('POST /v1/auth/logout', '/v1/auth/logout', as)).status).toBe(204);
    expect((await documented('GET /v1/auth/me', '/v1/auth/me', as)).status).toBe(401);
  });

  it('a strict schema refuses an undocumented field', () => {
    const schema = operation('GET', '/v1/auth/session').contract.responses[200]!.schema!;
    const record = {
      user: { id: crypto.randomUUID(), email: 'a@example.com', name: null, email_verified: false, created_at: new Date().toISOString() },
      organization: null,
      session: {
        id: crypto.randomUUID(),
        created_at: '2026-01-01T00:00:00.000Z',
        last_seen_at: '2026-01-01T00:00:00.000Z',
        idle_expires_at: '2026-01-01T00:00:00.000Z',
        expires_at: '2026-01-01T00:00:00.000Z',
      },
    };
    expect(schema.safeParse(record).success).toBe(true);
    expect(schema.safeParse({ ...record, user: { ...record.user, password_hash: 'x' } }).success).toBe(false);
  });
});
