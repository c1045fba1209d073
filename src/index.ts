// The Worker's entry. Its global scope imports nothing: an isolate's first request imports the app (the router,
// the global middlewares and each route's lazy handler, src/app.ts) and builds the dependencies, validating
// the configuration; each route group, the database driver and the job handlers load when first needed.
// Start-up CPU (what every new isolate pays before its first answer) is measured by `npm run bench`.
import type { Job } from './platform/adapters/job-queue.ts';
import type { Env } from './platform/config.ts';

type App = ReturnType<typeof import('./app.ts').createApp>;

// One app per isolate and environment, built with that environment's dependencies (never per request).
const apps = new WeakMap<Env, App>();

async function appFor(env: Env): Promise<App> {
  const app = apps.get(env);
  if (app) return app;
  // Each first request awaits its own imports (a promise shared with another request would tie it to that
  // request's I/O); the first to finish keeps its app.
  const [{ createApp, createMisconfiguredApp }, { getDeps }] = await Promise.all([import('./app.ts'), import('./platform/deps.ts')]);
  if (!apps.has(env)) {
    const built = getDeps(env);
    apps.set(env, built.ok ? createApp(built.deps) : createMisconfiguredApp());
  }
  return apps.get(env)!;
}

export default {
  fetch: async (request, env, ctx) => (await appFor(env)).fetch(request, env, ctx),
  scheduled: (controller, env, ctx) => ctx.waitUntil(import('./scheduled.ts').then(({ scheduled }) => scheduled(controller, env))),
  queue: async (batch, env) => (await import('./jobs.ts')).consumeJobs(batch, env),
} satisfies ExportedHandler<Env, Job>;
