// Global-scope start-up cost of a bundled Worker, in CPU time: a wrapper Worker whose first request does
// `await import('./index.js')` (the bundle) runs in a fresh workerd process per run, and CPU is read from /proc
// (all threads) after the first response, so time the process waits for a core under load does not count.
// Two baselines, each the same wrapper importing an empty module:
// - with the bundle's files listed as plain data modules (the same bytes, never compiled): the difference is
//   what V8 and workerd do with the code — compiling every JavaScript module listed (workerd compiles them
//   all when the Worker starts, imported or not), compiling the WebAssembly, running the global scope. This
//   is the start-up figure. Listing the bytes is not free in this harness: workerd reads its config as
//   Cap'n Proto text and `embed`s each file (about 27 ms for a 1 MB file, measured), which `wrangler dev`
//   and Cloudflare, handing over the modules in binary form, do not pay;
// - with nothing else listed: the difference includes that embedding too (the figure printed before
//   2026-12-07, kept for comparison).
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

/** A bundle's files (a `wrangler deploy --outdir` directory) listed as the Worker's modules, or as data only. */
interface Listed {
  dir: string;
  as: 'code' | 'bytes-only';
}

/**
 * Writes a workerd config serving `wrapper.js`, which imports `target` on its first request, with `bundle`'s
 * files listed beside it (none when null).
 */
function writeConfig(dir: string, bundle: Listed | null, target: string, port: number, flags: string[]): string {
  const modules = ['(name = "wrapper.js", esModule = embed "wrapper.js")'];
  writeFileSync(join(dir, 'empty.js'), 'export default {};\n');
  modules.push('(name = "empty.js", esModule = embed "empty.js")');
  if (bundle) {
    for (const file of readdirSync(bundle.dir).filter((f) => /\.(m?js|wasm)$/.test(f))) {
      copyFileSync(join(bundle.dir, file), join(dir, file));
      const kind = bundle.as === 'bytes-only' ? 'data' : file.endsWith('.wasm') ? 'wasm' : 'esModule';
      modules.push(`(name = "${file}", ${kind} = embed "${file}")`);
    }
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
  /** Median CPU ms of a first request importing the bundle, minus the same with the bundle's bytes listed as data. */
  globalScopeCpuMs: number;
  /** Median CPU ms of a first request importing the bundle, minus the same importing an empty module only. */
  withEmbeddingCpuMs: number;
  runsMs: number[];
  bytesOnlyRunsMs: number[];
  baselineRunsMs: number[];
}

/** `bundles`: name → directory from `wrangler deploy --dry-run --outdir` (index.js + WebAssembly). */
export async function measureStartup(bundles: Record<string, string>, work: string, runs: number): Promise<Record<string, StartupFigures>> {
  const port = await freePort();
  const flags = ['nodejs_compat'];
  const configs: Record<string, string> = {};
  const add = (key: string, bundle: Listed | null, target: string) => {
    const at = join(work, `startup-${key.replace(/\W/g, '_')}`);
    mkdirSync(at, { recursive: true });
    configs[key] = writeConfig(at, bundle, target, port, flags);
  };
  add('(empty)', null, 'empty.js');
  for (const [name, dir] of Object.entries(bundles)) {
    // wrangler names the bundle after the entry (index.js, worker.js, …): the one JavaScript file.
    const entry = readdirSync(dir)
      .filter((f) => /\.m?js$/.test(f))
      .sort((a) => (a === 'index.js' ? -1 : 1))[0];
    if (!entry) throw new Error(`no JavaScript bundle in ${dir}`);
    add(name, { dir, as: 'code' }, entry);
    add(`${name} (bytes only)`, { dir, as: 'bytes-only' }, 'empty.js');
  }
  // Interleaved: each run starts every configuration once, so drift on the machine touches all alike.
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(configs).map((k) => [k, []]));
  for (let i = 0; i < runs; i++) {
    for (const [key, config] of Object.entries(configs)) samples[key]!.push(await firstResponseCpuMs(config, port));
  }
  const empty = median(samples['(empty)']!);
  return Object.fromEntries(
    Object.keys(bundles).map((name) => {
      const code = median(samples[name]!);
      const bytesOnly = samples[`${name} (bytes only)`]!;
      const figures: StartupFigures = {
        globalScopeCpuMs: code - median(bytesOnly),
        withEmbeddingCpuMs: code - empty,
        runsMs: samples[name]!,
        bytesOnlyRunsMs: bytesOnly,
        baselineRunsMs: samples['(empty)']!,
      };
      return [name, figures];
    }),
  );
}
