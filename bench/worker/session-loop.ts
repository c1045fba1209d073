// The session check's own cost inside one isolate, without wrangler dev's plumbing or the KV simulator:
// IdentSphere's real app (createApp) with the in-memory session cache holding a valid session, and a database
// URL nothing listens on (any query would fail). `runLoop` calls the app `n` times in this request; the bench
// reads workerd's CPU time around it and compares the session route with the no-op route.
// POST /v1/auth/token needs a signing key, loaded from the database once per isolate: that app (`database`)
// uses the bench's real database (BENCH_DATABASE_URL), whose statements the bench counts per call.
import { Hono } from 'hono';
import { createApp } from '../../src/app.ts';
import { signSessionJwt } from '../../src/crypto/jwt.ts';
import { randomToken, sha256Hex } from '../../src/crypto/tokens.ts';
import type { SessionRecord } from '../../src/features/sessions/sessions.ts';
import type { Env } from '../../src/platform/config.ts';
import { getDeps } from '../../src/platform/deps.ts';

export interface SeededApp {
  env: Env;
  cookie: string;
  app: ReturnType<typeof createApp>;
}

/** The bench app's origin (its `iss` and audience). */
export const BENCH_ORIGIN = 'http://127.0.0.1:8798';

const setups = new Map<string, Promise<SeededApp>>();

/** The app with a seeded session: on a database nothing listens on, or on `databaseUrl`. Once per isolate. */
export function seededApp(databaseUrl?: string): Promise<SeededApp> {
  const key = databaseUrl ?? '';
  let setup = setups.get(key);
  if (!setup) {
    setup = seedSession(databaseUrl);
    setups.set(key, setup);
  }
  return setup;
}

async function seedSession(databaseUrl: string | undefined): Promise<SeededApp> {
  const env = {
    IDENTSPHERE_ENV: 'development',
    DATABASE_URL: databaseUrl ?? 'postgres://bench:none@127.0.0.1:9/none',
    IDENTSPHERE_DATABASE_LOCAL_HTTP: 'true',
    IDENTSPHERE_SCHEMA: 'identsphere',
    IDENTSPHERE_JWT_SECRET: randomToken(32), // random values only inside a handler, not at global scope
    IDENTSPHERE_ENCRYPTION_KEY: await sha256Hex(randomToken(32)), // 64 hex characters, like `openssl rand -hex 32`
    IDENTSPHERE_PUBLIC_BASE_URL: BENCH_ORIGIN,
  } as unknown as Env; // no SESSION_CACHE binding: the in-memory twin
  const built = getDeps(env);
  if (!built.ok) throw new Error(`bench env rejected: ${built.problems.map((p) => p.setting).join(', ')}`);
  const { deps } = built;
  const now = new Date();
  const expires = new Date(now.getTime() + 30 * 86400_000);
  const secret = randomToken(32);
  const record: SessionRecord = {
    user: { id: crypto.randomUUID(), email: 'loop@example.com', name: null, email_verified: true, created_at: now.toISOString() },
    organization: { id: crypto.randomUUID(), name: 'Bench', role: 'owner' },
    session: {
      id: crypto.randomUUID(),
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      idle_expires_at: expires.toISOString(),
      expires_at: expires.toISOString(),
      amr: ['pwd'],
    },
  };
  await deps.sessionCache.put(await sha256Hex(secret), record, 3600);
  const cookie = `identsphere_session=${await signSessionJwt(deps.config.IDENTSPHERE_JWT_SECRET, secret, now, expires)}`;
  return { env, cookie, app: createApp(deps) };
}

/**
 * The yardstick for the global middlewares' cost: a bare Hono app answering GET /v1/health as ours does, with no
 * middleware at all (the bench subtracts it from IdentSphere's no-op route).
 */
const bareApp = new Hono().get('/v1/health', (c) => c.json({ status: 'ok' }));

/**
 * `quiet`: console.log is a no-op during the loop. Under wrangler dev each console.log costs ~1.5 ms of CPU
 * (the dev server's log capture), which would otherwise dwarf the route itself; the bench reports it apart.
 */
export async function runLoop(
  { path, method = 'GET', databaseUrl, bare = false }: { path: string; method?: string; databaseUrl?: string; bare?: boolean },
  n: number,
  ctx: ExecutionContext,
  quiet: boolean,
): Promise<Record<number, number>> {
  const seeded = await seededApp(databaseUrl);
  const { env, cookie } = seeded;
  const app = bare ? bareApp : seeded.app;
  const headers = { cookie };
  const statuses: Record<number, number> = {};
  const consoleLog = console.log;
  if (quiet) console.log = () => {};
  try {
    for (let i = 0; i < n; i++) {
      const res = await app.fetch(new Request(`${BENCH_ORIGIN}${path}`, { method, headers }), env, ctx);
      await res.arrayBuffer();
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    }
  } finally {
    console.log = consoleLog;
  }
  return statuses;
}
