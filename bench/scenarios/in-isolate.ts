// Route cost inside one isolate: each bench worker calls its app `n` times within a single request, and the
// CPU workerd spent on that request (from /proc) divided by n is the route's own cost — wrangler dev's
// per-request plumbing (its proxy and entry Workers) is paid once, not n times. IdentSphere runs with the
// in-memory session cache (the KV simulator's CPU is out of the picture) and a database nothing listens on.
// console.log is silenced during the loops unless a scenario asks otherwise (see bench/worker/session-loop.ts).
import type { NeonLocal } from '@identsphere/neon-local';
import { cpuNs, type DevServer } from '../lib/processes.ts';
import { interleave, type Spread, spread } from '../lib/stats.ts';

export interface LoopScenario {
  key: string;
  label: string;
  server: DevServer;
  /** The bench endpoint that runs the loop, and its JSON body (without n). */
  endpoint: string;
  body: Record<string, unknown>;
}

export interface LoopFigures {
  key: string;
  label: string;
  cpuUsPerCall: Spread;
  statementsPerCall: Spread;
  non2xx: number;
}

async function loop(s: LoopScenario, n: number): Promise<Record<string, number>> {
  const res = await fetch(s.server.url + s.endpoint, { method: 'POST', body: JSON.stringify({ ...s.body, n }) });
  if (!res.ok) throw new Error(`${s.key}: loop endpoint answered ${res.status} ${await res.text()}`);
  return ((await res.json()) as { statuses: Record<string, number> }).statuses;
}

export async function runLoops(scenarios: LoopScenario[], neon: NeonLocal, rounds: number, n: number): Promise<LoopFigures[]> {
  for (const s of scenarios) await loop(s, Math.min(n, 50)); // warm-up: V8 optimises the hot paths
  const acc = new Map(scenarios.map((s) => [s.key, { cpu: [] as number[], statements: [] as number[], non2xx: 0 }]));
  for (let round = 0; round < rounds; round++) {
    for (const s of interleave(scenarios, round)) {
      const a = acc.get(s.key)!;
      const pids = s.server.workerdPids();
      const cpu0 = cpuNs(pids);
      const statements0 = neon.stats.statements;
      const statuses = await loop(s, n);
      a.cpu.push((cpuNs(pids) - cpu0) / 1e3 / n);
      a.statements.push((neon.stats.statements - statements0) / n);
      a.non2xx += Object.entries(statuses).reduce((sum, [code, count]) => sum + (code.startsWith('2') ? 0 : count), 0);
    }
  }
  return scenarios.map((s) => {
    const a = acc.get(s.key)!;
    return { key: s.key, label: s.label, cpuUsPerCall: spread(a.cpu), statementsPerCall: spread(a.statements), non2xx: a.non2xx };
  });
}
