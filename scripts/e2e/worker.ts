// The Worker for a browser run: `wrangler dev` on 127.0.0.1 against its own local Neon-HTTP endpoint (PGlite in
// memory, migrated), with throwaway secrets. Everything it starts is stopped through `cleanups`.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { startNeonLocal } from '@identsphere/neon-local';
import { migrateUp } from '../../src/cli/migrate.ts';
import { freePort, waitFor } from './harness.ts';

const root = new URL('../..', import.meta.url).pathname;

export async function startWorker(opts: {
  port: number;
  /** The run's scratch directory (wrangler's local state goes below it). */
  scratch: string;
  cleanups: (() => Promise<void> | void)[];
  /** `log`: the Worker's console output (the emails its log provider prints) comes through; `warn`: problems only. */
  logLevel: 'log' | 'warn';
  vars: Record<string, string>;
}): Promise<{ output: () => string }> {
  const neon = await startNeonLocal({ port: 0 });
  opts.cleanups.unshift(() => neon.close());
  await migrateUp(neon.backend, 'identsphere');
  const vars: Record<string, string> = {
    DATABASE_URL: `postgres://identsphere:local@127.0.0.1:${neon.port}/identsphere`,
    IDENTSPHERE_DATABASE_LOCAL_HTTP: 'true',
    IDENTSPHERE_SCHEMA: 'identsphere',
    // Throwaway secrets for this run only.
    IDENTSPHERE_JWT_SECRET: randomBytes(32).toString('hex'),
    IDENTSPHERE_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    ...opts.vars,
  };
  const wrangler = spawn(
    'npx',
    [
      'wrangler',
      'dev',
      '--port',
      String(opts.port),
      '--ip',
      '127.0.0.1',
      '--inspector-port',
      String(await freePort()),
      '--persist-to',
      join(opts.scratch, 'wrangler-state'),
      '--log-level',
      opts.logLevel,
      ...Object.entries(vars).flatMap(([k, v]) => ['--var', `${k}:${v}`]),
    ],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
      env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' },
    },
  );
  let output = '';
  wrangler.stdout!.on('data', (d) => (output += d));
  wrangler.stderr!.on('data', (d) => (output += d));
  opts.cleanups.unshift(() => {
    // Our own process group only (wrangler spawns workerd).
    if (wrangler.exitCode === null && wrangler.pid) process.kill(-wrangler.pid, 'SIGTERM');
  });
  try {
    await waitFor(`http://127.0.0.1:${opts.port}/v1/health`, 90_000, wrangler);
  } catch (err) {
    throw new Error(`${(err as Error).message}\n${output}`);
  }
  return { output: () => output };
}
