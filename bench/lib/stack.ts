// The local stack the benchmark measures: one local Neon-HTTP endpoint (PGlite in memory, in this process, so
// its statement counter can be read directly) shared by every Worker, each Worker under `wrangler dev`.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrateUp } from '../../src/cli/migrate.ts';
import { startNeonLocal, type NeonLocal } from '../../scripts/neon-local/server.ts';
import { startWranglerDev, type DevServer } from './processes.ts';

export const root = new URL('../..', import.meta.url).pathname;
export const buildDir = join(root, 'bench/.build');

/** Ports 8797+ (8787 and 8790 belong to other developers' `wrangler dev`). */
export const PORTS = { ours: 8797, argon2: 8798, peer: 8799 } as const;

export interface Stack {
  neon: NeonLocal;
  ours: DevServer;
  argon2: DevServer;
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
  const common = (name: string) => ({
    logFile: join(buildDir, 'logs', `${name}.log`),
    persistTo: join(buildDir, 'state', name),
  });
  const ours = await startWranglerDev({
    name: 'identsphere',
    config: join(root, 'wrangler.toml'),
    port: PORTS.ours,
    readyPath: '/v1/health',
    vars: {
      DATABASE_URL: databaseUrl,
      IDENTSPHERE_DATABASE_LOCAL_HTTP: 'true',
      IDENTSPHERE_SCHEMA: 'identsphere',
      IDENTSPHERE_JWT_SECRET: randomBytes(32).toString('hex'),
      IDENTSPHERE_PUBLIC_BASE_URL: `http://127.0.0.1:${PORTS.ours}`,
    },
    ...common('identsphere'),
  });
  const argon2 = await startWranglerDev({
    name: 'argon2',
    config: join(root, 'bench/argon2/wrangler.toml'),
    port: PORTS.argon2,
    readyPath: '/noop',
    vars: {},
    ...common('argon2'),
  });
  const peer = withPeer
    ? await startWranglerDev({
        name: 'better-auth',
        config: join(root, 'bench/peers/better-auth/wrangler.toml'),
        port: PORTS.peer,
        readyPath: '/health',
        vars: {
          DATABASE_URL: databaseUrl,
          DATABASE_LOCAL_HTTP: 'true',
          BETTER_AUTH_SECRET: randomBytes(32).toString('hex'),
          BETTER_AUTH_URL: `http://127.0.0.1:${PORTS.peer}`,
        },
        ...common('better-auth'),
      })
    : null;
  return { ours, argon2, peer };
}
