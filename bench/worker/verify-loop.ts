// What a verifying service pays per request: the example API (examples/api-worker) checking an access token
// with jose and a cached JWKS. The token and the JWKS come from the bench's IdentSphere app in this isolate
// (on the bench database, for its signing key); `runVerifyLoop` calls the API `n` times with one token.
import { createApiWorker } from '../../examples/api-worker/src/index.ts';
import { BENCH_ORIGIN, seededApp } from './session-loop.ts';

let setup: Promise<{ api: ReturnType<typeof createApiWorker>; token: string; jwksFetches: () => number }> | undefined;

async function mintToken(databaseUrl: string, ctx: ExecutionContext) {
  const { env, cookie, app } = await seededApp(databaseUrl);
  let fetches = 0;
  const api = createApiWorker(async (input) => {
    fetches++;
    return app.fetch(new Request(input instanceof Request ? input.url : input), env, ctx);
  });
  const res = await app.fetch(new Request(`${BENCH_ORIGIN}/v1/auth/token`, { method: 'POST', headers: { cookie } }), env, ctx);
  if (!res.ok) throw new Error(`POST /v1/auth/token answered ${res.status} ${await res.text()}`);
  const { access_token } = (await res.json()) as { access_token: string };
  return { api, token: access_token, jwksFetches: () => fetches };
}

export async function runVerifyLoop(databaseUrl: string, n: number, ctx: ExecutionContext) {
  setup ??= mintToken(databaseUrl, ctx);
  const { api, token, jwksFetches } = await setup;
  const env = { AUTH_ORIGIN: BENCH_ORIGIN, TOKEN_AUDIENCE: BENCH_ORIGIN };
  const request = new Request('https://api.example.test/me', { headers: { authorization: `Bearer ${token}` } });
  const statuses: Record<number, number> = {};
  for (let i = 0; i < n; i++) {
    const res = await api.fetch(request.clone(), env);
    await res.arrayBuffer();
    statuses[res.status] = (statuses[res.status] ?? 0) + 1;
  }
  return { statuses, jwksFetches: jwksFetches() };
}
