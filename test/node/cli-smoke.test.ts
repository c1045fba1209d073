// `npm run dev` on a fresh data directory, then `identsphere smoke` against it: the production checklist's
// smoke test (register, session, logout, session 401) passing end to end through wrangler dev.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from './cli-support.ts';

const repo = new URL('../../', import.meta.url).pathname;
const PORT = 8799;
let dev: ChildProcess;
let output = '';

beforeAll(async () => {
  dev = spawn(process.execPath, [join(repo, 'scripts/dev.ts')], {
    cwd: repo,
    detached: true,
    env: {
      ...process.env,
      PORT: String(PORT),
      IDENTSPHERE_DEV_DB_PORT: '0',
      IDENTSPHERE_DEV_DATA_DIR: mkdtempSync(join(tmpdir(), 'smoke-pglite-')),
    },
  });
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

describe('identsphere smoke against npm run dev', () => {
  it('passes all four steps and exits 0', async () => {
    const res = await cli(['smoke', `http://127.0.0.1:${PORT}`]);
    expect(res.stdout).toMatch(/PASS {2}register — 201/);
    expect(res.stdout).toMatch(/PASS {2}session — 200/);
    expect(res.stdout).toMatch(/PASS {2}logout — 204/);
    expect(res.stdout).toMatch(/PASS {2}session after logout — 401/);
    expect(res.stdout).toMatch(/smoke test passed/);
    expect(res.code).toBe(0);
  });

  it('fails loudly (exit 1) against something that is not IdentSphere', async () => {
    const res = await cli(['smoke', 'http://127.0.0.1:9']);
    expect(res.code).toBe(1);
    expect(res.stdout).toMatch(/FAIL {2}register — request failed/);
  });
});
