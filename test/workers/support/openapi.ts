// The operations the routes declare (src/http/route-contract.ts), as the tests walk them.
import type { RouteContract } from '../../../src/http/route-contract.ts';
import { documentedRoutes } from '../../../src/openapi/document.ts';
import { routeTable } from '../../../src/routing/route-table.ts';

export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Hono syntax (:param). */
  path: string;
  /** OpenAPI syntax ({param}), as the document keys it. */
  documentedPath: string;
  auth: boolean;
  body?: RouteContract['body'];
  rawBody?: string;
  query?: RouteContract['query'];
  contract: RouteContract;
}

// The whole route table, every group imported (the handlers carry their contracts).
const table = await routeTable();

export function documentedOperations(): Operation[] {
  return documentedRoutes(table).map(({ method, path, contract }) => ({
    method: method as Operation['method'],
    path: path.replace(/\{([A-Za-z_]+)\}/g, ':$1'),
    documentedPath: path,
    auth: contract.auth,
    body: contract.body,
    rawBody: contract.rawBody,
    query: contract.query,
    contract,
  }));
}
