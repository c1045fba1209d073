// argon2id (m=19456 KiB, t=2, p=1) inside workerd — the core IdentSphere ships and hash-wasm's prebuilt one —
// against native argon2 (node-argon2: the reference C implementation) in a child process, interleaved by round.
// Workerd hashes are timed from outside (performance.now() does not advance during CPU work inside a
// Worker): each round sends one request hashing a batch, whose time minus a no-op request's (median of
// several) is divided by the batch size; CPU likewise, from workerd's CPU time. Figures: per-hash means of
// each round, summarised as median (min–max) over rounds.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import type { DevServer } from '../lib/processes.ts';
import { cpuNs } from '../lib/processes.ts';
import { interleave, median, type Spread, spread } from '../lib/stats.ts';

export type Argon2Variant = 'native' | 'shipped' | 'prebuilt';

export interface Argon2Figures {
  wallMs: Record<Argon2Variant, Spread>;
  cpuMs: Record<Argon2Variant, Spread>;
  /** The first hash in a fresh isolate (core instantiated, code not yet optimised by V8). */
  firstMs: Record<'shipped' | 'prebuilt', number>;
  noop: { wallMs: number; cpuMs: number };
  /** The same password and salt give the same PHC digest natively and in workerd (both cores). */
  identical: boolean;
  hashesPerRound: number;
  rounds: number;
}

const digest = (phc: string) => phc.split('$').slice(-2).join('$');

/** node-argon2 in a child process (bench/lib/native-argon2.ts): its wall and CPU time around each hash. */
function nativeHasher() {
  const child = spawn(process.execPath, [new URL('../lib/native-argon2.ts', import.meta.url).pathname], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  return {
    async hash(password: string, salt: Buffer): Promise<{ phc: string; wallMs: number; cpuMs: number }> {
      child.stdin!.write(
        `${JSON.stringify({ password, salt: salt.toString('base64'), memoryKiB: 19456, iterations: 2, parallelism: 1 })}\n`,
      );
      const next = await lines.next();
      if (next.done) throw new Error('native argon2 process ended');
      return JSON.parse(next.value) as { phc: string; wallMs: number; cpuMs: number };
    },
    stop: () => child.kill(),
  };
}

/** One request hashing every password in turn (one request per batch keeps per-request overhead small). */
async function postBatch(server: DevServer, core: string, passwords: string[], salt: Buffer): Promise<string[]> {
  const res = await fetch(`${server.url}/hash`, {
    method: 'POST',
    body: JSON.stringify({ core, passwords, salt: salt.toString('base64').replace(/=+$/, '') }),
  });
  if (!res.ok) throw new Error(`argon2 bench worker: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { phc: string[] }).phc;
}

const post = async (server: DevServer, core: string, password: string, salt: Buffer) =>
  (await postBatch(server, core, [password], salt))[0]!;

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const started = process.hrtime.bigint();
  const value = await fn();
  return [Number(process.hrtime.bigint() - started) / 1e6, value];
}

async function noop(server: DevServer, n = 7): Promise<{ wallMs: number; cpuMs: number }> {
  const walls: number[] = [];
  const cpu0 = cpuNs(server.workerdPids());
  for (let i = 0; i < n; i++) walls.push((await timed(() => fetch(`${server.url}/noop`).then((r) => r.text())))[0]);
  return { wallMs: median(walls), cpuMs: (cpuNs(server.workerdPids()) - cpu0) / 1e6 / n };
}

export async function benchArgon2(server: DevServer, rounds: number, hashesPerRound: number): Promise<Argon2Figures> {
  const native = nativeHasher();
  try {
    return await run(server, native, rounds, hashesPerRound);
  } finally {
    native.stop();
  }
}

async function run(
  server: DevServer,
  native: ReturnType<typeof nativeHasher>,
  rounds: number,
  hashesPerRound: number,
): Promise<Argon2Figures> {
  const salt = randomBytes(16);
  const base = await noop(server);
  const firstMs = {
    shipped: (await timed(() => post(server, 'shipped', 'first', salt)))[0] - base.wallMs,
    prebuilt: (await timed(() => post(server, 'prebuilt', 'first', salt)))[0] - base.wallMs,
  };
  // Not measured: V8 optimises the core during the first hashes of an isolate.
  for (let i = 0; i < 2; i++) {
    await post(server, 'shipped', `warm-${i}`, salt);
    await post(server, 'prebuilt', `warm-${i}`, salt);
    await native.hash(`warm-${i}`, salt);
  }
  const perRound: Record<Argon2Variant, { wall: number[]; cpu: number[] }> = {
    native: { wall: [], cpu: [] },
    shipped: { wall: [], cpu: [] },
    prebuilt: { wall: [], cpu: [] },
  };
  const noops: { wallMs: number; cpuMs: number }[] = [];
  for (let round = 0; round < rounds; round++) {
    const overhead = await noop(server);
    noops.push(overhead);
    for (const variant of interleave<Argon2Variant>(['native', 'shipped', 'prebuilt'], round)) {
      const passwords = Array.from({ length: hashesPerRound }, (_, i) => `${variant}-${round}-${i}`);
      if (variant === 'native') {
        let wall = 0;
        let cpu = 0;
        for (const password of passwords) {
          const h = await native.hash(password, salt);
          wall += h.wallMs;
          cpu += h.cpuMs;
        }
        perRound.native.wall.push(wall / hashesPerRound);
        perRound.native.cpu.push(cpu / hashesPerRound);
      } else {
        const pids = server.workerdPids();
        const cpu0 = cpuNs(pids);
        const [wall] = await timed(() => postBatch(server, variant, passwords, salt));
        perRound[variant].cpu.push(((cpuNs(pids) - cpu0) / 1e6 - overhead.cpuMs) / hashesPerRound);
        perRound[variant].wall.push((wall - overhead.wallMs) / hashesPerRound);
      }
    }
  }
  const check = 'byte-identical?';
  const reference = (await native.hash(check, salt)).phc;
  const identical =
    digest(await post(server, 'shipped', check, salt)) === digest(reference) &&
    digest(await post(server, 'prebuilt', check, salt)) === digest(reference);
  const variants = ['native', 'shipped', 'prebuilt'] as const;
  return {
    wallMs: Object.fromEntries(variants.map((v) => [v, spread(perRound[v].wall)])) as Record<Argon2Variant, Spread>,
    cpuMs: Object.fromEntries(variants.map((v) => [v, spread(perRound[v].cpu)])) as Record<Argon2Variant, Spread>,
    firstMs,
    noop: { wallMs: median(noops.map((n) => n.wallMs)), cpuMs: median(noops.map((n) => n.cpuMs)) },
    identical,
    hashesPerRound,
    rounds,
  };
}
