// Runs the `identsphere` CLI as a child process, as an operator would (through the bin shim), and the dev
// server (`npm run dev`) for tests that need the whole stack running.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const repo = new URL('../../', import.meta.url).pathname;
const CLI = new URL('../../src/cli/identsphere.cjs', import.meta.url).pathname;

/** Runs the CLI piped (not a terminal), with no colour preference unless `env` gives one. */
export async function cli(args: string[], env: Record<string, string | undefined> = {}) {
  const base = { ...process.env, FORCE_COLOR: undefined, NO_COLOR: undefined };
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { env: { ...base, ...env }, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A free TCP port on 127.0.0.1 (the bench holds 8797-8799). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * `npm run dev` (scripts/dev.ts: the local Neon endpoint on a fresh PGlite directory, then wrangler dev) on free
 * ports, resolved once wrangler says it is ready. `vars(base)`: extra `--var NAME:value` for the Worker.
 */
export async function startDevServer(vars: (base: string) => Record<string, string> = () => ({})) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const args = [join(repo, 'scripts/dev.ts'), '--inspector-port', String(await freePort())];
  for (const [name, value] of Object.entries(vars(base))) args.push('--var', `${name}:${value}`);
  const dev: ChildProcess = spawn(process.execPath, args, {
    cwd: repo,
    detached: true,
    env: {
      ...process.env,
      PORT: String(port),
      IDENTSPHERE_DEV_DB_PORT: '0',
      IDENTSPHERE_DEV_DATA_DIR: mkdtempSync(join(tmpdir(), 'dev-pglite-')),
    },
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`dev server did not start:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/Ready on http/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    dev.stdout!.on('data', onData);
    dev.stderr!.on('data', onData);
    dev.on('exit', (code) => reject(new Error(`dev server exited (${code}):\n${output}`)));
  });
  return {
    base,
    port,
    /** Everything the dev server printed so far (its own lines, wrangler's, the Worker's logs and emails). */
    output: () => output,
    stop: () => {
      if (dev.pid) process.kill(-dev.pid, 'SIGTERM');
    },
  };
}
