// `npm run dev` on a fresh data directory, then `identsphere smoke` against it: the production checklist's
// smoke test (register, session, logout, session 401) passing end to end through wrangler dev.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, startDevServer } from './cli-support.ts';

let BASE = '';
let stop = () => {};

beforeAll(async () => {
  ({ base: BASE, stop } = await startDevServer());
}, 120_000);

afterAll(() => stop());

describe('identsphere smoke against npm run dev', () => {
  it('passes all four steps and exits 0', async () => {
    const res = await cli(['smoke', BASE]);
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
