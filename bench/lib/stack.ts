// The local stack the benchmark measures: one local Neon-HTTP endpoint (PGlite in memory, in this process, so
// its statement counter can be read directly) shared by every Worker, each Worker under `wrangler dev`.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type NeonLocal, startNeonLocal } from '@identsphere/neon-local';
import { migrateUp } from '../../src/cli/migrate.ts';
import { type DevServer, startWranglerDev } from './processes.ts';

export const root = new URL('../..', import.meta.url).pathname;
export const buildDir = join(root, 'bench/.build');

/** Ports 8797+ (8787 and 8790 belong to other developers' `wrangler dev`). */
export const PORTS = { ours: 8797, bench: 8798, peer: 8799 } as const;

export interface Stack {
  neon: NeonLocal;
  ours: DevServer;
  /** bench/worker: argon2 cores and IdentSphere's app called in a loop. */
  bench: DevServer;
  peer: DevServer | null;
  stop(): Promise<void>;
}

export async function startDatabase(): Promise<NeonLocal> {
  const neon = await startNeonLocal({ port: 0 });
  await migrateUp(neon.backend, 'identsphere');
  await neon.backend.exec(readFileSync(join(root, 'bench/peers/better-auth/schema.sql'), 'utf8'));
  return neon;
}

export async function startWorkers(neon: NeonLocal, withPeer: boolean): Promise<Omit<Stack, 'neon' | 'stop'>> {
  mkdirSync(join(buildDir, 'logs'), { recursive: true });
  const databaseUrl = `postgres://bench:local@127.0.0.1:${neon.port}/bench`;
  const started: DevServer[] = [];
  const start = async (name: string, config: string, port: number, readyPath: string, vars: Record<string, string>) => {
    const server = await startWranglerDev({
      name,
      config: join(root, config),
      port,
      readyPath,
      vars,
      logFile: join(buildDir, 'logs', `${name}.log`),
      persistTo: join(buildDir, 'state', name),
    });
    started.push(server);
    return server;
  };
  try {
    const ours = await start('identsphere', 'wrangler.toml', PORTS.ours, '/v1/health', {
      DATABASE_URL: databaseUrl,
      IDENTSPHERE_DATABASE_LOCAL_HTTP: 'true',
      IDENTSPHERE_SCHEMA: 'identsphere',
      IDENTSPHERE_JWT_SECRET: randomBytes(32).toString('hex'),
      IDENTSPHERE_PUBLIC_BASE_URL: `http://127.0.0.1:${PORTS.ours}`,
      // BENCH_LOG_SAMPLE: the fraction of successful session checks whose log line is printed (default: all).
      ...(process.env.BENCH_LOG_SAMPLE ? { IDENTSPHERE_LOG_SAMPLE_SESSION_CHECKS: process.env.BENCH_LOG_SAMPLE } : {}),
    });
    // The bench database for the in-isolate app that signs access tokens (its signing key lives there).
    const bench = await start('bench-worker', 'bench/worker/wrangler.toml', PORTS.bench, '/noop', { BENCH_DATABASE_URL: databaseUrl });
    const peer = withPeer
      ? await start('better-auth', 'bench/peers/better-auth/wrangler.toml', PORTS.peer, '/health', {
          DATABASE_URL: databaseUrl,
          DATABASE_LOCAL_HTTP: 'true',
          BETTER_AUTH_SECRET: randomBytes(32).toString('hex'),
          BETTER_AUTH_URL: `http://127.0.0.1:${PORTS.peer}`,
        })
      : null;
    return { ours, bench, peer };
  } catch (e) {
    for (const server of started) await server.stop();
    throw e;
  }
}
