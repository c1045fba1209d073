// `npm run bench`: measures and prints; never asserts (tests assert behaviour). Writes bench/results.json.
//
//   1. argon2id inside workerd (shipped core, and hash-wasm's prebuilt one) against native argon2;
//   2. session check under load (warm cache) against a no-op route, with CPU and SQL statements per request,
//      and the same routes' CPU inside one isolate (no dev-server plumbing);
//   3. sign-in end to end: latency, CPU, database round trips and statements per sign-in;
//   4. bundle size (raw, gzip) and global-scope start-up time;
//   5. the same session-check, sign-in, bundle and start-up figures for Better Auth (bench/peers);
//   6. routes: database round trips per route against issue 17's goals, p50 latency at 0/50/150 ms simulated
//      database RTT, and the first request's CPU in a fresh isolate (bench/scenarios/routes.ts).
// Scenarios run interleaved, several rounds; each figure prints as median (min–max) over rounds.
//
// Settings (environment): BENCH_ROUNDS (3), BENCH_SECONDS per load run (5), BENCH_CONNECTIONS (4),
// BENCH_HASHES per variant per round (4), BENCH_ARGON2_ROUNDS (7), BENCH_LOGINS per target per round (5), BENCH_STARTUP_RUNS (7),
// BENCH_LOOP_CALLS per in-isolate run (300), BENCH_PEER=0 to leave Better Auth out, BENCH_ONLY=a,b to run only
// some of the sections bundle, argon2, session, isolate, login, routes; BENCH_ROUTE_SAMPLES per simulated RTT (5); BENCH_LOG_SAMPLE=0.05 runs IdentSphere with
// IDENTSPHERE_LOG_SAMPLE_SESSION_CHECKS=0.05 (the session check's log line printed for 1 in 20).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractPrebuilt } from '../scripts/wasm/build.ts';
import { randomIp } from './lib/flows.ts';
import { writeLibrariesOnlyWorker } from './lib/libraries-only.ts';
import { workerdBin } from './lib/processes.ts';
import { buildDir, root, startDatabase, startOurs, startWorkers } from './lib/stack.ts';
import { printReport, type Results } from './report.ts';
import { benchArgon2 } from './scenarios/argon2.ts';
import { measureBundles } from './scenarios/bundle.ts';
import { type LoopScenario, runLoops } from './scenarios/in-isolate.ts';
import { benchLogins } from './scenarios/login.ts';
import { benchRoutes } from './scenarios/routes.ts';
import { betterAuthSession, identsphereSession, type LoadScenario, runLoadScenarios } from './scenarios/session.ts';

