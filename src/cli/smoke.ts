// `identsphere smoke <base-url>`: the production checklist's smoke test — register, session, logout,
// session 401 — with a fresh address each run, as curl would do it (no Origin, cookie jar by hand).
import { randomBytes } from 'node:crypto';

export interface SmokeStep {
  name: string;
  ok: boolean;
  detail: string;
}

export async function smoke(baseUrl: string, fetchImpl: typeof fetch = fetch): Promise<SmokeStep[]> {
  const base = baseUrl.replace(/\/+$/, '');
  const email = `smoke+${randomBytes(6).toString('hex')}@example.com`;
  const steps: SmokeStep[] = [];
  let cookie = '';
  const step = async (name: string, expected: number, init: RequestInit & { path: string }) => {
    const { path, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (cookie) headers.set('cookie', cookie);
    try {
      const res = await fetchImpl(base + path, { ...rest, headers, redirect: 'manual' });
      const setCookie = res.headers.getSetCookie().find((c) => /identsphere_session=/.test(c));
      if (setCookie) cookie = setCookie.split(';')[0]!;
      const body = await res.text();
      steps.push({ name, ok: res.status === expected, detail: `${res.status} (expected ${expected}) ${body.slice(0, 160)}` });
      return res.status === expected;
    } catch (err) {
      steps.push({ name, ok: false, detail: `request failed: ${(err as Error).message}` });
      return false;
    }
  };
  const cookieSet = () => {
    if (!cookie) steps.push({ name: 'session cookie set', ok: false, detail: 'register answered without Set-Cookie' });
    return cookie !== '';
  };
  (await step('register', 201, {
    path: '/v1/auth/register',
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'smoke-test-password', organization_name: 'Smoke' }),
  })) &&
    cookieSet() &&
    (await step('session', 200, { path: '/v1/auth/session' })) &&
    (await step('logout', 204, { path: '/v1/auth/logout', method: 'POST' })) &&
    (await step('session after logout', 401, { path: '/v1/auth/session' }));
  return steps;
}
