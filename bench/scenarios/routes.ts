// Database round trips per route (issue 17, goal 4), latency at a distance (goal 5) and the first request of
// a fresh isolate (goal 2), IdentSphere and Better Auth through the same local Neon-HTTP endpoint.
//   Round trips: HTTP requests to the endpoint while the request ran (what the user waits for), plus those
//   its background work (waitUntil) made after the answer, and SQL statements; one request at a time.
//   Distance: the endpoint delays every request by 0, 50, 150 ms (neon.delayMs: a database that far away);
//   p50 wall time of sign-in, register and a cold session check.
//   First request: our Worker restarted (new process, empty KV): the readiness probe (/v1/health) pays the
//   global scope and builds the app (configuration, router); then the CPU of its first session check (its
//   route group loaded on first use), and — after another restart — of its first sign-in; and, restarted with
//   its KV kept, of a first session check served from the cache (the database driver never loaded).
// A cold session check is one whose session is in no cache: sessions are created before a restart.
import type { NeonLocal } from '@identsphere/neon-local';
import { type Measured, oursFlows, oursMfaUser, oursRegister, peerFlows, peerSignUp, uniqueEmail } from '../lib/flows.ts';
import { cpuNs, type DevServer, sleep } from '../lib/processes.ts';
import { interleave, median, type Spread, spread } from '../lib/stats.ts';

export const DELAYS_MS = [0, 50, 150] as const;

export interface RouteTrips {
  key: string;
  label: string;
  /** Issue 17's goal for the round trips the user waits for; null: no goal. */
  goal: number | null;
  ours: TripFigures | null;
  peer: TripFigures | null;
}

export interface TripFigures {
  roundTrips: Spread;
  background: Spread;
  statements: Spread;
  failures: number;
}

export interface DistanceFigures {
  key: string;
  label: string;
  side: 'identsphere' | 'better-auth';
  roundTrips: number;
  /** delay ms → p50 wall ms over the samples. */
  p50Ms: Record<number, number>;
}

export interface RouteFigures {
  trips: RouteTrips[];
  distance: DistanceFigures[];
  samplesPerDelay: number;
  /** CPU ms of the first request of each kind in a fresh isolate, and the same request warm (median). */
  firstRequest: {
    sessionCheckCpuMs: number;
    /** The first session check of a fresh isolate whose KV still holds the session (a cache hit). */
    cachedSessionCheckCpuMs: number;
    signInCpuMs: number;
    warmSessionCheckCpuMs: number;
    warmSignInCpuMs: number;
  };
}

export interface RouteStack {
  neon: NeonLocal;
  ours: () => DevServer;
  peer: DevServer | null;
  /** Stops our Worker and starts a fresh one (new isolate; an empty session cache unless `keepCache`). */
  restartOurs: (keepCache?: boolean) => Promise<void>;
}

interface Sample {
  ok: boolean;
  wallMs: number;
  trips: number;
  background: number;
  statements: number;
}

async function measure(neon: NeonLocal, request: Measured, settleMs: number): Promise<Sample> {
  const before = { ...neon.stats };
  const started = process.hrtime.bigint();
  const ok = await request();
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const answered = { ...neon.stats };
  await sleep(settleMs);
  return {
    ok,
    wallMs,
    trips: answered.requests - before.requests,
    background: neon.stats.requests - answered.requests,
    statements: neon.stats.statements - before.statements,
  };
}

async function cpuOf(server: DevServer, request: Measured): Promise<number> {
  const pids = server.workerdPids();
  const before = cpuNs(pids);
  if (!(await request())) throw new Error('first-request probe failed');
  return (cpuNs(pids) - before) / 1e6;
}

function summarise(samples: Sample[]): TripFigures {
  return {
    roundTrips: spread(samples.map((s) => s.trips)),
    background: spread(samples.map((s) => s.background)),
    statements: spread(samples.map((s) => s.statements)),
    failures: samples.filter((s) => !s.ok).length,
  };
}

