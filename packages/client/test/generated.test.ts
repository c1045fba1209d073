// src/generated/openapi.ts is committed so the package works without a build step; this fails as soon as it no
// longer matches the OpenAPI document the routes declare. Fix: `npm run generate -w @identsphere/client`.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDocument, GENERATED_FILE, generateTypes } from '../scripts/openapi-types.ts';

describe('generated OpenAPI types', () => {
  it('match the document the Worker serves (run `npm run generate -w @identsphere/client` when this fails)', async () => {
    expect(readFileSync(GENERATED_FILE, 'utf8')).toBe(await generateTypes(await buildDocument()));
  });

  it('change when the document changes', async () => {
    const document = structuredClone(await buildDocument()) as { paths: Record<string, unknown> };
    document.paths['/v1/added-route'] = { get: { operationId: 'added', responses: { 204: { description: 'Done' } } } };
    expect(readFileSync(GENERATED_FILE, 'utf8')).not.toBe(await generateTypes(document));
  });
});
