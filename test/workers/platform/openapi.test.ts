// The Worker serves its OpenAPI document (content checked in test/node/openapi.test.ts).
import { describe, expect, it } from 'vitest';
import { call } from '../support/index.ts';

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
