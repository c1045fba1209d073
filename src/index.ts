import { createApp, createMisconfiguredApp } from './app.ts';
import { consumeJobs } from './jobs.ts';
import type { Job } from './platform/adapters/job-queue.ts';
import type { Env } from './platform/config.ts';
import { getDeps } from './platform/deps.ts';
import { scheduled } from './scheduled.ts';

type App = ReturnType<typeof createApp>;

// One app per isolate and environment, built with that environment's dependencies (never per request).
const apps = new WeakMap<Env, App>();

function appFor(env: Env): App {
  let app = apps.get(env);
  if (!app) {
    const built = getDeps(env);
    app = built.ok ? createApp(built.deps) : createMisconfiguredApp();
    apps.set(env, app);
  }
  return app;
}

export default {
  fetch: (request, env, ctx) => appFor(env).fetch(request, env, ctx),
  scheduled: (controller, env, ctx) => ctx.waitUntil(scheduled(controller, env)),
  queue: (batch, env) => consumeJobs(batch, env),
} satisfies ExportedHandler<Env, Job>;
