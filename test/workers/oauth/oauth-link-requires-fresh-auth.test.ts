// Linking a provider identity adds a way into the account, so it needs the same fresh authentication as adding
// a passkey: a session signed in within 5 minutes, or the password re-entered (POST …/link). An older session
// alone cannot attach an identity (the browser flow lands on ?error=reauthentication_required).
import { describe, expect, it } from 'vitest';
import type { Env } from '../../../src/platform/config.ts';
import {
  APP,
  call,
  callback,
  cookieFrom,
  cookies,
  expectError,
  FLOW_COOKIE,
  landing,
  oauthEnv,
  PASSWORD,
  registerUser,
  sql,
  startFlow,
} from '../support/index.ts';

const STALE = 6 * 60 * 1000;

function link(cookie: string, body: unknown, env: Env) {
  return call('/v1/auth/oauth/google/link', { method: 'POST', cookie, json: body, env });
}

describe('OAuth linking requires fresh authentication', () => {
  it('GET /start from a session older than 5 minutes redirects with ?error=reauthentication_required; no flow starts', async () => {
    const { env, clock } = oauthEnv();
    const reg = await registerUser(undefined, undefined, env);
    clock.advance(STALE);
    const res = await call(`/v1/auth/oauth/google/start?redirect_to=${encodeURIComponent(`${APP}/settings`)}`, {
      cookie: reg.cookie,
      redirect: 'manual',
      env,
    });
    expect(res.status).toBe(302);
    const url = new URL(res.headers.get('location')!);
    expect(url.origin + url.pathname).toBe(`${APP}/settings`);
    expect(url.searchParams.get('error')).toBe('reauthentication_required');
    expect(cookieFrom(res, FLOW_COOKIE)).toBeNull();
    expect(await sql('select 1 from $schema.oauth_flows where link_user_id = $1', [reg.user.id])).toHaveLength(0);
  });

  it('POST /link from an older session needs the password: none or a wrong one is 403, the right one links', async () => {
    const { env, clock, google } = oauthEnv();
    const reg = await registerUser(undefined, undefined, env);
    clock.advance(STALE);
    await expectError(await link(reg.cookie, {}, env), 403, 'reauthentication_required');
    await expectError(await link(reg.cookie, { password: 'not my password' }, env), 403, 'reauthentication_required');
    expect(
      await sql("select 1 from $schema.audit_logs where user_id = $1 and event = 'password.reentry_failed'", [reg.user.id]),
    ).toHaveLength(1);

    const res = await link(reg.cookie, { password: PASSWORD, redirect_to: `${APP}/settings` }, env);
    expect(res.status).toBe(200);
    const flowCookie = cookieFrom(res, FLOW_COOKIE);
    const { authorization_url } = (await res.json()) as { authorization_url: string };
    const back = google.authorize(authorization_url, { sub: `g-${crypto.randomUUID()}` });
    const done = await callback('google', back, { env, cookie: cookies(flowCookie, reg.cookie) });
    expect(landing(done).url.searchParams.get('linked')).toBe('google');
    expect(await sql('select 1 from $schema.identities where user_id = $1', [reg.user.id])).toHaveLength(1);
  });

  it('a session signed in within 5 minutes links without a password, by either route', async () => {
    const { env, google } = oauthEnv();
    const reg = await registerUser(undefined, undefined, env);
    const flow = await startFlow('google', { env, cookie: reg.cookie });
    const done = await callback('google', google.authorize(flow.location, { sub: `g-${crypto.randomUUID()}` }), {
      env,
      cookie: cookies(flow.flowCookie, reg.cookie),
    });
    expect(landing(done).url.searchParams.get('linked')).toBe('google');
    const res = await call('/v1/auth/oauth/google/link', { method: 'POST', cookie: reg.cookie, env });
    expect(res.status).toBe(200);
    expect(cookieFrom(res, FLOW_COOKIE)).not.toBeNull();
  });
});
