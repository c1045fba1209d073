// The simulated distance to the database: every POST /sql answer waits `delayMs` (option, NEON_LOCAL_DELAY_MS,
// or changed while running), once per request — a batch pays it once, as one HTTP round trip to Neon does.
import { afterEach, describe, expect, it } from 'vitest';
import { type NeonLocal, startNeonLocal } from '../src/server.ts';

const HEADERS = { 'Neon-Connection-String': 'postgresql://user:pass@localhost/db' };

async function timedPost(local: NeonLocal, body: unknown): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  const res = await fetch(local.url, { method: 'POST', headers: HEADERS, body: JSON.stringify(body) });
  await res.arrayBuffer();
  return { ms: performance.now() - started, status: res.status };
}

describe('neon-local delayMs', () => {
  let local: NeonLocal | undefined;
  afterEach(async () => {
    await local?.close();
    local = undefined;
    delete process.env.NEON_LOCAL_DELAY_MS;
  });

  it('delays every request by the setting, a batch once, and can be changed while running', async () => {
    local = await startNeonLocal({ delayMs: 150 });
    await timedPost(local, { query: 'select 1' }); // PGlite's first query warms up: not timed
    const single = await timedPost(local, { query: 'select 1' });
    expect(single.status).toBe(200);
    expect(single.ms).toBeGreaterThanOrEqual(149);
    const batch = await timedPost(local, { queries: [{ query: 'select 1' }, { query: 'select 2' }, { query: 'select 3' }] });
    expect(batch.status).toBe(200);
    expect(batch.ms).toBeGreaterThanOrEqual(149);
    expect(batch.ms).toBeLessThan(2 * 150);

    local.delayMs = 0;
    const near = await timedPost(local, { query: 'select 1' });
    expect(near.ms).toBeLessThan(140);
    expect(() => {
      local!.delayMs = -1;
    }).toThrow(/invalid delay/);
  });

  it('reads NEON_LOCAL_DELAY_MS when the option is absent', async () => {
    process.env.NEON_LOCAL_DELAY_MS = '120';
    local = await startNeonLocal();
    expect(local.delayMs).toBe(120);
    await timedPost(local, { query: 'select 1' });
    expect((await timedPost(local, { query: 'select 1' })).ms).toBeGreaterThanOrEqual(119);
  });

  it('adds nothing by default', async () => {
    local = await startNeonLocal();
    expect(local.delayMs).toBe(0);
  });

  it('refuses a negative or non-numeric setting', async () => {
    await expect(startNeonLocal({ delayMs: -5 })).rejects.toThrow(/invalid delay/);
    process.env.NEON_LOCAL_DELAY_MS = 'far';
    await expect(startNeonLocal()).rejects.toThrow(/invalid delay/);
  });
});
