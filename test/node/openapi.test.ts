// The OpenAPI document is valid OpenAPI 3.1 (an independent validator) and matches the routes the app
// serves, both ways: nothing served undocumented, nothing documented unserved.
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import type { Deps } from '../../src/platform/deps.ts';
import { openApiDocument } from '../../src/openapi/document.ts';

function servedRoutes(): string[] {
  // The route table only: no request is served, so no dependency is used.
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
    const paths = openApiDocument().paths as Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Record<string, unknown> }> } }>>;
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
});
