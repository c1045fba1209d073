// Load generator, run as its own process (node bench/lib/load-generator.ts '<json options>'): `connections`
// keep-alive connections each sending GET requests back to back for `seconds` (after `warmupSeconds` not
// counted). Prints one JSON line: requests, requests/s, exact latency percentiles in ms (µs resolution —
// autocannon's histogram rounds to whole milliseconds, too coarse for sub-millisecond differences), and
// status counts. Runs in a separate process so its CPU never counts as the Worker's.
import { Agent, request } from 'node:http';

interface LoadOptions {
  url: string;
  headers: Record<string, string>;
  connections: number;
  seconds: number;
  warmupSeconds: number;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  statuses: Record<string, number>;
  errors: number;
  /** Every request the Worker answered while this process ran (warm-up included): the divisor for CPU and
   *  SQL statements, which the caller reads before and after the whole run. */
  allRequests: number;
}

const opts = JSON.parse(process.argv[2]!) as LoadOptions;
const agent = new Agent({ keepAlive: true, maxSockets: opts.connections });
const url = new URL(opts.url);

function once(): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname + url.search, method: 'GET', headers: opts.headers, agent },
      (res) => {
        res.on('data', () => {});
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const latencies: number[] = [];
const statuses: Record<string, number> = {};
let errors = 0;
let allRequests = 0;
let measuring = false;
let stopped = false;

async function connection(): Promise<void> {
  while (!stopped) {
    const started = process.hrtime.bigint();
    try {
      const status = await once();
      allRequests++;
      if (measuring && !stopped) {
        latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    } catch {
      if (measuring) errors++;
    }
  }
}

const running = Array.from({ length: opts.connections }, () => connection());
await new Promise((resolve) => setTimeout(resolve, opts.warmupSeconds * 1000));
measuring = true;
const started = process.hrtime.bigint();
await new Promise((resolve) => setTimeout(resolve, opts.seconds * 1000));
stopped = true;
const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
await Promise.all(running);
agent.destroy();

latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
const result: LoadResult = {
  requests: latencies.length,
  seconds: elapsed,
  rps: latencies.length / elapsed,
  p50: pct(50),
  p90: pct(90),
  p99: pct(99),
  max: latencies.at(-1) ?? NaN,
  statuses,
  errors,
  allRequests,
};
console.log(JSON.stringify(result));