export async function benchRoutes(stack: RouteStack, rounds: number, samplesPerDelay: number): Promise<RouteFigures> {
  const { neon, peer } = stack;
  neon.delayMs = 0;
  // Users and sessions, prepared before the restarts.
  const plainEmail = uniqueEmail('plain');
  await oursRegister(stack.ours(), plainEmail);
  const mfaUser = await oursMfaUser(stack.ours());
  const coldCookies: string[] = [];
  for (let i = 0; i < 1 + rounds + DELAYS_MS.length * samplesPerDelay; i++) coldCookies.push(await oursRegister(stack.ours()));
  const peerEmail = uniqueEmail('baplain');
  const peerCookie = peer ? await peerSignUp(peer, peerEmail) : null;

  // Fresh isolate: its first session check (cold), then — fresh again — its first sign-in.
  await stack.restartOurs();
  const sessionCheckCpuMs = await cpuOf(stack.ours(), oursFlows.sessionCheck(stack.ours(), coldCookies.pop()!));
  await stack.restartOurs();
  const signInCpuMs = await cpuOf(stack.ours(), oursFlows.signIn(stack.ours(), plainEmail));
  // A session checked once (now in the KV cache), then a fresh isolate over the same KV: its first check is a hit.
  const cachedCookie = await oursRegister(stack.ours());
  if (!(await oursFlows.sessionCheck(stack.ours(), cachedCookie)())) throw new Error('session check failed');
  await stack.restartOurs(true);
  const cachedSessionCheckCpuMs = await cpuOf(stack.ours(), oursFlows.sessionCheck(stack.ours(), cachedCookie));
  // Sessions created before this restart are in no cache now: each is checked cold once.
  const nextCold = () => coldCookies.pop()!;

  const server = stack.ours();
  type Row = { key: string; label: string; goal: number; ours: () => Measured | Promise<Measured>; peer?: () => Measured };
  const rows: Row[] = [
    {
      key: 'sign-in',
      label: 'sign-in, password (MFA off)',
      goal: 2,
      ours: () => oursFlows.signIn(server, plainEmail),
      peer: peer ? () => peerFlows.signIn(peer, peerEmail) : undefined,
    },
    {
      key: 'sign-in-mfa',
      label: 'sign-in, password (MFA on: answers mfa_required)',
      goal: 2,
      ours: () => oursFlows.signInMfa(server, mfaUser.email),
    },
    {
      key: 'register',
      label: 'register',
      goal: 2,
      ours: () => oursFlows.register(server),
      peer: peer ? () => peerFlows.register(peer) : undefined,
    },
    { key: 'email-code-verify', label: 'email-code verify', goal: 2, ours: () => oursFlows.emailCodeVerify(server) },
    { key: 'mfa-challenge', label: 'MFA challenge (TOTP)', goal: 2, ours: () => oursFlows.mfaChallenge(server) },
    { key: 'passkey-sign-in', label: 'passkey sign-in (login/verify)', goal: 2, ours: () => oursFlows.passkeySignIn(server) },
    {
      key: 'session-cold',
      label: 'cold session check (Better Auth: defaults, every check reads the database)',
      goal: 1,
      ours: () => oursFlows.sessionCheck(server, nextCold()),
      peer: peer && peerCookie ? () => peerFlows.sessionCheck(peer, peerCookie) : undefined,
    },
  ];
  const samples = new Map<string, Sample[]>();
  const add = (key: string, s: Sample) => samples.set(key, [...(samples.get(key) ?? []), s]);
  const warmSignIn: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const row of interleave(rows, round)) {
      add(`ours:${row.key}`, await measure(neon, await row.ours(), 300));
      if (row.peer) add(`peer:${row.key}`, await measure(neon, row.peer(), 300));
    }
    warmSignIn.push(await cpuOf(server, oursFlows.signIn(server, plainEmail)));
  }
  const warmCheckCookie = await oursRegister(server);
  const warmCheck: number[] = [];
  for (let i = 0; i < rounds; i++) warmCheck.push(await cpuOf(server, oursFlows.sessionCheck(server, warmCheckCookie)));
  const trips: RouteTrips[] = rows.map((row) => ({
    key: row.key,
    label: row.label,
    goal: row.goal,
    ours: samples.has(`ours:${row.key}`) ? summarise(samples.get(`ours:${row.key}`)!) : null,
    peer: samples.has(`peer:${row.key}`) ? summarise(samples.get(`peer:${row.key}`)!) : null,
  }));

  const distance = await benchDistance(stack, rows, trips, samplesPerDelay);
  neon.delayMs = 0;
  return {
    trips,
    distance,
    samplesPerDelay,
    firstRequest: {
      sessionCheckCpuMs,
      cachedSessionCheckCpuMs,
      signInCpuMs,
      warmSessionCheckCpuMs: median(warmCheck),
      warmSignInCpuMs: median(warmSignIn),
    },
  };
}

async function benchDistance(
  stack: RouteStack,
  rows: { key: string; label: string; ours: () => Measured | Promise<Measured>; peer?: () => Measured }[],
  trips: RouteTrips[],
  n: number,
): Promise<DistanceFigures[]> {
  const targets = rows
    .filter((r) => ['sign-in', 'register', 'session-cold'].includes(r.key))
    .flatMap((r) => [
      { key: r.key, label: r.label, side: 'identsphere' as const, make: r.ours },
      ...(r.peer ? [{ key: r.key, label: r.label, side: 'better-auth' as const, make: r.peer }] : []),
    ]);
  const walls = new Map<string, number[]>();
  for (const delay of DELAYS_MS) {
    stack.neon.delayMs = delay;
    for (let i = 0; i < n; i++) {
      for (const t of interleave(targets, i)) {
        const s = await measure(stack.neon, await t.make(), 100 + 2 * delay);
        const id = `${t.side}:${t.key}:${delay}`;
        walls.set(id, [...(walls.get(id) ?? []), s.ok ? s.wallMs : NaN]);
      }
    }
  }
  return targets.map((t) => {
    const row = trips.find((r) => r.key === t.key)!;
    const figures = t.side === 'identsphere' ? row.ours : row.peer;
    return {
      key: t.key,
      label: t.label,
      side: t.side,
      roundTrips: figures?.roundTrips.median ?? NaN,
      p50Ms: Object.fromEntries(DELAYS_MS.map((d) => [d, median(walls.get(`${t.side}:${t.key}:${d}`) ?? [])])),
    };
  });
}
