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
  // delayMs 0 whatever NEON_LOCAL_DELAY_MS says: the latency section sets the simulated distance itself.
  const neon = await startNeonLocal({ port: 0, delayMs: 0 });
  await migrateUp(neon.backend, 'identsphere');
  await neon.backend.exec(readFileSync(join(root, 'bench/peers/better-auth/schema.sql'), 'utf8'));
  return neon;
}

const databaseUrlOf = (neon: NeonLocal) => `postgres://bench:local@127.0.0.1:${neon.port}/bench`;
/** One per bench run: sessions signed before a restart of our Worker stay valid after it. */
const jwtSecret = randomBytes(32).toString('hex');
/** Where our Worker's log goes (the email codes of the log-only mailer are read from it). */
export const oursLogFile = join(buildDir, 'logs', 'identsphere.log');

function start(name: string, config: string, port: number, readyPath: string, vars: Record<string, string>, state = name) {
  mkdirSync(join(buildDir, 'logs'), { recursive: true });
  return startWranglerDev({
    name,
    config: join(root, config),
    port,
    readyPath,
    vars,
    logFile: join(buildDir, 'logs', `${name}.log`),
    persistTo: join(buildDir, 'state', state),
  });
}

/**
 * IdentSphere under `wrangler dev`. `state` names its KV/R2 directory: a new one (with a new process) is a
 * fresh isolate with an empty session cache — every session created before is then checked cold.
 */
export function startOurs(neon: NeonLocal, state = 'identsphere'): Promise<DevServer> {
  return start(
    'identsphere',
    'wrangler.toml',
    PORTS.ours,
    '/v1/health',
    {
      DATABASE_URL: databaseUrlOf(neon),
      IDENTSPHERE_DATABASE_LOCAL_HTTP: 'true',
      IDENTSPHERE_SCHEMA: 'identsphere',
      IDENTSPHERE_JWT_SECRET: jwtSecret,
      IDENTSPHERE_PUBLIC_BASE_URL: `http://127.0.0.1:${PORTS.ours}`,
      IDENTSPHERE_EMAIL_PROVIDER: 'log',
      // BENCH_LOG_SAMPLE: the fraction of successful session checks whose log line is printed (default: all).
      ...(process.env.BENCH_LOG_SAMPLE ? { IDENTSPHERE_LOG_SAMPLE_SESSION_CHECKS: process.env.BENCH_LOG_SAMPLE } : {}),
    },
    state,
  );
}

export async function startWorkers(neon: NeonLocal, withPeer: boolean): Promise<Omit<Stack, 'neon' | 'stop'>> {
  const databaseUrl = databaseUrlOf(neon);
  const started: DevServer[] = [];
  try {
    const ours = await startOurs(neon);
    started.push(ours);
    // The bench database for the in-isolate app that signs access tokens (its signing key lives there).
    const bench = await start('bench-worker', 'bench/worker/wrangler.toml', PORTS.bench, '/noop', { BENCH_DATABASE_URL: databaseUrl });
    started.push(bench);
    const peer = withPeer
      ? await start('better-auth', 'bench/peers/better-auth/wrangler.toml', PORTS.peer, '/health', {
          DATABASE_URL: databaseUrl,
          DATABASE_LOCAL_HTTP: 'true',
          BETTER_AUTH_SECRET: randomBytes(32).toString('hex'),
          BETTER_AUTH_URL: `http://127.0.0.1:${PORTS.peer}`,
        })
      : null;
    if (peer) started.push(peer);
    return { ours, bench, peer };
  } catch (e) {
    for (const server of started) await server.stop();
    throw e;
  }
}
