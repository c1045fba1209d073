// The printed report: every figure with its ratio, each as median (min–max) over rounds.

import { fmt, fmtSpread, ratio, Table } from './lib/stats.ts';
import { printRoutes, printStartupGoal } from './report-routes.ts';
import type { Argon2Figures } from './scenarios/argon2.ts';
import type { BundleFigures } from './scenarios/bundle.ts';
import type { LoopFigures } from './scenarios/in-isolate.ts';
import type { LoginFigures } from './scenarios/login.ts';
import type { RouteFigures } from './scenarios/routes.ts';
import type { LoadFigures } from './scenarios/session.ts';

export interface Results {
  machine: {
    cpu: string;
    nproc: number;
    loadAverageBefore: number[];
    loadAverageAfter: number[];
    node: string;
    workerd: string;
    /** src/crypto/wasm/manifest.json: the committed cores. */
    wasmBuild: { compiler: string; cores: Record<string, { kind: string; bytes: number }> };
    date: string;
  };
  settings: Record<string, number>;
  peerNote: string | null;
  argon2: Argon2Figures | null;
  session: LoadFigures[];
  inIsolate: LoopFigures[];
  login: LoginFigures[];
  routes: RouteFigures | null;
  bundle: Partial<Record<'identsphere' | 'better-auth' | 'libraries only', BundleFigures>>;
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

function printArgon2(a: Argon2Figures, core: string): void {
  console.log(
    `\n## argon2id m=19456 KiB, t=2, p=1 — ms per hash (${a.rounds} rounds x ${a.hashesPerRound} hashes, one batch per round; workerd timed from outside)`,
  );
  const t = new Table(['implementation', 'wall ms', 'CPU ms', 'wall / native', 'CPU / native']);
  const native = a.wallMs.native.median;
  const nativeCpu = a.cpuMs.native.median;
  t.add('native argon2 (node-argon2, reference C)', fmtSpread(a.wallMs.native), fmtSpread(a.cpuMs.native), '1.00x', '1.00x');
  t.add(
    `workerd, shipped core (${core})`,
    fmtSpread(a.wallMs.shipped),
    fmtSpread(a.cpuMs.shipped),
    ratio(a.wallMs.shipped.median, native),
    ratio(a.cpuMs.shipped.median, nativeCpu),
  );
  t.add(
    'workerd, hash-wasm prebuilt core (no SIMD)',
    fmtSpread(a.wallMs.prebuilt),
    fmtSpread(a.cpuMs.prebuilt),
    ratio(a.wallMs.prebuilt.median, native),
    ratio(a.cpuMs.prebuilt.median, nativeCpu),
  );
  console.log(t.render());
  console.log(
    `first hash in a fresh isolate (instantiation + unoptimised code): shipped ${fmt(a.firstMs.shipped)} ms, prebuilt ${fmt(a.firstMs.prebuilt)} ms; ` +
      `no-op request subtracted: ${fmt(a.noop.wallMs, 2)} ms wall, ${fmt(a.noop.cpuMs, 2)} ms CPU; ` +
      `same password+salt → same digest natively and in workerd: ${a.identical ? 'yes' : 'NO'}`,
  );
}

function printSession(rows: LoadFigures[], settings: Record<string, number>): void {
  console.log(
    `\n## Session check under load (${settings.connections} connections, ${settings.seconds} s per run, ${settings.rounds} rounds, interleaved)`,
  );
  if (settings.logSample !== undefined && settings.logSample < 1) {
    console.log(`IdentSphere runs with IDENTSPHERE_LOG_SAMPLE_SESSION_CHECKS=${settings.logSample} (BENCH_LOG_SAMPLE).`);
  }
  const t = new Table(['scenario', 'req/s', 'p50 ms', 'p99 ms', 'workerd CPU ms/req', 'SQL/req', 'SQL total', 'non-2xx']);
  for (const r of rows) {
    t.add(
      r.label,
      fmtSpread(r.rps, 0),
      fmtSpread(r.p50, 2),
      fmtSpread(r.p99, 2),
      fmtSpread(r.cpuMsPerRequest, 2),
      fmtSpread(r.statementsPerRequest, 3),
      String(r.statementsTotal),
      String(r.non2xx + r.errors),
    );
  }
  console.log(t.render());
  const ours = rows.find((r) => r.key === 'identsphere-session');
  if (ours?.statementsTotal) {
    console.log(
      `IdentSphere's ${ours.statementsTotal} statement(s) over ${ours.requestsTotal} session checks are cache refills: an entry lives ` +
        'IDENTSPHERE_SESSION_CACHE_TTL (60 s by default), then the next check — one per connection that arrives at once — reads Postgres.',
    );
  }
  const by = new Map(rows.map((r) => [r.key, r]));
  const pair = (a: string, b: string, what: string) => {
    const x = by.get(a);
    const y = by.get(b);
    if (!x || !y) return;
    console.log(
      `${what}: p50 ${fmt(x.p50.median - y.p50.median, 2)} ms above (${ratio(x.p50.median, y.p50.median)}), ` +
        `CPU ${fmt(x.cpuMsPerRequest.median - y.cpuMsPerRequest.median, 2)} ms/req above (${ratio(x.cpuMsPerRequest.median, y.cpuMsPerRequest.median)}), ` +
        `req/s ${ratio(x.rps.median, y.rps.median)}`,
    );
  };
  pair('identsphere-session', 'identsphere-noop', 'IdentSphere session check vs its no-op');
  pair('better-auth-session', 'better-auth-noop', 'Better Auth session check (defaults) vs its no-op');
  pair('better-auth-session-cookie-cache', 'better-auth-noop', 'Better Auth session check (cookieCache) vs its no-op');
  pair('better-auth-session', 'identsphere-session', 'Better Auth (defaults) vs IdentSphere');
  pair('better-auth-session-cookie-cache', 'identsphere-session', 'Better Auth (cookieCache) vs IdentSphere');
}

function printInIsolate(rows: LoopFigures[], settings: Record<string, number>): void {
  console.log(
    `\n## Session check and access tokens inside one isolate (${settings.loopCalls} calls of the app per request, ${settings.rounds} rounds, interleaved)`,
  );
  console.log(
    "CPU of the route itself: wrangler dev's per-request plumbing is paid once per loop; IdentSphere uses its in-memory cache here;",
  );
  console.log('console.log is silenced in the loop (under wrangler dev each call costs ~1.5 ms CPU: see the "log line printed" row).');
  const t = new Table(['route', 'workerd CPU µs/call', 'SQL/call', 'non-2xx']);
  for (const r of rows) t.add(r.label, fmtSpread(r.cpuUsPerCall, 0), fmtSpread(r.statementsPerCall, 3), String(r.non2xx));
  console.log(t.render());
  const by = new Map(rows.map((r) => [r.key, r]));
  const above = (a: string, b: string, what: string) => {
    const x = by.get(a);
    const y = by.get(b);
    if (x && y)
      console.log(
        `${what}: ${fmt(x.cpuUsPerCall.median - y.cpuUsPerCall.median, 0)} µs CPU above its no-op (${ratio(x.cpuUsPerCall.median, y.cpuUsPerCall.median)})`,
      );
  };
  const noop = by.get('identsphere-noop');
  const bare = by.get('bare-hono-noop');
  if (noop && bare) {
    const cost = noop.cpuUsPerCall.median - bare.cpuUsPerCall.median;
    console.log(
      `IdentSphere global middlewares (no-op route minus a bare Hono route): ${fmt(cost, 0)} µs CPU per request ` +
        `(goal: <= 40 µs; ${ratio(cost, 40)} of it)`,
    );
  }
  above('identsphere-session', 'identsphere-noop', 'IdentSphere session check');
  above('identsphere-token', 'identsphere-noop', 'IdentSphere access token (goal: <= 1000 µs)');
  above('identsphere-noop-logged', 'identsphere-noop', 'IdentSphere request log line under wrangler dev');
  above('better-auth-session', 'better-auth-noop', 'Better Auth session check (defaults)');
  above('better-auth-session-cookie-cache', 'better-auth-noop', 'Better Auth session check (cookieCache)');
  const verify = by.get('example-api-verify');
  // The API's whole request (no router, no middleware): nothing to subtract.
  if (verify) console.log(`Example API: ${fmt(verify.cpuUsPerCall.median, 0)} µs CPU per request with a verified token`);
  const ours = by.get('identsphere-session');
  for (const key of ['better-auth-session', 'better-auth-session-cookie-cache']) {
    const peer = by.get(key);
    if (ours && peer) console.log(`${peer.label} vs IdentSphere: CPU ${ratio(peer.cpuUsPerCall.median, ours.cpuUsPerCall.median)}`);
  }
}

function printLogin(rows: LoginFigures[], settings: Record<string, number>): void {
  console.log(`\n## Sign-in end to end (${settings.loginsPerRound} sequential per round, ${settings.rounds} rounds, interleaved)`);
  const t = new Table(['endpoint', 'wall ms (p50)', 'workerd CPU ms', 'DB round trips', 'SQL statements', 'failures']);
  for (const r of rows)
    t.add(r.label, fmtSpread(r.wallMs), fmtSpread(r.cpuMs), fmtSpread(r.roundTrips, 1), fmtSpread(r.statements, 1), String(r.failures));
  console.log(t.render());
  const [ours, peer] = rows;
  if (ours && peer) {
    console.log(
      `Better Auth vs IdentSphere: wall ${ratio(peer.wallMs.median, ours.wallMs.median)}, CPU ${ratio(peer.cpuMs.median, ours.cpuMs.median)}`,
    );
  }
}

function printBundle(bundle: Results['bundle']): void {
  console.log('\n## Bundle (wrangler deploy --dry-run --outdir; JS + WebAssembly, source maps excluded) and global-scope start-up');
  const t = new Table(['worker', 'raw', 'gzip -9', 'start-up CPU ms', 'incl. embedding ms', 'wrangler check startup ms', 'wrangler says']);
  for (const [name, b] of Object.entries(bundle)) {
    if (!b) continue;
    t.add(
      name,
      kib(b.rawBytes),
      kib(b.gzipBytes),
      fmt(b.startupCpuMs),
      fmt(b.startupWithEmbeddingCpuMs),
      fmt(b.checkStartupActiveMs ?? NaN),
      b.wranglerSays ?? '—',
    );
  }
  console.log(t.render());
  console.log(
    'start-up CPU: a fresh workerd importing the bundle on its first request, minus the same with the bundle listed as data ' +
      'modules (same bytes, never compiled) — compiling the code and running its global scope (median of runs; CPU time from ' +
      '/proc); incl. embedding: minus an empty module only, so it also counts workerd embedding the files in its text config, ' +
      'which wrangler dev and Cloudflare do not do; wrangler check startup: sampled profile, one run (inflated when the machine is busy).',
  );
  const ours = bundle.identsphere;
  const peer = bundle['better-auth'];
  printStartupGoal(ours, bundle['libraries only']);
  if (ours && peer) {
    console.log(
      `Better Auth vs IdentSphere: gzip ${ratio(peer.gzipBytes, ours.gzipBytes)}, start-up CPU ${ratio(peer.startupCpuMs, ours.startupCpuMs)}`,
    );
  }
}

export function printReport(r: Results): void {
  const m = r.machine;
  const core = m.wasmBuild.cores.argon2?.kind ?? 'unknown';
  console.log(`# IdentSphere benchmark — ${m.date}`);
  console.log(
    `machine: ${m.cpu}, nproc ${m.nproc}, load average ${m.loadAverageBefore.join(' ')} before / ${m.loadAverageAfter.join(' ')} after`,
  );
  console.log(`node ${m.node}, workerd ${m.workerd}; argon2 core: ${core} (committed, built by ${m.wasmBuild.compiler})`);
  if (r.peerNote) console.log(`Better Auth: ${r.peerNote}`);
  console.log("Wall-clock figures include wrangler dev's local plumbing and a shared, noisy machine: compare the ratios");
  console.log('and the CPU/statements per request (measured in the same run, interleaved), not absolute numbers.');
  if (r.argon2) printArgon2(r.argon2, core);
  if (r.session.length) printSession(r.session, r.settings);
  if (r.inIsolate.length) printInIsolate(r.inIsolate, r.settings);
  if (r.login.length) printLogin(r.login, r.settings);
  if (Object.keys(r.bundle).length) printBundle(r.bundle);
  if (r.routes) printRoutes(r.routes, r.settings.rounds!);
}
