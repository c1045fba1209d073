// The Worker registers its routes from src/routing/route-manifest.generated.ts without importing the route
// groups (they load on first use): the manifest must list exactly what the groups declare, in their order, and
// the app must serve exactly those rows — or a route would 404, or a group's middleware stop guarding a path.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MANIFEST_FILE, manifestSource } from '../../scripts/route-manifest.ts';
import { createApp } from '../../src/app.ts';
import type { Deps } from '../../src/platform/deps.ts';
import { ROUTE_MANIFEST } from '../../src/routing/route-manifest.generated.ts';
import { routeManifest, routeTable } from '../../src/routing/route-table.ts';

describe('route manifest', () => {
  it('is current (run `node scripts/generate-route-manifest.ts` when this fails)', async () => {
    expect(ROUTE_MANIFEST).toEqual(await routeManifest());
    expect(readFileSync(MANIFEST_FILE, 'utf8')).toBe(await manifestSource());
  });

  it('the app registers every row of the route table, in its order, after the global middlewares', async () => {
    const distinct = (rows: readonly { method: string; path: string }[]) => [
      ...new Set(rows.map(({ method, path }) => `${method} ${path}`)),
    ];
    const served = createApp({} as Deps).routes.filter((r) => r.path !== '/*');
    expect(distinct(served)).toEqual(distinct(await routeTable()));
  });
});
