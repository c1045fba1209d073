// `npm run dev` on a fresh data directory, then `identsphere smoke` against it: the production checklist's
// smoke test (register, session, logout, session 401) passing end to end through wrangler dev, the account it
// created deleted afterwards through the API (kept with --keep), its address on the reserved .invalid domain.
// Also: the dev server's emailed links name the port it actually listens on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, startDevServer } from './cli-support.ts';

let dev: Awaited<ReturnType<typeof startDevServer>>;

beforeAll(async () => {
  dev = await startDevServer();
}, 120_000);

afterAll(() => dev?.stop());

/** `identsphere users show` against the dev server's own database (the local endpoint it printed). */
async function userExists(email: string): Promise<boolean> {
  const port = /at http:\/\/127\.0\.0\.1:(\d+)\/sql/.exec(dev.output())![1];
  const res = await cli(['users', 'show', email, '--json'], {
    DATABASE_URL: `postgres://identsphere:local@127.0.0.1:${port}/identsphere`,
    IDENTSPHERE_DATABASE_LOCAL_HTTP: 'true',
    IDENTSPHERE_SCHEMA: 'identsphere',
  });
  expect([0, 4]).toContain(res.code);
  return res.code === 0;
}

interface SmokeJson {
  email: string;
  ok: boolean;
  steps: { name: string; ok: boolean }[];
  cleanup: { status: string; detail: string };
}

describe('identsphere smoke against npm run dev', () => {
  it('passes all four steps, then deletes the account it created, and exits 0', async () => {
    const res = await cli(['smoke', dev.base]);
    expect(res.stdout).toMatch(/PASS {2}register — 201/);
    expect(res.stdout).toMatch(/PASS {2}session — 200/);
    expect(res.stdout).toMatch(/PASS {2}logout — 204/);
    expect(res.stdout).toMatch(/PASS {2}session after logout — 401/);
    expect(res.stdout).toMatch(/smoke test passed\nclean-up: smoke\+[0-9a-f]{12}@identsphere-smoke\.invalid deleted/);
    expect(res.code).toBe(0);
    const email = /clean-up: (\S+) deleted/.exec(res.stdout)![1]!;
    expect(await userExists(email)).toBe(false);
  });

  it('--keep leaves the account; --json is one JSON document with the steps and the clean-up', async () => {
    const res = await cli(['smoke', dev.base, '--keep', '--json']);
    expect(res.code).toBe(0);
    const result = JSON.parse(res.stdout) as SmokeJson;
    expect(result).toMatchObject({ ok: true, cleanup: { status: 'kept' } });
    expect(result.steps.map((s) => s.ok)).toEqual([true, true, true, true]);
    expect(result.email).toMatch(/@identsphere-smoke\.invalid$/);
    expect(await userExists(result.email)).toBe(true);
  });

  it('fails loudly (exit 1) against something that is not IdentSphere, and has nothing to delete', async () => {
    const res = await cli(['smoke', 'http://127.0.0.1:9']);
    expect(res.code).toBe(1);
    expect(res.stdout).toMatch(/FAIL {2}register — request failed/);
    expect(res.stdout).toMatch(/clean-up: no account was created/);
  });

  it('a failed deletion is reported after the smoke result, with exit 1', async () => {
    // A proxy that answers everything but refuses the deletion: the smoke steps pass, the clean-up does not.
    const { createServer } = await import('node:http');
    const proxy = createServer(async (req, res) => {
      if (req.method === 'DELETE') {
        res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":{"code":"service_unavailable"}}');
        return;
      }
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const upstream = await fetch(dev.base + req.url, {
        method: req.method,
        headers: Object.fromEntries(['cookie', 'content-type'].filter((h) => req.headers[h]).map((h) => [h, String(req.headers[h])])),
        body: chunks.length ? Buffer.concat(chunks) : undefined,
      });
      const headers: Record<string, string | string[]> = { 'content-type': upstream.headers.get('content-type') ?? 'text/plain' };
      const cookies = upstream.headers.getSetCookie();
      if (cookies.length) headers['set-cookie'] = cookies;
      res.writeHead(upstream.status, headers).end(Buffer.from(await upstream.arrayBuffer()));
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = proxy.address() as { port: number };
      const res = await cli(['smoke', `http://127.0.0.1:${port}`]);
      expect(res.stdout).toMatch(/smoke test passed\nclean-up FAILED: \S+ not deleted: DELETE \/v1\/auth\/me answered 503/);
      expect(res.code).toBe(1);
    } finally {
      proxy.close();
    }
  });
});

describe('identsphere smoke against a deployment with IDENTSPHERE_COOKIE_SAMESITE=none', () => {
  let crossSite: Awaited<ReturnType<typeof startDevServer>>;
  beforeAll(async () => {
    crossSite = await startDevServer(() => ({
      IDENTSPHERE_COOKIE_SAMESITE: 'none',
      IDENTSPHERE_COOKIES_SECURE: 'true',
      IDENTSPHERE_CORS_ORIGINS: 'https://app.other-site.example',
    }));
  }, 120_000);
  afterAll(() => crossSite?.stop());

  it('fails at the first write without --origin (403, no account), and passes with an allowed --origin', async () => {
    const bare = await cli(['smoke', crossSite.base, '--json']);
    expect(bare.code).toBe(1);
    const refused = JSON.parse(bare.stdout) as SmokeJson;
    expect(refused.steps[0]).toMatchObject({ name: 'register', ok: false });
    expect(refused.cleanup.status).toBe('none');

    const res = await cli(['smoke', crossSite.base, '--origin', 'https://app.other-site.example', '--json']);
    const result = JSON.parse(res.stdout) as SmokeJson;
    expect(result.steps.map((s) => s.ok)).toEqual([true, true, true, true]);
    expect(result.cleanup.status).toBe('deleted');
    expect(res.code).toBe(0);
  });
});

describe('identsphere smoke --turnstile-token', () => {
  it('sends the token as cf-turnstile-response on the register only', async () => {
    const { createServer } = await import('node:http');
    const seen: [string, string | undefined][] = [];
    const recorder = createServer((req, res) => {
      seen.push([`${req.method} ${req.url}`, req.headers['cf-turnstile-response'] as string | undefined]);
      res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":{"code":"service_unavailable"}}');
    });
    await new Promise<void>((resolve) => recorder.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = recorder.address() as { port: number };
      const res = await cli(['smoke', `http://127.0.0.1:${port}`, '--turnstile-token', 'solved-challenge']);
      expect(res.code).toBe(1);
      expect(seen).toEqual([['POST /v1/auth/register', 'solved-challenge']]);
    } finally {
      recorder.close();
    }
  });
});

describe('npm run dev', () => {
  it("emails links to the port the dev server listens on (not wrangler.toml's default)", async () => {
    const email = `port-check-${Date.now()}@example.com`;
    const res = await fetch(`${dev.base}/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: `pw-${crypto.randomUUID()}`, organization_name: 'Port check' }),
    });
    expect(res.status).toBe(201);
    // The verification email goes through the local queue, then prints to the dev server's console.
    const deadline = Date.now() + 20_000;
    while (!dev.output().includes(`to: ${email}`) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    const printed = dev.output().slice(dev.output().indexOf(`to: ${email}`));
    expect(printed).toMatch(new RegExp(`http://localhost:${dev.port}/verify-email#token=`));
  });
});
