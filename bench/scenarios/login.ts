// Sign-in end to end: IdentSphere's POST /v1/auth/login against Better Auth's POST /api/auth/sign-in/email,
// sequential requests interleaved by round. Per sign-in: wall latency, workerd CPU, and the database round
// trips (HTTP requests to the local Neon endpoint) and SQL statements it caused.
import type { NeonLocal } from '@identsphere/neon-local';
import { cpuNs, type DevServer } from '../lib/processes.ts';
import { interleave, median, type Spread, spread } from '../lib/stats.ts';

export interface LoginTarget {
  key: string;
  label: string;
  server: DevServer;
  path: string;
  body: unknown;
  /** IdentSphere limits sign-in per client IP: each request gets its own, as distinct clients would. */
  headers: () => Record<string, string>;
}

export interface LoginFigures {
  key: string;
  label: string;
  wallMs: Spread;
  cpuMs: Spread;
  roundTrips: Spread;
  statements: Spread;
  failures: number;
}

export async function benchLogins(targets: LoginTarget[], neon: NeonLocal, rounds: number, perRound: number): Promise<LoginFigures[]> {
  const acc = new Map(
    targets.map((t) => [
      t.key,
      { wall: [] as number[], cpu: [] as number[], trips: [] as number[], statements: [] as number[], failures: 0 },
    ]),
  );
  // Not measured: the first sign-ins of an isolate run unoptimised code (V8 tiers up after a few).
  for (const t of targets) for (let i = 0; i < 3; i++) await signIn(t);
  for (let round = 0; round < rounds; round++) {
    for (const t of interleave(targets, round)) {
      const a = acc.get(t.key)!;
      const pids = t.server.workerdPids();
      const walls: number[] = [];
      const cpu0 = cpuNs(pids);
      const { requests: trips0, statements: statements0 } = neon.stats;
      for (let i = 0; i < perRound; i++) {
        const started = process.hrtime.bigint();
        const ok = await signIn(t);
        walls.push(Number(process.hrtime.bigint() - started) / 1e6);
        if (!ok) a.failures++;
      }
      a.cpu.push((cpuNs(pids) - cpu0) / 1e6 / perRound);
      a.trips.push((neon.stats.requests - trips0) / perRound);
      a.statements.push((neon.stats.statements - statements0) / perRound);
      a.wall.push(median(walls));
    }
  }
  return targets.map((t) => {
    const a = acc.get(t.key)!;
    return {
      key: t.key,
      label: t.label,
      wallMs: spread(a.wall),
      cpuMs: spread(a.cpu),
      roundTrips: spread(a.trips),
      statements: spread(a.statements),
      failures: a.failures,
    };
  });
}

async function signIn(t: LoginTarget): Promise<boolean> {
  const res = await fetch(t.server.url + t.path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...t.headers() },
    body: JSON.stringify(t.body),
  });
  await res.arrayBuffer();
  return res.ok;
}
