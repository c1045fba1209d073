// Child processes of the benchmark: `wrangler dev` servers (each runs workerd), and CPU time read from /proc.
import { type ChildProcess, spawn } from 'node:child_process';
import { openSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface DevServer {
  name: string;
  url: string;
  /** The workerd processes serving this Worker (descendants of the wrangler process). */
  workerdPids(): number[];
  stop(): Promise<void>;
}

const root = new URL('../..', import.meta.url).pathname;
const wranglerBin = join(root, 'node_modules/wrangler/bin/wrangler.js');

/** The workerd that `wrangler dev` runs (wrangler may pin a newer one than the test pool's). */
export const workerdBin = join(dirname(createRequire(wranglerBin).resolve('workerd/package.json')), 'bin/workerd');

function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

function commandName(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
}

/** Every live descendant of `ancestor`. */
export function descendants(ancestor: number): number[] {
  const all = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number);
  const children = new Map<number, number[]>();
  for (const pid of all) {
    const parent = parentOf(pid);
    if (parent !== null) children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  const out: number[] = [];
  const queue = [ancestor];
  while (queue.length) {
    for (const child of children.get(queue.shift()!) ?? []) {
      out.push(child);
      queue.push(child);
    }
  }
  return out;
}

/**
 * CPU time (ns) the processes have used so far, all threads: the sum of /proc/PID/task/TID/schedstat (ns
 * resolution; workerd's threads live as long as the process). Falls back to /proc/PID/stat (10 ms ticks).
 */
export function cpuNs(pids: number[]): number {
  let total = 0;
  for (const pid of pids) {
    try {
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        total += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
      }
    } catch {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        total += (Number(fields[11]) + Number(fields[12])) * 1e7;
      } catch {
        // the process is gone
      }
    }
  }
  return total;
}

export interface WranglerDevOptions {
  name: string;
  config: string;
  port: number;
  vars: Record<string, string>;
  /** Polled until it answers 200. */
  readyPath: string;
  logFile: string;
  persistTo: string;
}

export async function startWranglerDev(opts: WranglerDevOptions): Promise<DevServer> {
  const log = openSync(opts.logFile, 'a');
  const args = [wranglerBin, 'dev', '--config', opts.config, '--port', String(opts.port), '--ip', '127.0.0.1'];
  args.push('--persist-to', opts.persistTo, '--show-interactive-dev-session=false');
  for (const [key, value] of Object.entries(opts.vars)) args.push('--var', `${key}:${value}`);
  // detached: its own process group, so stop() ends wrangler and the workerd it started, and nothing else.
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: root,
    detached: true,
    stdio: ['ignore', log, log],
    env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' },
  });
  const pid = child.pid!;
  let exited = false;
  child.on('exit', () => (exited = true));
  const url = `http://127.0.0.1:${opts.port}`;
  const server: DevServer = {
    name: opts.name,
    url,
    workerdPids: () => descendants(pid).filter((p) => commandName(p) === 'workerd'),
    stop: async () => {
      if (exited) return;
      try {
        process.kill(-pid, 'SIGTERM');
      } catch {
        return;
      }
      for (let i = 0; i < 50 && !exited; i++) await sleep(100);
      if (!exited) process.kill(-pid, 'SIGKILL');
    },
  };
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${opts.name}: wrangler dev exited during start-up (see ${opts.logFile})`);
    try {
      const res = await fetch(url + opts.readyPath);
      await res.arrayBuffer();
      if (res.ok && server.workerdPids().length) return server;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  await server.stop();
  throw new Error(`${opts.name}: not ready after 120 s (see ${opts.logFile})`);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
