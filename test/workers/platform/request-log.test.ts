// One request log line per request: valid JSON with a fixed set of keys (built by hand for speed, so proven
// here to parse whatever the request brings), and IDENTSPHERE_LOG_SAMPLE_SESSION_CHECKS, which may thin out
// successful session checks only — never errors, refusals or other routes.
import { describe, expect, it, vi } from 'vitest';
import { pathOf, requestIdFrom, requestLogLine } from '../../../src/http/middleware/request-log.ts';
import { parseConfig } from '../../../src/platform/config.ts';
import { BASE, call, callWithEnv, envWith, registerUser, testEnv } from '../support/index.ts';

function captureRequestLines(): () => Record<string, unknown>[] {
  const spies = (['log', 'error'] as const).map((level) => vi.spyOn(console, level).mockImplementation(() => {}));
  return () =>
    spies
      .flatMap((spy) => spy.mock.calls.map((args) => String(args[0])))
      .filter((line) => line.includes('"msg":"request"'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
}

const KEYS = ['level', 'msg', 'time', 'request_id', 'method', 'route', 'path', 'status', 'duration_ms', 'user_id'];

describe('request log line', () => {
  it('is one JSON object per request, with the request id, route pattern and encoded path', async () => {
    const lines = captureRequestLines();
    const path = '/v1/nope/"quoted"/é/%22/a\\b?x="1"#frag';
    const res = await call(path, { headers: { 'x-request-id': 'client:id.with-odd_chars' } });
    expect(res.status).toBe(404);
    const [line, ...more] = lines();
    expect(more).toEqual([]);
    expect(Object.keys(line!)).toEqual(KEYS);
    expect(line).toMatchObject({
      level: 'info',
      msg: 'request',
      request_id: 'client:id.with-odd_chars',
      method: 'GET',
      route: 'unmatched',
      path: new URL(BASE + path).pathname,
      status: 404,
      user_id: null,
    });
    expect(new Date(line!.time as string).toISOString()).toBe(line!.time);
    expect(line!.duration_ms).toBeGreaterThanOrEqual(0);
  });

  it('parses for any method, route, path and user id, and equals what JSON.stringify writes', () => {
    for (const odd of ['plain', 'quote " backslash \\ newline \n tab \t', '\u0000\u001f\u2028\u2029', 'é 🙂 \ud800']) {
      const fields = { requestId: crypto.randomUUID(), method: odd, route: odd, path: odd, status: 503, durationMs: 12, userId: odd };
      const line = requestLogLine('error', fields);
      const parsed = JSON.parse(line) as Record<string, unknown>;
      expect(line).toBe(
        JSON.stringify({
          level: 'error',
          msg: 'request',
          time: parsed.time,
          request_id: fields.requestId,
          method: odd,
          route: odd,
          path: odd,
          status: 503,
          duration_ms: 12,
          user_id: odd,
        }),
      );
    }
    expect(
      JSON.parse(
        requestLogLine('info', {
          requestId: 'r'.repeat(8),
          method: 'GET',
          route: '/',
          path: '/',
          status: 200,
          durationMs: 0,
          userId: undefined,
        }),
      ).user_id,
    ).toBeNull();
  });

  it('takes the path as the URL parser serialises it', () => {
    for (const url of [
      'http://localhost:8787/',
      'http://localhost:8787/v1/health?x=1',
      'http://localhost:8787/v1/a%2Fb/%22?q=/x#h',
      'https://auth.example.com/v1/x#frag?not-query',
      'http://[::1]:8787/v1/x?y',
      'http://user:pass@host.example/p/q',
      'http://localhost:8787/"é"/a b',
      'http://localhost:8787',
    ]) {
      const serialised = new Request(url).url;
      expect(pathOf(serialised)).toBe(new URL(serialised).pathname);
    }
  });

  it("echoes a client's request id only if it is 8 to 128 of [A-Za-z0-9._:-]", () => {
    const wellFormed = /^[A-Za-z0-9._:-]{8,128}$/;
    const candidates = [
      'abcdefgh',
      'ABC-def_0.9:z',
      'x'.repeat(128),
      'x'.repeat(129),
      'short',
      'with space1',
      'slash/../x',
      'plus+sign+',
      'ünïcode-id',
      'tab\tinside',
      'semi;colon;',
      '',
      '12345678',
    ];
    for (const id of candidates) {
      const echoed = requestIdFrom(id);
      if (wellFormed.test(id)) expect(echoed).toBe(id);
      else expect(echoed).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    expect(requestIdFrom(null)).not.toBe(requestIdFrom(null));
  });

  it('an error line is printed with console.error and level error', async () => {
    const lines = captureRequestLines();
    const env = envWith({ IDENTSPHERE_DATABASE_TIMEOUT_MS: '0' }); // misconfigured: every request is 503
    const res = await callWithEnv(env, '/v1/health');
    expect(res.status).toBe(503);
    expect(lines()).toMatchObject([{ level: 'error', status: 503, route: '/v1/health', request_id: res.headers.get('x-request-id') }]);
  });
});

describe('IDENTSPHERE_LOG_SAMPLE_SESSION_CHECKS', () => {
  it('by default every line is kept, successful session checks included', async () => {
    const { cookie } = await registerUser();
    const lines = captureRequestLines();
    const res = await call('/v1/auth/session', { cookie });
    expect(res.status).toBe(200);
    expect(lines()).toMatchObject([{ route: '/v1/auth/session', status: 200, request_id: res.headers.get('x-request-id') }]);
  });

  it('at 0 drops successful session-check lines only: a refused check and every other route still log', async () => {
    const env = envWith({ IDENTSPHERE_LOG_SAMPLE_SESSION_CHECKS: '0' });
    const { cookie } = await registerUser();
    const lines = captureRequestLines();
    const ok = await callWithEnv(env, new Request(`${BASE}/v1/auth/session`, { headers: { cookie } }));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/); // the client still gets its request id
    const refused = await callWithEnv(env, '/v1/auth/session');
    expect(refused.status).toBe(401);
    const health = await callWithEnv(env, '/v1/health');
    expect(lines()).toMatchObject([
      { route: '/v1/auth/session', status: 401, request_id: refused.headers.get('x-request-id') },
      { route: '/v1/health', status: 200, request_id: health.headers.get('x-request-id') },
    ]);
  });

  it('is a fraction from 0 to 1 (default 1)', () => {
    const rate = (value?: string) => {
      const parsed = parseConfig(value === undefined ? testEnv : { ...testEnv, IDENTSPHERE_LOG_SAMPLE_SESSION_CHECKS: value });
      return parsed.ok ? parsed.config.IDENTSPHERE_LOG_SAMPLE_SESSION_CHECKS : parsed.problems.map((p) => p.setting);
    };
    expect(rate()).toBe(1);
    expect(rate('0.05')).toBe(0.05);
    expect(rate('0')).toBe(0);
    expect(rate('1.5')).toEqual(['IDENTSPHERE_LOG_SAMPLE_SESSION_CHECKS']);
    expect(rate('-0.1')).toEqual(['IDENTSPHERE_LOG_SAMPLE_SESSION_CHECKS']);
    expect(rate('often')).toEqual(['IDENTSPHERE_LOG_SAMPLE_SESSION_CHECKS']);
  });
});
