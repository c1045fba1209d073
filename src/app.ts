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
import { ROUTE_GROUPS } from './routing/route-groups.ts';
import { ROUTE_MANIFEST } from './routing/route-manifest.generated.ts';
import { routeTable } from './routing/route-table.ts';

/** The Worker's HTTP app, serving with `deps` (built once per isolate and environment, never per request). */
export function createApp(deps: Deps) {
  runJobsInProcess(deps);
  return buildApp(provideDeps(deps));
}

/** What a Worker with an unsafe or invalid configuration serves: the same routes, each refused with 503. */
export function createMisconfiguredApp() {
  return buildApp(refuseMisconfigured);
}

function buildApp(depsMiddleware: MiddlewareHandler<AppEnv>) {
  const app = new Hono<AppEnv>();
  app.use('*', requestEnvelope, depsMiddleware, webhookProducer, requestGuards);
  // Every route of every group, registered from the manifest; each group is imported on its first request.
  const handlers = new Map(Object.entries(ROUTE_GROUPS).map(([name, group]) => [name, lazyGroup(group, routeTable)]));
  for (const [group, method, path] of ROUTE_MANIFEST) app.on(method, path, handlers.get(group)!);

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
