import { Hono, type MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isDataException, loggableError } from './db/errors.ts';
import { webhookProducer } from './features/webhooks/webhooks.middleware.ts';
import { toApiError } from './http/api-error.ts';
import { provideDeps, refuseMisconfigured } from './http/middleware/config-guard.ts';
import { requestEnvelope } from './http/middleware/request-envelope.ts';
import { requestGuards } from './http/middleware/request-guards.ts';
import type { AppEnv } from './http/types.ts';
import { runJobsInProcess } from './jobs.ts';
import { ApiError, errorBody } from './lib/errors.ts';
import type { Deps } from './platform/deps.ts';
import { log } from './platform/log.ts';
import { lazyGroup } from './routing/lazy-group.ts';
import { type GroupRoutes, ROUTE_GROUPS, type RouteGroupName } from './routing/route-groups.ts';
import { ROUTE_MANIFEST } from './routing/route-manifest.generated.ts';
import { routeTable } from './routing/route-table.ts';

/** What the Worker serves with: `fetch`, and the routes it registers (the tests read them). */
export interface WorkerApp {
  fetch: Hono<AppEnv>['fetch'];
  readonly routes: Hono<AppEnv>['routes'];
}

/** The Worker's HTTP app, serving with `deps` (built once per isolate and environment, never per request). */
export function createApp(deps: Deps): WorkerApp {
  runJobsInProcess(deps);
  return assembled(provideDeps(deps));
}

/** What a Worker with an unsafe or invalid configuration serves: the same routes, each refused with 503. */
export function createMisconfiguredApp(): WorkerApp {
  return assembled(refuseMisconfigured);
}

/**
 * Serves each request with the latest assembly of the app. A route group not loaded yet is registered from the
 * manifest with lazyGroup's handler, which imports it and hands the request to the group's own app (a second
 * dispatch, ~20 µs per request); once a group has loaded, the app is assembled again with that group mounted
 * directly, so the requests after it skip the hop. At most one assembly per group per isolate.
 */
function assembled(depsMiddleware: MiddlewareHandler<AppEnv>): WorkerApp {
  const loaded = new Map<RouteGroupName, GroupRoutes>();
  let current: Hono<AppEnv>;
  const onLoaded = (name: RouteGroupName, routes: GroupRoutes) => {
    loaded.set(name, routes);
    current = buildApp(depsMiddleware, loaded, onLoaded);
  };
  current = buildApp(depsMiddleware, loaded, onLoaded);
  return {
    fetch: (request, env, ctx) => current.fetch(request, env, ctx),
    get routes() {
      return current.routes;
    },
  };
}

function buildApp(
  depsMiddleware: MiddlewareHandler<AppEnv>,
  loaded: ReadonlyMap<RouteGroupName, GroupRoutes>,
  onLoaded: (name: RouteGroupName, routes: GroupRoutes) => void,
) {
  const app = new Hono<AppEnv>();
  app.use('*', requestEnvelope, depsMiddleware, webhookProducer, requestGuards);
  // Every row of the manifest, in its order. A loaded group is mounted whole where its rows begin: each group's
  // rows are contiguous there (route-table.ts lists group after group), so the order is the manifest's.
  const mounted = new Set<RouteGroupName>();
  const lazy = new Map<RouteGroupName, MiddlewareHandler<AppEnv>>();
  for (const [group, method, path] of ROUTE_MANIFEST) {
    const routes = loaded.get(group);
    if (routes) {
      if (!mounted.has(group)) app.route(ROUTE_GROUPS[group].prefix, routes);
      mounted.add(group);
      continue;
    }
    let handler = lazy.get(group);
    if (!handler) {
      handler = lazyGroup(ROUTE_GROUPS[group], routeTable, (built) => onLoaded(group, built));
      lazy.set(group, handler);
    }
    app.on(method, path, handler);
  }

  app.notFound((c) => c.json(errorBody(new ApiError('not_found', 'No such route.'), c.var.requestId), 404));
  app.onError((err, c) => {
    const apiError = toApiError(err);
    const cause = apiError.cause ?? err;
    if (apiError.status >= 500) {
      log('error', 'request failed', { request_id: c.var.requestId, code: apiError.code, ...loggableError(cause) });
    } else if (isDataException(cause)) {
      // The 400 backstop fired: a route schema let through a value Postgres refused. Worth a look.
      log('warn', 'database refused request data', { request_id: c.var.requestId, ...loggableError(cause) });
    }
    for (const [name, value] of Object.entries(apiError.headers ?? {})) c.header(name, value);
    return c.json(errorBody(apiError, c.var.requestId), apiError.status as ContentfulStatusCode);
  });
  return app;
}