const setting = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number`);
  return value;
};
const rounds = Math.max(1, setting('BENCH_ROUNDS', 3));
const loadOptions = { rounds, seconds: setting('BENCH_SECONDS', 5), connections: Math.max(1, setting('BENCH_CONNECTIONS', 4)) };
const hashesPerRound = Math.max(1, setting('BENCH_HASHES', 4));
const argon2Rounds = Math.max(1, setting('BENCH_ARGON2_ROUNDS', 7));
const loginsPerRound = Math.max(1, setting('BENCH_LOGINS', 5));
const startupRuns = Math.max(1, setting('BENCH_STARTUP_RUNS', 7));
const loopCalls = Math.max(1, setting('BENCH_LOOP_CALLS', 300));
const routeSamples = Math.max(1, setting('BENCH_ROUTE_SAMPLES', 5));
const logSample = Math.min(1, setting('BENCH_LOG_SAMPLE', 1)); // read again by bench/lib/stack.ts
const SECTIONS = ['bundle', 'argon2', 'session', 'isolate', 'login', 'routes'] as const;
const only = new Set((process.env.BENCH_ONLY ?? SECTIONS.join(',')).split(',').map((x) => x.trim()));
for (const name of only) if (!(SECTIONS as readonly string[]).includes(name)) throw new Error(`BENCH_ONLY: unknown section ${name}`);
const runs = (section: (typeof SECTIONS)[number]) => only.has(section);
let withPeer = process.env.BENCH_PEER !== '0';
let peerNote: string | null = withPeer ? null : 'left out (BENCH_PEER=0)';

const log = (line: string) => console.error(`[bench] ${line}`);

function machine() {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const workerd = execFileSync(workerdBin, ['--version'], { encoding: 'utf8' }).trim();
  const wasmBuild = JSON.parse(readFileSync(join(root, 'src/crypto/wasm/manifest.json'), 'utf8')) as Results['machine']['wasmBuild'];
  return {
    cpu: /model name\s*:\s*(.*)/.exec(cpuinfo)?.[1] ?? 'unknown',
    nproc: availableParallelism(),
    loadAverageBefore: loadavg().map((l) => Number(l.toFixed(2))),
    loadAverageAfter: [] as number[],
    node: process.version,
    workerd,
    wasmBuild,
    date: new Date().toISOString(),
  };
}

function preparePeer(): void {
  if (!withPeer) return;
  const dir = join(root, 'bench/peers');
  if (existsSync(join(dir, 'node_modules/better-auth/package.json'))) return;
  log('installing the Better Auth peer into bench/peers (npm ci, its own package.json)…');
  try {
    execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
  } catch (e) {
    withPeer = false;
    peerNote = `not measured: npm ci in bench/peers failed (${(e as Error).message.split('\n')[0]})`;
    log(peerNote);
  }
}

async function main(): Promise<void> {
  rmSync(join(buildDir, 'state'), { recursive: true, force: true });
  mkdirSync(buildDir, { recursive: true });
  writeFileSync(join(buildDir, 'argon2-prebuilt.wasm'), extractPrebuilt('argon2'));
  preparePeer();
  const results: Results = {
    machine: machine(),
    settings: { ...loadOptions, hashesPerRound, loginsPerRound, startupRuns, loopCalls, logSample, routeSamples },
    peerNote,
    argon2: null,
    session: [],
    inIsolate: [],
    login: [],
    routes: null,
    bundle: {},
  };

  // Bundles and start-up first: they build with wrangler, which would disturb the load figures.
  if (runs('bundle')) {
    log(`bundle sizes and global-scope start-up (${startupRuns} fresh workerd per bundle)…`);
    const configs: Record<string, string> = { identsphere: join(root, 'wrangler.toml') };
    if (withPeer) configs['better-auth'] = join(root, 'bench/peers/better-auth/wrangler.toml');
    configs['libraries only'] = writeLibrariesOnlyWorker(root, join(buildDir, 'libraries-only'));
    const work = mkdtempSync(join(tmpdir(), 'identsphere-bench-'));
    try {
      results.bundle = await measureBundles(configs, work, startupRuns);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }

  log('starting the local Neon-HTTP endpoint (PGlite) and the Workers (wrangler dev on 8797-8799)…');
  const neon = await startDatabase();
  const servers = await startWorkers(neon, withPeer).catch(async (e: unknown) => {
    await neon.close();
    throw e;
  });
  const stopAll = async () => {
    for (const s of [servers.ours, servers.bench, servers.peer]) await s?.stop();
    await neon.close();
  };
  process.once('SIGINT', () => void stopAll().then(() => process.exit(130)));
  try {
    if (runs('argon2')) {
      log(`argon2id: ${argon2Rounds} rounds x ${hashesPerRound} hashes per variant…`);
      results.argon2 = await benchArgon2(servers.bench, argon2Rounds, hashesPerRound);
    }

    const password = 'bench password, long enough';
    const oursCookie = await identsphereSession(servers.ours, 'bench@example.com', password);
    const scenarios: LoadScenario[] = [
      {
        key: 'identsphere-session',
        label: 'IdentSphere GET /v1/auth/session (warm cache)',
        server: servers.ours,
        path: '/v1/auth/session',
        headers: { cookie: oursCookie },
      },
      { key: 'identsphere-noop', label: 'IdentSphere GET /v1/health (no-op)', server: servers.ours, path: '/v1/health', headers: {} },
    ];
    const peer = servers.peer;
    let peerCookies: { token: string; data: string } | null = null;
    if (peer) {
      const c = (peerCookies = await betterAuthSession(peer, 'bench@example.com', password));
      scenarios.push(
        {
          key: 'better-auth-session',
          label: 'Better Auth GET /api/auth/get-session (defaults)',
          server: peer,
          path: '/api/auth/get-session',
          headers: { cookie: c.token },
        },
        {
          key: 'better-auth-session-cookie-cache',
          label: 'Better Auth get-session (cookieCache)',
          server: peer,
          path: '/cached/api/auth/get-session',
          headers: { cookie: `${c.token}; ${c.data}` },
        },
        { key: 'better-auth-noop', label: 'Better Auth GET /health (no-op)', server: peer, path: '/health', headers: {} },
      );
    }
    if (runs('session')) {
      log(
        `session check: ${scenarios.length} scenarios x ${rounds} rounds x ${loadOptions.seconds} s, ${loadOptions.connections} connections…`,
      );
      results.session = await runLoadScenarios(scenarios, neon, loadOptions);
    }

    const loops: LoopScenario[] = [
      {
        key: 'identsphere-session',
        label: 'IdentSphere GET /v1/auth/session (in-memory cache)',
        server: servers.bench,
        endpoint: '/loop',
        body: { path: '/v1/auth/session', quiet: true },
      },
      {
        key: 'identsphere-noop',
        label: 'IdentSphere GET /v1/health (no-op)',
        server: servers.bench,
        endpoint: '/loop',
        body: { path: '/v1/health', quiet: true },
      },
      {
        key: 'bare-hono-noop',
        label: 'bare Hono GET /v1/health (no middleware)',
        server: servers.bench,
        endpoint: '/loop',
        body: { path: '/v1/health', quiet: true, bare: true },
      },
      {
        key: 'identsphere-token',
        label: 'IdentSphere POST /v1/auth/token (in-memory session cache)',
        server: servers.bench,
        endpoint: '/loop',
        body: { path: '/v1/auth/token', method: 'POST', database: true, quiet: true },
      },
      {
        key: 'example-api-verify',
        label: 'example API: verify an access token (jose, cached JWKS)',
        server: servers.bench,
        endpoint: '/verify-loop',
        body: {},
      },
      {
        key: 'identsphere-noop-logged',
        label: 'IdentSphere GET /v1/health, its log line printed',
        server: servers.bench,
        endpoint: '/loop',
        body: { path: '/v1/health', quiet: false },
      },
    ];
    if (peer && peerCookies) {
      const loopBody = (path: string, cookie?: string) => ({ path, cookie, quiet: true });
      loops.push(
        {
          key: 'better-auth-session',
          label: 'Better Auth get-session (defaults)',
          server: peer,
          endpoint: '/__bench/loop',
          body: loopBody('/api/auth/get-session', peerCookies.token),
        },
        {
          key: 'better-auth-session-cookie-cache',
          label: 'Better Auth get-session (cookieCache)',
          server: peer,
          endpoint: '/__bench/loop',
          body: loopBody('/cached/api/auth/get-session', `${peerCookies.token}; ${peerCookies.data}`),
        },
        {
          key: 'better-auth-noop',
          label: 'Better Auth GET /health (no-op)',
          server: peer,
          endpoint: '/__bench/loop',
          body: loopBody('/health'),
        },
      );
    }
    if (runs('isolate')) {
      log(`session check inside one isolate: ${loops.length} scenarios x ${rounds} rounds x ${loopCalls} calls…`);
      results.inIsolate = await runLoops(loops, neon, rounds, loopCalls);
    }

    const body = { email: 'bench@example.com', password };
    if (runs('login')) log(`sign-in: ${rounds} rounds x ${loginsPerRound} per target…`);
    results.login = !runs('login')
      ? []
      : await benchLogins(
          [
            {
              key: 'identsphere',
              label: 'IdentSphere POST /v1/auth/login',
              server: servers.ours,
              path: '/v1/auth/login',
              body,
              headers: () => ({ 'cf-connecting-ip': randomIp() }),
            },
            ...(peer
              ? [
                  {
                    key: 'better-auth',
                    label: 'Better Auth POST /api/auth/sign-in/email',
                    server: peer,
                    path: '/api/auth/sign-in/email',
                    body,
                    headers: () => ({ origin: peer.url }),
                  },
                ]
              : []),
          ],
          neon,
          rounds,
          loginsPerRound,
        );

    if (runs('routes')) {
      log(`routes: round trips (${rounds} each), latency at 0/50/150 ms RTT (${routeSamples} each), first requests…`);
      let restarts = 0;
      let state = 'identsphere';
      results.routes = await benchRoutes(
        {
          neon,
          peer: servers.peer,
          ours: () => servers.ours,
          restartOurs: async (keepCache = false) => {
            await servers.ours.stop();
            if (!keepCache) state = `identsphere-fresh-${++restarts}`;
            servers.ours = await startOurs(neon, state);
          },
        },
        rounds,
        routeSamples,
      );
    }
  } finally {
    await stopAll();
  }
  results.machine.loadAverageAfter = loadavg().map((l) => Number(l.toFixed(2)));
  writeFileSync(join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
  printReport(results);
  log('wrote bench/results.json');
}

await main();
