import { Hono } from 'hono';
import { describeRoute } from '../http/route-contract.ts';
import type { AppEnv } from '../http/types.ts';
import { openApiDocument, type RouteEntry } from './document.ts';

/** GET /openapi.json, documenting the routes `routes()` resolves to (the whole app's table, built on first use). */
export function openApiRoutes(routes: () => Promise<readonly RouteEntry[]>) {
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
    async (c) => {
      const table = await routes();
      c.header('Cache-Control', 'public, max-age=300');
      return c.json(openApiDocument(table));
    },
  );
}
