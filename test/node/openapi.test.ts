// The OpenAPI document is valid OpenAPI 3.1 (an independent validator) and matches the routes the app
// serves, both ways: nothing served undocumented, nothing documented unserved; every operation carries its
// error codes, Retry-After on 429, Set-Cookie where it signs in or out. Auth flags and response shapes are
// checked against the running Worker in test/workers/platform/openapi.test.ts.
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { ERROR_CODES } from '../../src/lib/errors.ts';
import { openApiDocument as buildDocument } from '../../src/openapi/document.ts';
import type { Deps } from '../../src/platform/deps.ts';
import { routeTable } from '../../src/routing/route-table.ts';

// Every group imported: the handlers carry their contracts.
const table = await routeTable();
const openApiDocument = () => buildDocument(table);

interface DocResponse {
  $ref?: string;
  description: string;
  headers?: Record<string, { description: string }>;
  content?: Record<string, { schema: { properties?: { error: { properties: { code: { enum: string[] } } } } } }>;
}
interface DocOperation {
  operationId: string;
  security?: unknown[];
  responses: Record<string, DocResponse>;
}

function operations(): [string, DocOperation][] {
  const paths = openApiDocument().paths as Record<string, Record<string, DocOperation>>;
  return Object.entries(paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([m, op]) => [`${m.toUpperCase()} ${path}`, op] as [string, DocOperation]),
  );
}

/** The response itself, or the component it refers to. */
function resolve(response: DocResponse): DocResponse {
  if (!response.$ref) return response;
  const components = openApiDocument().components as { responses: Record<string, DocResponse> };
  return components.responses[response.$ref.replace('#/components/responses/', '')]!;
}

function errorCodes(response: DocResponse): string[] {
  return resolve(response).content?.['application/json']?.schema.properties?.error.properties.code.enum ?? [];
}

const byId = (id: string) => operations().find(([, op]) => op.operationId === id)![1];

function servedRoutes(): string[] {
  // What the Worker serves: its route table (registered from the route manifest; no request is served, so no
  // dependency is used).
  return createApp({} as Deps)
    .routes.filter((r) => r.method !== 'ALL')
    .map((r) => `${r.method} ${r.path.replace(/\/$/, '').replace(/:([A-Za-z_]+)/g, '{$1}')}`);
}

