// One Analytics Engine data point per request, keyed by route pattern, with status, duration and country:
// the operator's alerts (p95 login latency, 5xx rate, 401 rate on login, 429 rate on mfa/challenge) are
// computed from these. The dataset is Cloudflare's: faked here at its boundary (writeDataPoint).
import { describe, expect, it } from 'vitest';
import { call, callWithEnv, randomIp, registerUser, testEnv } from '../support/index.ts';

function fakeDataset() {
  const points: AnalyticsEngineDataPoint[] = [];
  const dataset = { writeDataPoint: (p?: AnalyticsEngineDataPoint) => void points.push(p!) } as AnalyticsEngineDataset;
  return { points, env: { ...testEnv, METRICS: dataset } };
}

describe('request metrics', () => {
  it('records route pattern, method, country, status and duration for every request', async () => {
    const { points, env } = fakeDataset();
    const { cookie } = await registerUser();
    await call('/v1/auth/session', { cookie, env });
    await call('/v1/auth/login', {
      method: 'POST',
      json: { email: 'nobody@example.com', password: 'wrong password' },
      env,
      ip: randomIp(),
    });
    const ids = await call('/v1/auth/sessions/00000000-0000-0000-0000-000000000000', { method: 'DELETE', cookie, env });
    expect(ids.status).toBe(404);
    await call('/v1/nope', { env });
    expect(points.map((p) => [p.blobs?.[0], p.blobs?.[1], p.doubles?.[0]])).toEqual([
      ['/v1/auth/session', 'GET', 200],
      ['/v1/auth/login', 'POST', 401],
      ['/v1/auth/sessions/:id', 'DELETE', 404],
      ['unmatched', 'GET', 404],
    ]);
    for (const p of points) {
      expect(p.doubles?.[1]).toBeGreaterThanOrEqual(0);
      expect(typeof p.blobs?.[2]).toBe('string');
      expect(p.indexes?.[0]).toBe(p.blobs?.[0]);
    }
  });

  it("takes the country from the edge's cf-ipcountry header, then request.cf, and never an arbitrary string", async () => {
    const { points, env } = fakeDataset();
    const countries: [HeadersInit, unknown][] = [
      [{ 'cf-ipcountry': 'DE' }, undefined],
      [{ 'cf-ipcountry': 'T1' }, { country: 'FR' }],
      [{}, { country: 'FR' }],
      [{ 'cf-ipcountry': 'Germany' }, { country: 'NL' }],
      [{ 'cf-ipcountry': '<script>' }, undefined],
      [{}, { country: 'not a code' }],
      [{}, undefined],
    ];
    for (const [headers, cf] of countries) {
      const request = new Request('http://localhost:8787/v1/health', { headers, ...(cf ? { cf } : {}) } as RequestInit);
      expect((await callWithEnv(env, request)).status).toBe(200);
    }
    expect(points.map((p) => p.blobs?.[2])).toEqual(['DE', 'T1', 'FR', 'NL', 'XX', 'XX', 'XX']);
  });
});
