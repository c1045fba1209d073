// `identsphere smoke <base-url> [--keep]`: the production checklist's smoke test — register, session, logout,
// session 401 — with a fresh account each run, as curl would do it (no Origin, cookie jar by hand). Then the
// account is deleted through the public API as that user (sign in, DELETE /v1/auth/me with the password), so a
// production smoke run leaves nothing behind; --keep leaves it for a person to look at.
// A deployment with IDENTSPHERE_COOKIE_SAMESITE=none refuses state-changing requests without an allow-listed
// Origin (--origin sends one); one with Turnstile on refuses the register without a solved challenge
// (--turnstile-token; a token works once).
import { randomBytes } from 'node:crypto';

export interface SmokeStep {
  name: string;
  ok: boolean;
  detail: string;
}

export interface SmokeCleanup {
  /** none: no account was created; kept: --keep; deleted / failed: the deletion's outcome. */
  status: 'none' | 'kept' | 'deleted' | 'failed';
  detail: string;
}

export interface SmokeResult {
  email: string;
  ok: boolean;
  steps: SmokeStep[];
  cleanup: SmokeCleanup;
}

/**
 * The address is under .invalid (RFC 2606 §2: a name that can never resolve), so no mail can reach anyone,
 * and the Worker hands no mail for .invalid to its provider at all (src/platform/adapters/email-providers.ts):
 * the verification email of every smoke run neither bounces nor counts against the sender's reputation.
 */
export function smokeEmail(): string {
  return `smoke+${randomBytes(6).toString('hex')}@identsphere-smoke.invalid`;
}

export interface SmokeOptions {
  keep?: boolean;
  /** Sent as Origin on every request (a frontend origin the deployment allows). */
  origin?: string;
  /** Sent as cf-turnstile-response on the register. */
  turnstileToken?: string;
  fetchImpl?: typeof fetch;
}

export async function smoke(baseUrl: string, opts: SmokeOptions = {}): Promise<SmokeResult> {
  const fetchImpl = opts.fetchImpl ?? fetch;
  const base = baseUrl.replace(/\/+$/, '');
  const email = smokeEmail();
  // Random, so that no breached-password check refuses it and nobody can guess it while the account lives.
  const password = `smoke-${randomBytes(16).toString('hex')}`;
  const steps: SmokeStep[] = [];
  let cookie = '';
  const request = async (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (cookie) headers.set('cookie', cookie);
    if (init.body) headers.set('content-type', 'application/json');
    if (opts.origin) headers.set('origin', opts.origin);
    const res = await fetchImpl(base + path, { ...init, headers, redirect: 'manual' });
    const setCookie = res.headers.getSetCookie().find((c) => /identsphere_session=/.test(c));
    if (setCookie) cookie = setCookie.split(';')[0]!;
    return { status: res.status, body: (await res.text()).slice(0, 160) };
  };
  const step = async (name: string, expected: number, path: string, init?: RequestInit) => {
    try {
      const { status, body } = await request(path, init);
      steps.push({ name, ok: status === expected, detail: `${status} (expected ${expected}) ${body}` });
      return status === expected;
    } catch (err) {
      steps.push({ name, ok: false, detail: `request failed: ${(err as Error).message}` });
      return false;
    }
  };
  const cookieSet = () => {
    if (!cookie) steps.push({ name: 'session cookie set', ok: false, detail: 'register answered without Set-Cookie' });
    return cookie !== '';
  };
  const registered = await step('register', 201, '/v1/auth/register', {
    method: 'POST',
    body: JSON.stringify({ email, password, organization_name: 'Smoke' }),
    headers: opts.turnstileToken ? { 'cf-turnstile-response': opts.turnstileToken } : {},
  });
  if (registered && cookieSet()) {
    (await step('session', 200, '/v1/auth/session')) &&
      (await step('logout', 204, '/v1/auth/logout', { method: 'POST' })) &&
      (await step('session after logout', 401, '/v1/auth/session'));
  }
  const ok = steps.length === 4 && steps.every((s) => s.ok);
  let cleanup: SmokeCleanup;
  if (!registered) cleanup = { status: 'none', detail: 'no account was created' };
  else if (opts.keep) cleanup = { status: 'kept', detail: `${email} kept (--keep): identsphere users delete ${email} --yes removes it` };
  else cleanup = await deleteAccount(request, email, password);
  return { email, ok, steps, cleanup };
}

type Request = (path: string, init?: RequestInit) => Promise<{ status: number; body: string }>;

/** Signs in afresh (the smoke run signed out) and deletes the account as its owner would. */
async function deleteAccount(request: Request, email: string, password: string): Promise<SmokeCleanup> {
  try {
    const login = await request('/v1/auth/login', { method: 'POST', body: JSON.stringify({ email, password }) });
    if (login.status !== 200) return { status: 'failed', detail: `${email} not deleted: sign-in answered ${login.status} ${login.body}` };
    const deleted = await request('/v1/auth/me', { method: 'DELETE', body: JSON.stringify({ password }) });
    if (deleted.status !== 204)
      return { status: 'failed', detail: `${email} not deleted: DELETE /v1/auth/me answered ${deleted.status} ${deleted.body}` };
    return { status: 'deleted', detail: `${email} deleted` };
  } catch (err) {
    return { status: 'failed', detail: `${email} not deleted: request failed: ${(err as Error).message}` };
  }
}
