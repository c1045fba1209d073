// Better Auth on Workers as Hono's "Better Auth on Cloudflare" example sets it up: Hono, the auth instance
// built from the request's env (bindings only exist per request on Workers), drizzle over Neon's HTTP driver,
// email + password. Two mounts of the same setup, one per session-check configuration we measure:
//   /api/auth/*         Better Auth's defaults: every session check reads the session from the database;
//   /cached/api/auth/*  with `session.cookieCache` (its performance guide): a signed copy of the session in a
//                       second cookie answers checks without the database for `maxAge` seconds.
// Rate limiting is off (IdentSphere's per-IP limits get distinct client IPs in the bench; Better Auth's would
// need the same) and so is telemetry. Everything else is Better Auth's default (scrypt password hashing).
import { neon, neonConfig } from '@neondatabase/serverless';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { drizzle } from 'drizzle-orm/neon-http';
import { Hono } from 'hono';
import * as schema from './schema.ts';

interface Env {
  DATABASE_URL: string;
  BETTER_AUTH_SECRET: string;
  BETTER_AUTH_URL: string;
  /** 'true': send queries to the local Neon-HTTP endpoint at the connection string's host:port (bench only). */
  DATABASE_LOCAL_HTTP?: string;
}

function createAuth(env: Env, basePath: string, cookieCache: boolean) {
  if (env.DATABASE_LOCAL_HTTP === 'true') neonConfig.fetchEndpoint = (host, port) => `http://${host}:${port}/sql`;
  const db = drizzle({ client: neon(env.DATABASE_URL) });
  return betterAuth({
    baseURL: env.BETTER_AUTH_URL,
    basePath,
    secret: env.BETTER_AUTH_SECRET,
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: { user: schema.user, session: schema.session, account: schema.account, verification: schema.verification },
    }),
    emailAndPassword: { enabled: true },
    session: cookieCache ? { cookieCache: { enabled: true, maxAge: 5 * 60 } } : undefined,
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
  });
}

const app = new Hono<{ Bindings: Env }>();
app.get('/health', (c) => c.json({ status: 'ok' }));
// Bench only: calls this app `n` times inside one request, so the bench can read the CPU of the route alone
// (without wrangler dev's per-request plumbing) from workerd's CPU time around it.
app.post('/__bench/loop', async (c) => {
  const { path, n, cookie, quiet } = await c.req.json<{ path: string; n: number; cookie?: string; quiet?: boolean }>();
  const statuses: Record<number, number> = {};
  const consoleLog = console.log; // silenced like IdentSphere's loop (Better Auth logs nothing per request anyway)
  if (quiet) console.log = () => {};
  try {
    for (let i = 0; i < n; i++) {
      const res = await app.fetch(new Request(new URL(path, c.req.url), { headers: cookie ? { cookie } : {} }), c.env, c.executionCtx);
      await res.arrayBuffer();
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    }
  } finally {
    console.log = consoleLog;
  }
  return c.json({ statuses });
});
app.on(['GET', 'POST'], '/api/auth/*', (c) => createAuth(c.env, '/api/auth', false).handler(c.req.raw));
app.on(['GET', 'POST'], '/cached/api/auth/*', (c) => createAuth(c.env, '/cached/api/auth', true).handler(c.req.raw));

export default app;
