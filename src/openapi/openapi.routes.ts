import { Hono } from 'hono';
import { describeRoute } from '../http/route-contract.ts';
import type { AppEnv } from '../http/types.ts';
import { openApiDocument, type RouteEntry } from './document.ts';

/** GET /openapi.json, documenting the routes `routes()` returns (the whole app's table, read on first use). */
export function openApiRoutes(routes: () => readonly RouteEntry[]) {
  return new Hono<AppEnv>().get(
    '/openapi.json',
    describeRoute({
      operationId: 'openapi',
      summary: 'This document',
      tag: 'operations',
      auth: false,
      responses: { 200: { description: 'OpenAPI 3.1' } },
      errors: [],
    }),
    (c) => {
      c.header('Cache-Control', 'public, max-age=300');
      return c.json(openApiDocument(routes()));
    },
  );
}
