import { Hono } from 'hono';
import type { AppEnv } from '../http/types.ts';
import type { RouteEntry } from '../openapi/document.ts';
import { ROUTE_GROUPS, type RouteGroup, type RouteGroupName } from './route-groups.ts';

let table: readonly RouteEntry[] | undefined;

/**
 * The whole app's route table with every group imported (the handlers carry their OpenAPI contracts): what
 * the OpenAPI document, the route manifest and the tests read. Built once per isolate, on first use (each
 * caller awaits its own imports: a promise shared across requests would tie one to another's I/O).
 */
export async function routeTable(): Promise<readonly RouteEntry[]> {
  if (table) return table;
  const app = new Hono<AppEnv>();
  for (const group of Object.values(ROUTE_GROUPS)) app.route(group.prefix, await group.load(routeTable));
  table ??= app.routes;
  return table;
}

/** One row of the route manifest: a group, and a method and path it registers (middleware rows: `ALL`). */
export type ManifestRow = readonly [group: RouteGroupName, method: string, path: string];

/**
 * The rows src/routing/route-manifest.generated.ts must hold: each group's distinct method and path pairs, in
 * registration order (`node scripts/generate-route-manifest.ts` writes it; test/node/route-manifest.test.ts checks it is current).
 */
export async function routeManifest(): Promise<ManifestRow[]> {
  const rows: ManifestRow[] = [];
  for (const [name, group] of Object.entries(ROUTE_GROUPS) as [RouteGroupName, RouteGroup][]) {
    const seen = new Set<string>();
    for (const { method, path } of new Hono<AppEnv>().route(group.prefix, await group.load(routeTable)).routes) {
      if (seen.has(`${method} ${path}`)) continue;
      seen.add(`${method} ${path}`);
      rows.push([name, method, path]);
    }
  }
  return rows;
}
