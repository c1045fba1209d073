// A local stand-in for Neon's SQL-over-HTTP endpoint (what neon() from @neondatabase/serverless talks
// to), backed by PGlite or a real PostgreSQL. Protocol, as Neon's proxy implements it:
//   POST /sql, body {query, params, arrayMode?} or {queries: [{query, params, arrayMode?}, …]} (any
//   content type); headers Neon-Raw-Text-Output / Neon-Array-Mode ('true' or absent),
//   Neon-Batch-Isolation-Level / -Read-Only / -Deferrable (batches only). Neon-Connection-String and
//   Authorization are accepted and ignored: the backend is fixed.
//   200 → {fields, command, rowCount, rows, rowAsArray} or {results: [those…]};
//   400 → {message, code, detail, …} (Postgres error fields, null when absent); the batch rolled back.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  isIsolationLevel,
  isPgError,
  openBackend,
  PG_ERROR_FIELDS,
  type QueryFn,
  type QueryResult,
  type SqlBackend,
  type TransactionOptions,
} from './backend.ts';
import { shapeRows } from './json-output.ts';

export interface NeonLocalOptions {
  /** postgres://… of a real server; when unset, PGlite. */
  databaseUrl?: string;
  /** PGlite data directory (persistent); in memory when unset. Ignored with databaseUrl. */
  dataDir?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** One line per request, plus backend failures. */
  log?: (line: string) => void;
  /** Request bodies above this get 413 (default 10 MiB). */
  maxBodyBytes?: number;
  /** pg Pool size with databaseUrl (default 20). */
  poolSize?: number;
  /** Delays every POST /sql answer by this many ms (default 0): a database far from the Worker, one network
   *  round trip per request. Also read from NEON_LOCAL_DELAY_MS when the option is absent. */
  delayMs?: number;
}

export interface NeonLocalStats {
  /** POST /sql requests received (including those that failed). */
  requests: number;
  /** SQL statements sent to the database on behalf of requests (a batch counts each of its queries;
   *  BEGIN/COMMIT/ROLLBACK around batches and direct `backend` use are not counted). */
  statements: number;
}

export interface NeonLocal {
  /** http://HOST:PORT/sql — the value for neonConfig.fetchEndpoint. */
  url: string;
  port: number;
  backend: SqlBackend;
  stats: NeonLocalStats;
  /** The simulated round-trip time (ms) added to every POST /sql request; may be changed while running. */
  delayMs: number;
  close(): Promise<void>;
}

interface Statement {
  query: string;
  params: unknown[];
  arrayMode: boolean | undefined;
}

class HttpError extends Error {
  status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

const DEFAULT_MAX_BODY = 10 * 1024 * 1024;

function delaySetting(option: number | undefined): number {
  const raw = option ?? process.env.NEON_LOCAL_DELAY_MS ?? 0;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`invalid delay: ${raw} (ms, >= 0)`);
  return value;
}
const JSON_HEADERS = { 'content-type': 'application/json' };

/**
 * The endpoint runs any SQL it is sent, so a web page the developer visits must not be able to reach it:
 * no CORS at all, a required Neon-Connection-String header (a custom header, so a browser would need a
 * preflight we never grant), and loopback Host names only (against DNS rebinding).
 */
function refuseBrowserRequests(req: IncomingMessage): void {
  if (req.headers.origin !== undefined) throw new HttpError(403, 'requests from browsers are refused');
  const host = (req.headers.host ?? '').replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  if (!['127.0.0.1', 'localhost', '::1'].includes(host)) throw new HttpError(403, `host not allowed: ${host}`);
  if (req.headers['neon-connection-string'] === undefined) {
    throw new HttpError(400, 'missing Neon-Connection-String header (send it as the Neon driver does)');
  }
}

