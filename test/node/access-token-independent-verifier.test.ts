// An independent verifier: plain `jose` in Node, outside the Worker and its code, accepts IdentSphere's access
// tokens knowing only the JWKS URL. The real stack runs as `npm run dev` does (scripts/dev.ts: the local Neon
// endpoint on PGlite, then wrangler dev).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = new URL('../../', import.meta.url).pathname;
// A free port, not a fixed one: the bench and cli-smoke use 8797-8799.
let BASE = '';
let dev: ChildProcess;
let output = '';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  const port = await freePort();
  const inspectorPort = await freePort();
  BASE = `http://127.0.0.1:${port}`;
  dev = spawn(
    process.execPath,
    [
      join(repo, 'scripts/dev.ts'),
      // The tokens' `iss` is the public base URL: the address this test reaches the Worker at.
      '--var',
      `IDENTSPHERE_PUBLIC_BASE_URL:${BASE}`,
      '--inspector-port',
      String(inspectorPort),
    ],
    {
      cwd: repo,
      detached: true,
      env: {
        ...process.env,
        PORT: String(port),
        IDENTSPHERE_DEV_DB_PORT: '0',
        IDENTSPHERE_DEV_DATA_DIR: mkdtempSync(join(tmpdir(), 'verifier-pglite-')),
      },
    },
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`dev server did not start:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/Ready on http/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    dev.stdout!.on('data', onData);
    dev.stderr!.on('data', onData);
    dev.on('exit', (code) => reject(new Error(`dev server exited (${code}):\n${output}`)));
  });
}, 120_000);

afterAll(() => {
  if (dev?.pid) process.kill(-dev.pid, 'SIGTERM');
});

describe('an access token from the running Worker', () => {
  it('verifies with plain jose and the JWKS URL alone', async () => {
    const email = `verifier-${Date.now()}@example.com`;
    const registered = await fetch(`${BASE}/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'verifier-test-password', organization_name: 'Verifier' }),
    });
    expect(registered.status).toBe(201);
    const user = ((await registered.json()) as { user: { id: string } }).user;
    const cookie = registered.headers
      .getSetCookie()
      .find((c) => c.startsWith('identsphere_session='))!
      .split(';')[0]!;

    const issued = await fetch(`${BASE}/v1/auth/token`, { method: 'POST', headers: { cookie } });
    expect(issued.status).toBe(200);
    const { access_token } = (await issued.json()) as { access_token: string };

    const jwks = createRemoteJWKSet(new URL('/.well-known/jwks.json', BASE));
    const { payload, protectedHeader } = await jwtVerify(access_token, jwks, {
      issuer: BASE,
      audience: BASE,
      algorithms: ['EdDSA'],
      typ: 'at+jwt',
    });
    expect(protectedHeader.kid).toBe(decodeProtectedHeader(access_token).kid);
    expect(payload).toMatchObject({ sub: user.id, email, email_verified: false, amr: ['pwd'] });
    expect(payload.org_id).toEqual(expect.any(String));

    // The same key set refuses a token whose payload was altered.
    const [header, , signature] = access_token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...payload, sub: crypto.randomUUID() })).toString('base64url');
    await expect(jwtVerify(`${header}.${forged}.${signature}`, jwks, { issuer: BASE, algorithms: ['EdDSA'] })).rejects.toThrow();
  });
});
