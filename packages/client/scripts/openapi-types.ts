// The generated types of src/generated/openapi.ts: openapi-typescript over the OpenAPI document the Worker
// serves at GET /v1/openapi.json (src/openapi/document.ts), built here in Node from the app's route table.
// `npm run generate -w @identsphere/client` writes the file; test/generated.test.ts fails when it is stale.
import openapiTS, { astToString } from 'openapi-typescript';
import { openApiDocument } from '../../../src/openapi/document.ts';
import { routeTable } from '../../../src/routing/route-table.ts';

export const GENERATED_FILE = new URL('../src/generated/openapi.ts', import.meta.url);

const HEADER =
  '// Generated from the OpenAPI document (GET /v1/openapi.json) by `npm run generate -w @identsphere/client`.\n' +
  '// Do not edit: test/generated.test.ts fails when this file no longer matches the document.\n\n';

/** The document of the routes the app serves (only the route table is read: no dependency is used). */
export async function buildDocument(): Promise<Record<string, unknown>> {
  return openApiDocument(await routeTable());
}

export async function generateTypes(document?: Record<string, unknown>): Promise<string> {
  document ??= await buildDocument();
  // openapi-typescript's parameter is its own OpenAPI3 type; the document is checked against the OpenAPI 3.1
  // schema in test/node/openapi.test.ts.
  const ast = await openapiTS(document as unknown as Parameters<typeof openapiTS>[0]);
  return HEADER + astToString(ast);
}