function documentedRoutes(): string[] {
  const paths = openApiDocument().paths as Record<string, Record<string, unknown>>;
  return Object.entries(paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
}

describe('OpenAPI document', () => {
  it('validates as OpenAPI 3.1', async () => {
    const validator = new Validator();
    const result = await validator.validate(openApiDocument());
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('documents exactly the routes the app serves', () => {
    const served = [...new Set(servedRoutes())].sort();
    const documented = documentedRoutes().sort();
    expect(served.length).toBeGreaterThan(5);
    expect(documented).toEqual(served);
  });

  it('describes request bodies with the validation schemas (unknown fields refused)', () => {
    const paths = openApiDocument().paths as Record<
      string,
      Record<string, { requestBody?: { content: Record<string, { schema: Record<string, unknown> }> } }>
    >;
    const register = paths['/v1/auth/register']!.post!.requestBody!.content['application/json']!.schema;
    expect(register).toMatchObject({ type: 'object', additionalProperties: false, required: ['email', 'password'] });
  });

  it('documents the Idempotency-Key header on every state-changing operation, and only there', () => {
    const paths = openApiDocument().paths as Record<string, Record<string, { parameters?: { $ref?: string }[] }>>;
    const ref = '#/components/parameters/IdempotencyKey';
    for (const [path, ops] of Object.entries(paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const has = (op.parameters ?? []).some((p) => p.$ref === ref);
        expect(has, `${method.toUpperCase()} ${path}`).toBe(['post', 'put', 'patch', 'delete'].includes(method));
      }
    }
  });

  it('lists on every operation its error responses by status, each with the codes it carries', () => {
    for (const [name, op] of operations()) {
      const errors = Object.entries(op.responses).filter(([status]) => status !== 'default' && Number(status) >= 400);
      expect(errors.length, name).toBeGreaterThan(0);
      for (const [status, response] of errors) {
        const codes = errorCodes(response);
        expect(codes.length, `${name} ${status}`).toBeGreaterThan(0);
        for (const code of codes) expect(ERROR_CODES[code as keyof typeof ERROR_CODES], `${name} ${status} ${code}`).toBe(Number(status));
      }
      // 401 unauthorized exactly where a session is required.
      expect(errorCodes(op.responses['401'] ?? { description: '' }).includes('unauthorized'), name).toBe(op.security !== undefined);
    }
  });

  it('documents Retry-After on every 429, and 429 on the rate-limited operations', () => {
    const limited = operations().filter(([, op]) => op.responses['429']);
    for (const [name, op] of limited) expect(resolve(op.responses['429']!).headers?.['Retry-After'], name).toBeDefined();
    const ids = limited.map(([, op]) => op.operationId);
    const rateLimited = [
      'register',
      'login',
      'requestEmailOtp',
      'verifyEmailOtp',
      'forgotPassword',
      'resetPassword',
      'completeMfaChallenge',
      'passkeyLoginOptions',
      'passkeyLoginVerify',
      'startOAuth',
      'linkOAuthProvider',
      'registerByInvitation',
      'requestEmailVerification',
    ];
    expect(ids).toEqual(expect.arrayContaining(rateLimited));
  });

  it('documents Set-Cookie on the operations that sign in, and on those that delete the session cookie', () => {
    const signIn = {
      register: 201,
      login: 200,
      verifyEmailOtp: 200,
      completeMfaChallenge: 200,
      passkeyLoginVerify: 200,
      registerByInvitation: 201,
      oauthCallback: 302,
    };
    for (const [id, status] of Object.entries(signIn)) {
      const header = byId(id).responses[status]!.headers?.['Set-Cookie'];
      expect(header?.description, id).toContain('__Host-identsphere_session');
      expect(header?.description, id).toMatch(/^Sets/);
    }
    for (const [id, status] of Object.entries({ logout: 204, deleteMe: 204, revokeSession: 204 })) {
      expect(byId(id).responses[status]!.headers?.['Set-Cookie']?.description, id).toMatch(/^Deletes the session cookie/);
    }
  });

  it('names the production session cookie in the security scheme', () => {
    const components = openApiDocument().components as { securitySchemes: { session: { in: string; name: string } } };
    expect(components.securitySchemes.session).toMatchObject({ in: 'cookie', name: '__Host-identsphere_session' });
  });

  it('offers the bearer scheme next to the cookie: every operation that needs a session accepts either', () => {
    const components = openApiDocument().components as { securitySchemes: Record<string, Record<string, string>> };
    expect(components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(components.securitySchemes.bearer!.description).toContain('ambiguous_credentials');
    const secured = operations().filter(([, op]) => op.security);
    expect(secured.length).toBeGreaterThan(20);
    for (const [name, op] of secured) {
      // Admin operations also take a server API key, with the scope each needs.
      const admin = name.includes('/v1/admin');
      expect(op.security, name).toEqual([
        { session: [] },
        { bearer: [] },
        ...(admin ? [{ apiKey: [expect.stringMatching(/^(users|organizations|audit|webhooks):(read|write)$/)] }] : []),
      ]);
    }
    expect(components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'isk_…' });
    for (const [name, op] of secured.filter(([n]) => n.includes('/v1/admin'))) {
      expect(errorCodes(op.responses['403'] ?? { description: '' }), name).toContain('forbidden');
      expect(op.responses['429'], name).toBeDefined();
    }
    // Mixing both is refused on any route, before it runs.
    for (const [name, op] of operations())
      expect(errorCodes(op.responses['400'] ?? { description: '' }), name).toContain('ambiguous_credentials');
  });

  it('documents IdentSphere-Session-Transport on exactly the sign-ins that honour it, and session_token in SignedIn', () => {
    const document = openApiDocument();
    const components = document.components as {
      parameters: Record<string, { name: string; in: string }>;
      schemas: Record<string, { properties: Record<string, unknown>; required: string[] }>;
    };
    expect(components.parameters.SessionTransport).toMatchObject({ name: 'IdentSphere-Session-Transport', in: 'header' });
    const ref = '#/components/parameters/SessionTransport';
    const paths = document.paths as Record<string, Record<string, { operationId: string; parameters?: { $ref?: string }[] }>>;
    const withHeader = Object.values(paths)
      .flatMap((ops) => Object.values(ops))
      .filter((op) => (op.parameters ?? []).some((p) => p.$ref === ref))
      .map((op) => op.operationId)
      .sort();
    expect(withHeader).toEqual([
      'completeMfaChallenge',
      'login',
      'passkeyLoginVerify',
      'register',
      'registerByInvitation',
      'verifyEmailOtp',
    ]);
    expect(components.schemas.SignedIn!.properties.session_token).toMatchObject({ type: 'string' });
    expect(components.schemas.SignedIn!.required).not.toContain('session_token');
  });

  it('is built once per isolate', () => {
    expect(openApiDocument()).toBe(openApiDocument());
  });
});
