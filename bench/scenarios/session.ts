// Session check under load: GET /v1/auth/session with a valid cookie (warm cache) against the same app's no-op
// route (/v1/health), and the same for Better Auth (defaults: database per check; with its cookie cache), all
// interleaved by round. Load comes from a separate process (bench/lib/load-generator.ts); per run we read
// workerd's CPU time and the SQL statements the local Neon-HTTP endpoint executed, before and after.
import { spawn } from 'node:child_process';
import type { NeonLocal } from '@identsphere/neon-local';
import { cookiesOf, randomIp } from '../lib/flows.ts';
import type { LoadResult } from '../lib/load-generator.ts';
import { cpuNs, type DevServer } from '../lib/processes.ts';
import { interleave, type Spread, spread } from '../lib/stats.ts';

export interface LoadScenario {
  key: string;
  label: string;
  server: DevServer;
  path: string;
  headers: Record<string, string>;
}

export interface LoadFigures {
  key: string;
  label: string;
  rps: Spread;
  p50: Spread;
  p99: Spread;
  cpuMsPerRequest: Spread;
  statementsPerRequest: Spread;
  /** Statements over every run: 0 means not one query was made. */
  statementsTotal: number;
  requestsTotal: number;
  non2xx: number;
  errors: number;
}

export interface LoadOptions {
  rounds: number;
  seconds: number;
  connections: number;
}

const generator = new URL('../lib/load-generator.ts', import.meta.url).pathname;

/**
 * What Cloudflare's edge adds to every request a deployed Worker receives and `wrangler dev` does not: the
 * visitor's country (IP Geolocation, on by default). Sent to every Worker alike; IdentSphere's metrics point
 * reads it instead of deserialising `request.cf` (src/http/middleware/request-envelope.ts, countryOf).
 */
const EDGE_HEADERS = { 'cf-ipcountry': 'DE' };

function runGenerator(url: string, headers: Record<string, string>, opts: LoadOptions): Promise<LoadResult> {
  const config = { url, headers: { ...EDGE_HEADERS, ...headers }, connections: opts.connections, seconds: opts.seconds, warmupSeconds: 1 };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [generator, JSON.stringify(config)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`load generator exited with ${code}`));
      resolve(JSON.parse(out.trim().split('\n').at(-1)!) as LoadResult);
    });
  });
}

export async function runLoadScenarios(scenarios: LoadScenario[], neon: NeonLocal, opts: LoadOptions): Promise<LoadFigures[]> {
  const runs = new Map<string, { result: LoadResult; cpuMs: number; statements: number }[]>();
  for (let round = 0; round < opts.rounds; round++) {
    for (const s of interleave(scenarios, round)) {
      await fetch(s.server.url + s.path, { headers: s.headers }).then((r) => r.arrayBuffer()); // keep the cache warm
      const pids = s.server.workerdPids();
      const cpu0 = cpuNs(pids);
      const statements0 = neon.stats.statements;
      const result = await runGenerator(s.server.url + s.path, s.headers, opts);
      const cpuMs = (cpuNs(pids) - cpu0) / 1e6;
      const statements = neon.stats.statements - statements0;
      runs.set(s.key, [...(runs.get(s.key) ?? []), { result, cpuMs, statements }]);
    }
  }
  return scenarios.map((s) => {
    const r = runs.get(s.key)!;
    const ok = (x: LoadResult) =>
      Object.entries(x.statuses)
        .filter(([code]) => code.startsWith('2'))
        .reduce((a, [, n]) => a + n, 0);
    return {
      key: s.key,
      label: s.label,
      rps: spread(r.map((x) => x.result.rps)),
      p50: spread(r.map((x) => x.result.p50)),
      p99: spread(r.map((x) => x.result.p99)),
      cpuMsPerRequest: spread(r.map((x) => x.cpuMs / x.result.allRequests)),
      statementsPerRequest: spread(r.map((x) => x.statements / x.result.allRequests)),
      statementsTotal: r.reduce((a, x) => a + x.statements, 0),
      requestsTotal: r.reduce((a, x) => a + x.result.allRequests, 0),
      non2xx: r.reduce((a, x) => a + x.result.requests - ok(x.result), 0),
      errors: r.reduce((a, x) => a + x.result.errors, 0),
    };
  });
}

/** A signed-in IdentSphere user: its session cookie (registration signs in and fills the cache). */
export async function identsphereSession(server: DevServer, email: string, password: string): Promise<string> {
  const res = await fetch(`${server.url}/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'cf-connecting-ip': randomIp() },
    body: JSON.stringify({ email, password, organization_name: 'Bench' }),
  });
  if (res.status !== 201) throw new Error(`identsphere register: ${res.status} ${await res.text()}`);
  const cookie = cookiesOf(res).find((c) => c.startsWith('identsphere_session='));
  if (!cookie) throw new Error('identsphere register: no session cookie');
  return cookie;
}

/** A Better Auth user signed in through the cookie-cache mount: [session token cookie, session data cookie]. */
export async function betterAuthSession(server: DevServer, email: string, password: string): Promise<{ token: string; data: string }> {
  const headers = { 'content-type': 'application/json', origin: server.url };
  const up = await fetch(`${server.url}/api/auth/sign-up/email`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ email, password, name: 'Bench' }),
  });
  if (!up.ok) throw new Error(`better-auth sign-up: ${up.status} ${await up.text()}`);
  const res = await fetch(`${server.url}/cached/api/auth/sign-in/email`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`better-auth sign-in: ${res.status} ${await res.text()}`);
  const cookies = cookiesOf(res);
  const token = cookies.find((c) => c.startsWith('better-auth.session_token='));
  const data = cookies.find((c) => c.startsWith('better-auth.session_data='));
  if (!token || !data) throw new Error('better-auth sign-in: missing session cookies');
  return { token, data };
}
