// The bench's own Worker (never deployed). Timed from outside: performance.now() does not advance during CPU
// work inside a Worker.
//   POST /hash {core: "shipped" | "prebuilt", passwords: [...], salt: base64} → {phc: [...]}: argon2id with
//     OWASP's parameters, one hash per password. "shipped" is exactly what IdentSphere runs
//     (src/crypto/password.ts); "prebuilt" is hash-wasm's published non-SIMD core through the same code.
//   POST /loop {path, method, database, n, quiet, bare} → {statuses}: IdentSphere's app called n times in this
//     isolate (session-loop.ts); `database`: on the bench database (BENCH_DATABASE_URL) instead of none; `bare`: a
//     bare Hono route with no middleware instead (the yardstick for the middlewares' cost).
//   POST /verify-loop {n} → {statuses, jwksFetches}: the example API verifying one access token n times
//     (verify-loop.ts).

import { Argon2Core, argon2idRaw } from '../../src/crypto/argon2.ts';
import { CURRENT_PARAMS, encodePhc, hashWithSalt } from '../../src/crypto/password.ts';
import { fromBase64 } from '../../src/lib/encoding.ts';
import prebuiltArgon2 from '../.build/argon2-prebuilt.wasm';
import { runLoop } from './session-loop.ts';
import { runVerifyLoop } from './verify-loop.ts';

interface LoopRequest {
  path: string;
  method?: string;
  database?: boolean;
  n: number;
  quiet?: boolean;
  /** A bare Hono route (no middleware) instead of IdentSphere's app. */
  bare?: boolean;
}

function requireDatabase(env: { BENCH_DATABASE_URL?: string }): string {
  if (!env.BENCH_DATABASE_URL) throw new Error('BENCH_DATABASE_URL is not set (bench/lib/stack.ts passes it)');
  return env.BENCH_DATABASE_URL;
}

let prebuiltCore: Argon2Core | undefined;

async function hash(core: string, password: string, salt: Uint8Array): Promise<string> {
  if (core === 'shipped') return hashWithSalt(password, salt);
  prebuiltCore ??= new Argon2Core(prebuiltArgon2);
  return encodePhc(CURRENT_PARAMS, salt, argon2idRaw(prebuiltCore, new TextEncoder().encode(password), salt, CURRENT_PARAMS));
}

export default {
  async fetch(request: Request, env: { BENCH_DATABASE_URL?: string }, ctx: ExecutionContext): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (pathname === '/noop') return new Response('ok');
    if (pathname === '/loop' && request.method === 'POST') {
      const { path, method, database, n, quiet, bare } = (await request.json()) as LoopRequest;
      const databaseUrl = database ? requireDatabase(env) : undefined;
      return Response.json({ statuses: await runLoop({ path, method, databaseUrl, bare }, n, ctx, quiet === true) });
    }
    if (pathname === '/verify-loop' && request.method === 'POST') {
      const { n } = (await request.json()) as { n: number };
      return Response.json(await runVerifyLoop(requireDatabase(env), n, ctx));
    }
    if (pathname !== '/hash' || request.method !== 'POST') return new Response('not found', { status: 404 });
    const body = (await request.json()) as { core: string; passwords: string[]; salt: string };
    const salt = fromBase64(body.salt);
    const phc: string[] = [];
    for (const password of body.passwords) phc.push(await hash(body.core, password, salt));
    return Response.json({ phc });
  },
};
