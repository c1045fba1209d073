// The printed figures of bench/scenarios/routes.ts: round trips per route against issue 17's goals, latency
// at a simulated distance with the Smart Placement arithmetic, and the first request of a fresh isolate.
import { fmt, fmtSpread, ratio, Table } from './lib/stats.ts';
import type { BundleFigures } from './scenarios/bundle.ts';
import { DELAYS_MS, type RouteFigures } from './scenarios/routes.ts';

const STARTUP_GOAL_MS = 25;
const verdict = (value: number, goal: number) => (Number.isFinite(value) ? (value <= goal ? 'met' : 'NOT met') : '—');

export function printRoutes(r: RouteFigures, rounds: number): void {
  console.log(`\n## Database round trips per route (goal 4; ${rounds} requests each, one at a time; counted at the Neon-HTTP endpoint)`);
  console.log('round trips: while the request ran (the user waits for these); +bg: after the answer (waitUntil work).');
  const t = new Table(['route', 'goal', 'IdentSphere trips (+bg)', 'statements', 'verdict', 'Better Auth trips (+bg)', 'statements']);
  for (const row of r.trips) {
    const trips = (f: typeof row.ours) =>
      f ? `${fmtSpread(f.roundTrips, 0)} (+${fmtSpread(f.background, 0)})${f.failures ? ` ${f.failures} failed` : ''}` : '—';
    t.add(
      row.label,
      row.goal === null ? '—' : `<= ${row.goal}`,
      trips(row.ours),
      row.ours ? fmtSpread(row.ours.statements, 0) : '—',
      row.ours && row.goal !== null ? verdict(row.ours.roundTrips.median, row.goal) : 'not measured',
      trips(row.peer),
      row.peer ? fmtSpread(row.peer.statements, 0) : '—',
    );
  }
  console.log(t.render());

  console.log(
    `\n## Latency at a distance (goal 5): p50 wall ms, every database request delayed by the simulated RTT (${r.samplesPerDelay} per delay)`,
  );
  const d = new Table(['route', 'side', 'round trips', ...DELAYS_MS.map((ms) => `${ms} ms RTT`), 'growth 0→150 / trips']);
  for (const row of r.distance) {
    const growth = row.p50Ms[150]! - row.p50Ms[0]!;
    d.add(
      row.label.split(' (')[0]!,
      row.side,
      fmt(row.roundTrips, 0),
      ...DELAYS_MS.map((ms) => fmt(row.p50Ms[ms]!)),
      `${fmt(growth / 150, 2)} RTT`,
    );
  }
  console.log(d.render());
  console.log(
    'Smart Placement (arithmetic, not measured: placement cannot be simulated locally): with the Worker next to the database each ' +
      'round trip costs ~1 ms instead of the RTT D, but the user→Worker path grows by ~D. A request with n sequential round trips ' +
      'gains (n − 1)·D; a warm session check (0 round trips) loses D; a cold one (1) breaks even.',
  );
  for (const row of r.distance.filter((x) => x.side === 'identsphere')) {
    const n = row.roundTrips;
    console.log(
      `  ${row.label.split(' (')[0]}: n = ${fmt(n, 0)} → at D = 150 ms placement changes its wait by ${fmt(-(n - 1) * 150, 0)} ms`,
    );
  }
  console.log('  warm session check (cache hit, n = 0) → at D = 150 ms placement adds 150 ms');

  const f = r.firstRequest;
  console.log(
    '\n## First request of a fresh isolate (goal 2; start-up and building the app already paid by the readiness probe, the route group and database driver not; one run each)',
  );
  const ft = new Table(['request', 'first CPU ms', 'warm CPU ms (median)', 'first / warm']);
  ft.add('cold session check', fmt(f.sessionCheckCpuMs), fmt(f.warmSessionCheckCpuMs), ratio(f.sessionCheckCpuMs, f.warmSessionCheckCpuMs));
  ft.add(
    'session check, KV cache hit',
    fmt(f.cachedSessionCheckCpuMs),
    fmt(f.warmSessionCheckCpuMs),
    ratio(f.cachedSessionCheckCpuMs, f.warmSessionCheckCpuMs),
  );
  ft.add('sign-in (password)', fmt(f.signInCpuMs), fmt(f.warmSignInCpuMs), ratio(f.signInCpuMs, f.warmSignInCpuMs));
  console.log(ft.render());
  console.log("(workerd CPU under wrangler dev, from /proc around the request: includes the dev server's per-request plumbing.)");
}

/** Goal 2's start-up line, under the bundle table. */
export function printStartupGoal(ours: BundleFigures | undefined, librariesOnly: BundleFigures | undefined): void {
  if (!ours) return;
  console.log(
    `Start-up goal (<= ${STARTUP_GOAL_MS} ms CPU): IdentSphere ${fmt(ours.startupCpuMs)} ms, ${ratio(ours.startupCpuMs, STARTUP_GOAL_MS)} the goal — ${verdict(ours.startupCpuMs, STARTUP_GOAL_MS)}`,
  );
  if (librariesOnly) {
    console.log(
      `The libraries alone (every value src/ imports from its packages, none of our code; bench/lib/libraries-only.ts): ` +
        `${fmt(librariesOnly.startupCpuMs)} ms, ${ratio(librariesOnly.startupCpuMs, STARTUP_GOAL_MS)} the goal; ` +
        `IdentSphere's own code adds ${fmt(ours.startupCpuMs - librariesOnly.startupCpuMs)} ms.`,
    );
  }
}
