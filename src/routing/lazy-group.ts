// A route group served from a module imported on its first request. Until it has loaded, the app registers each
// of the group's rows (method and path, from src/routing/route-manifest.generated.ts) with `lazyGroup`'s handler
// (afterwards the app mounts the group directly: src/app.ts), so routing,
// `routePath` (the request log's route), 404s and the global middlewares are what they were with the group
// mounted directly. The handler hands the request to the group mounted alone in an app of its own, with the
// request's variables (deps, request id, a session found by the idempotency check) in and out; an error goes
// to the main app's error handler; a request the group does not answer (a path only a group middleware
// matched) continues to the main app's next handler, as it did with the group mounted directly.
import { Hono, type MiddlewareHandler } from 'hono';
import type { AppContext, AppEnv } from '../http/types.ts';
import type { RouteEntry } from '../openapi/document.ts';
import type { GroupRoutes, RouteGroup } from './route-groups.ts';

interface Handoff {
  outer: AppContext;
  unanswered: boolean;
}

// The request being handed to a group, by the Request object both apps see.
const handoffs = new WeakMap<Request, Handoff>();

function copyVariables(from: AppContext, to: AppContext): void {
  for (const [name, value] of Object.entries(from.var)) (to.set as (key: string, value: unknown) => void)(name, value);
}

function standalone(group: RouteGroup, routes: GroupRoutes): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    const handoff = handoffs.get(c.req.raw)!;
    copyVariables(handoff.outer, c);
    try {
      await next();
    } finally {
      copyVariables(c, handoff.outer);
    }
  });
  app.route(group.prefix, routes);
  app.notFound((c) => {
    handoffs.get(c.req.raw)!.unanswered = true;
    return c.body(null, 404);
  });
  app.onError((err) => {
    throw err;
  });
  return app;
}

/**
 * The handler for every row of `group`: imports the group on first use (the built app is kept), tells
 * `onLoaded` (the app then mounts the group directly for the requests after this one) and delegates.
 */
export function lazyGroup(
  group: RouteGroup,
  table: () => Promise<readonly RouteEntry[]>,
  onLoaded: (routes: GroupRoutes) => void,
): MiddlewareHandler<AppEnv> {
  let loaded: Hono<AppEnv> | undefined;
  return async (c, next) => {
    if (!loaded) {
      // Each request awaits its own import (the module registry evaluates the group once): a promise shared
      // with another request would tie this one to that request's I/O. A failed import is tried again.
      const routes = await group.load(table);
      if (!loaded) {
        loaded = standalone(group, routes);
        onLoaded(routes);
      }
    }
    const app = loaded;
    const handoff: Handoff = { outer: c, unanswered: false };
    handoffs.set(c.req.raw, handoff);
    let ctx: Parameters<Hono['fetch']>[2];
    try {
      ctx = c.executionCtx;
    } catch {
      // Hono's app.request() outside a Worker has none; runInBackground copes.
    }
    const res = await app.fetch(c.req.raw, c.env, ctx);
    handoffs.delete(c.req.raw);
    if (handoff.unanswered) return next();
    return res;
  };
}