export async function startNeonLocal(opts: NeonLocalOptions = {}): Promise<NeonLocal> {
  let delayMs = delaySetting(opts.delayMs);
  const backend = await openBackend(opts);
  const stats: NeonLocalStats = { requests: 0, statements: 0 };
  const maxBody = opts.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const log = opts.log ?? (() => {});

  const counted =
    (q: QueryFn): QueryFn =>
    (sql, params) => {
      stats.statements++;
      return q(sql, params);
    };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    let status = 200;
    let note = '';
    try {
      if (path !== '/sql') throw new HttpError(404, `not found: ${path} (the endpoint is POST /sql)`);
      if (req.method !== 'POST') {
        res.setHeader('allow', 'POST');
        throw new HttpError(405, `method not allowed: ${req.method} (the endpoint is POST /sql)`);
      }
      refuseBrowserRequests(req);
      stats.requests++;
      // The whole round trip's network time, paid once per request before the database sees it.
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      const rawText = req.headers['neon-raw-text-output'] === 'true';
      const arrayMode = req.headers['neon-array-mode'] === 'true';
      const txn = transactionOptions(req);
      const payload = parsePayload(await readBody(req, maxBody));
      const shape = (r: QueryResult, s: Statement) => {
        const asArray = s.arrayMode ?? arrayMode;
        return { ...r, rows: shapeRows(r.rows, r.fields, rawText, asArray), rowAsArray: asArray };
      };
      let body: unknown;
      const headers: Record<string, string> = { ...JSON_HEADERS };
      if (Array.isArray(payload)) {
        // Neon echoes the transaction settings of a batch.
        if (txn.readOnly) headers['neon-batch-read-only'] = 'true';
        if (txn.deferrable) headers['neon-batch-deferrable'] = 'true';
        if (txn.isolationLevel) headers['neon-batch-isolation-level'] = txn.isolationLevel;
        const results = await backend.transaction(async (q) => {
          const query = counted(q);
          const out = [];
          for (const s of payload) out.push(shape(await query(s.query, s.params), s));
          return out;
        }, txn);
        body = { results };
        note = ` batch of ${payload.length}`;
      } else {
        body = shape(await counted(backend.query)(payload.query, payload.params), payload);
      }
      const json = JSON.stringify(body);
      res.writeHead(200, { ...headers, 'content-length': Buffer.byteLength(json) });
      res.end(json);
    } catch (e) {
      const [code, body] = errorReply(e);
      status = code;
      note = ` ${String(body.message)}`;
      if (code >= 500) log(`neon-local: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      const json = JSON.stringify(body);
      if (res.headersSent) res.destroy();
      else {
        res.writeHead(code, { ...JSON_HEADERS, 'content-length': Buffer.byteLength(json) });
        res.end(json);
      }
    } finally {
      log(`${req.method} ${req.url} ${status} ${(performance.now() - started).toFixed(1)}ms${note}`);
    }
  }

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  }).catch(async (e: unknown) => {
    await backend.close();
    throw e;
  });
  const address = server.address() as AddressInfo;
  // A wildcard address is not one to connect to: advertise loopback instead.
  const ip = address.address === '0.0.0.0' ? '127.0.0.1' : address.address === '::' ? '::1' : address.address;
  const host = ip.includes(':') ? `[${ip}]` : ip;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${address.port}/sql`,
    port: address.port,
    backend,
    stats,
    get delayMs() {
      return delayMs;
    },
    set delayMs(ms: number) {
      delayMs = delaySetting(ms);
    },
    close: () =>
      (closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await stopped;
        await backend.close();
      })()),
  };
}

function transactionOptions(req: IncomingMessage): TransactionOptions {
  const opts: TransactionOptions = {};
  const level = req.headers['neon-batch-isolation-level'];
  if (typeof level === 'string') {
    if (!isIsolationLevel(level)) throw new HttpError(400, 'invalid isolation level');
    opts.isolationLevel = level;
  }
  if (req.headers['neon-batch-read-only'] === 'true') opts.readOnly = true;
  if (req.headers['neon-batch-deferrable'] === 'true') opts.deferrable = true;
  return opts;
}

/** Reads the body; past `limit` the rest is still read (and dropped) so that the 413 reaches the client
 *  on a connection that stays usable. */
function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on('end', () => {
      if (size > limit) reject(new HttpError(413, `request body too large (max is ${limit} bytes)`));
      else resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}

function parsePayload(text: string): Statement | Statement[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new HttpError(400, `request body is not valid JSON: ${(e as Error).message}`);
  }
  if (isRecord(data) && Array.isArray(data.queries)) return data.queries.map((q, i) => statement(q, `queries[${i}]`));
  return statement(data, 'body');
}

function statement(data: unknown, where: string): Statement {
  if (!isRecord(data) || typeof data.query !== 'string') {
    throw new HttpError(400, `${where}: expected {"query": string, "params"?: array} or {"queries": [...]}`);
  }
  const { query, params = [], arrayMode } = data;
  if (!Array.isArray(params)) throw new HttpError(400, `${where}: "params" must be an array`);
  if (arrayMode !== undefined && typeof arrayMode !== 'boolean') throw new HttpError(400, `${where}: "arrayMode" must be a boolean`);
  return { query, params, arrayMode };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function errorReply(e: unknown): [number, Record<string, unknown>] {
  if (e instanceof HttpError) return [e.status, { message: e.message }];
  if (isPgError(e)) {
    const body: Record<string, unknown> = { message: e.message };
    for (const key of PG_ERROR_FIELDS) body[key] = e[key] ?? null;
    return [400, body];
  }
  // Not from Postgres (e.g. the database is unreachable): the driver reports "Server error (HTTP status 500)".
  return [500, { message: e instanceof Error ? e.message : String(e) }];
}
