// Global-scope start-up cost of a bundled Worker, in CPU time: workerd evaluates a Worker's modules lazily on
// its first request, so a wrapper Worker whose first request does `await import('./index.js')` (the bundle)
// is compared with the same wrapper importing an empty module. Each run is a fresh workerd process; CPU is
// read from /proc (all threads) after the first response, so time the process waits for a core under load
// does not count. Result: median(bundle) − median(empty) = compiling and running the bundle's global scope.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { cpuNs, sleep, workerdBin } from './processes.ts';
import { median } from './stats.ts';

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

/** Writes a workerd config serving `wrapper.js`, which imports `target` on its first request. */
function writeConfig(dir: string, bundleDir: string | null, target: string, port: number, flags: string[]): string {
  const modules = ['(name = "wrapper.js", esModule = embed "wrapper.js")'];
  if (bundleDir) {
    for (const file of readdirSync(bundleDir).filter((f) => /\.(m?js|wasm)$/.test(f))) {
      copyFileSync(join(bundleDir, file), join(dir, file));
      modules.push(
        file.endsWith('.wasm') ? `(name = "${file}", wasm = embed "${file}")` : `(name = "${file}", esModule = embed "${file}")`,
      );
    }
  } else {
    writeFileSync(join(dir, 'empty.js'), 'export default {};\n');
    modules.push('(name = "empty.js", esModule = embed "empty.js")');
  }
  writeFileSync(join(dir, 'wrapper.js'), `export default { async fetch() { await import('./${target}'); return new Response('ok'); } };\n`);
  const config = join(dir, 'config.capnp');
  writeFileSync(
    config,
    `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [(name = "main", worker = .w)],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);
const w :Workerd.Worker = (
  modules = [${modules.join(', ')}],
  compatibilityDate = "2026-11-01",
  compatibilityFlags = [${flags.map((f) => `"${f}"`).join(', ')}],
);
`,
  );
  return config;
}

/** CPU ms a fresh workerd spends until its first response. */
async function firstResponseCpuMs(config: string, port: number): Promise<number> {
  const child = spawn(workerdBin, ['serve', config], { stdio: process.env.BENCH_DEBUG ? 'inherit' : 'ignore' });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/`);
        const body = await res.text();
        if (res.status !== 200) throw new Error(`start-up probe answered ${res.status}: ${body.slice(0, 200)}`);
        return cpuNs([child.pid!]) / 1e6;
      } catch (e) {
        if ((e as Error).message.startsWith('start-up probe')) throw e;
        await sleep(5);
      }
    }
    throw new Error('workerd did not answer within 30 s');
  } finally {
    child.kill('SIGKILL');
    await exited;
  }
}

export interface StartupFigures {
  /** Median CPU ms of a first request importing the bundle, minus the same importing an empty module. */
  globalScopeCpuMs: number;
  runsMs: number[];
  baselineRunsMs: number[];
}

/** `bundles`: name → directory from `wrangler deploy --dry-run --outdir` (index.js + WebAssembly). */
export async function measureStartup(bundles: Record<string, string>, work: string, runs: number): Promise<Record<string, StartupFigures>> {
  const port = await freePort();
  const flags = ['nodejs_compat'];
  const configs: Record<string, string> = {};
  for (const [name, dir] of Object.entries({ '(empty)': null, ...bundles })) {
    const target = join(work, `startup-${name.replace(/\W/g, '_')}`);
    mkdirSync(target, { recursive: true });
    // wrangler names the bundle after the entry (index.js, worker.js, …): the one JavaScript file.
    const entry = dir
      ? readdirSync(dir)
          .filter((f) => /\.m?js$/.test(f))
          .sort((a) => (a === 'index.js' ? -1 : 1))[0]
      : 'empty.js';
    if (!entry) throw new Error(`no JavaScript bundle in ${dir}`);
    configs[name] = writeConfig(target, dir, entry, port, flags);
  }
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(configs).map((k) => [k, []]));
  for (let i = 0; i < runs; i++) {
    for (const [name, config] of Object.entries(configs)) samples[name]!.push(await firstResponseCpuMs(config, port));
  }
  const baseline = median(samples['(empty)']!);
  return Object.fromEntries(
    Object.keys(bundles).map((name) => [
      name,
      { globalScopeCpuMs: median(samples[name]!) - baseline, runsMs: samples[name]!, baselineRunsMs: samples['(empty)']! },
    ]),
  );
}
