import { createApp } from './app.ts';
import type { Env } from './platform/config.ts';
import { scheduled } from './scheduled.ts';

const app = createApp();

export default {
  fetch: (request, env, ctx) => app.fetch(request, env, ctx),
  scheduled: (controller, env, ctx) => ctx.waitUntil(scheduled(controller, env)),
} satisfies ExportedHandler<Env>;
