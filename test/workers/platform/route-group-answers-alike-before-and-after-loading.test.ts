// A route group is imported on its first request and served through lazyGroup's handler (the group's own app);
// the app is then assembled again with the group mounted directly (src/app.ts), which spares later requests that
// second dispatch. The property: a request is answered alike either way — status, headers and body — including
// a path that only a group middleware matches, a HEAD request and a route with a parameter.
import { describe, expect, it } from 'vitest';
import type { WorkerApp } from '../../../src/app.ts';
import { sessionRoutes } from '../../../src/features/sessions/sessions.routes.ts';
import { healthRoutes } from '../../../src/http/health.routes.ts';
import { buildRequest, type CallInit, callWithEnv, handlerFor, registerUser, testEnv, withDeps } from '../support/index.ts';

/** An app of its own (no group loaded yet) serving a fresh environment. */
function freshApp() {
  const env = { ...testEnv };
  withDeps(env);
  return { env, app: handlerFor(env) as WorkerApp };
}

/** What must not differ: status, headers but the request id, and the body with its request id blanked. */
async function answer(res: Response) {
  const headers = Object.fromEntries([...res.headers].filter(([name]) => name !== 'x-request-id'));
  const body = (await res.text()).replace(/"request_id":"[^"]+"/g, '"request_id":"-"');
  return { status: res.status, headers, body };
}

const servesDirectly = (app: WorkerApp, group: { routes: { handler: unknown }[] }) =>
  app.routes.some((route) => group.routes.some((own) => own.handler === route.handler));

describe('route groups answer alike before and after loading', () => {
  it('mounts a group directly once it has loaded', async () => {
    const { env, app } = freshApp();
    expect(servesDirectly(app, healthRoutes)).toBe(false);
    expect((await callWithEnv(env, buildRequest('/v1/health', { ip: null }))).status).toBe(200);
    expect(servesDirectly(app, healthRoutes)).toBe(true);
    expect(servesDirectly(app, sessionRoutes)).toBe(false);
  });

  it('gives the same answers through the lazy handler and mounted directly', async () => {
    const { cookie } = await registerUser();
    const cases: [string, CallInit][] = [
      ['/v1/health', {}],
      ['/v1/health', { method: 'HEAD' }],
      ['/v1/auth/sessions', {}],
      ['/v1/auth/sessions', { cookie }],
      // Matched only by the sessions group's middleware (requireSession): refused, or a 404 once signed in.
      ['/v1/auth/sessions/no/such/path', {}],
      ['/v1/auth/sessions/no/such/path', { cookie }],
      ['/v1/auth/sessions/00000000-0000-0000-0000-000000000000', { method: 'DELETE', cookie }],
      ['/v1/no-such-route', {}],
    ];
    for (const [path, init] of cases) {
      const { env } = freshApp();
      const send = async () => answer(await callWithEnv(env, buildRequest(path, { ...init, ip: '198.51.100.7' })));
      const first = await send();
      const second = await send();
      expect(second, `${init.method ?? 'GET'} ${path}`).toEqual(first);
    }
  });
});
