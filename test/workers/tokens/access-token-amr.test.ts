// `amr` says how the session behind an access token was established (RFC 8176): an email code is `otp`, a
// password followed by a TOTP code is `pwd` + `otp` + `mfa`.
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import type { Env } from '../../../src/platform/config.ts';
import { call, challenge, codeIn, flowEnv, mfaToken, sessionCookie, totp, userWithTotp } from '../support/index.ts';

async function amrOf(cookie: string, env?: Env) {
  const res = await call('/v1/auth/token', { method: 'POST', cookie, env });
  expect(res.status).toBe(200);
  return decodeJwt(((await res.json()) as { access_token: string }).access_token).amr;
}

describe('amr of access tokens', () => {
  it('an email-code sign-in is otp', async () => {
    const flow = flowEnv();
    const { email } = await flow.register();
    expect((await flow.call('/v1/auth/email-otp/request', { method: 'POST', json: { email } })).status).toBe(202);
    await flow.settle();
    const res = await flow.call('/v1/auth/email-otp/verify', { method: 'POST', json: { email, code: codeIn(email) } });
    expect(res.status).toBe(200);
    expect(await amrOf(sessionCookie(res), flow.env)).toEqual(['otp']);
  });

  it('a password sign-in finished with a TOTP code is pwd, otp and mfa', async () => {
    const { email, secret } = await userWithTotp();
    const token = await mfaToken(email);
    const res = await challenge({ mfa_token: token, code: await totp(secret) });
    expect(res.status).toBe(200);
    expect(await amrOf(sessionCookie(res))).toEqual(['pwd', 'otp', 'mfa']);
  });
});
