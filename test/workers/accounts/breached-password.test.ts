// Security requirement 8 (breached passwords, optional): with IDENTSPHERE_BREACHED_PASSWORD_CHECK=true a
// known-breached password is refused (422 password_breached) at register, reset and change. Only a 5-hex
// SHA-1 prefix leaves the Worker (k-anonymity). If the service is down the password is allowed and a
// warning logged. The service is faked at the fetch boundary.

import { encodeHexUpperCase } from '@oslojs/encoding';
import { describe, expect, it, vi } from 'vitest';
import { noBreachCheck, PwnedPasswordsRangeCheck } from '../../../src/platform/adapters/breached-passwords.ts';
import { buildDeps } from '../../../src/platform/deps.ts';
import { envWith, expectError, fakeFetch, flowEnv, hangingFetch, tokenIn, uniqueEmail } from '../support/index.ts';

const BREACHED = 'password123456';

async function sha1(text: string): Promise<string> {
  return encodeHexUpperCase(new Uint8Array(await crypto.subtle.digest('SHA-1', new TextEncoder().encode(text))));
}

/** A fake range API that knows one breached password, among padding (count 0) and other suffixes. */
async function fakeRangeApi() {
  const digest = await sha1(BREACHED);
  return fakeFetch((request) => {
    const prefix = new URL(request.url).pathname.split('/').pop()!;
    const lines = ['0018A45C4D1DEF81644B54AB7F969B88D65:21', `${'F'.repeat(35)}:0`];
    if (prefix === digest.slice(0, 5)) lines.push(`${digest.slice(5)}:52579`);
    return new Response(lines.join('\r\n'), { headers: { 'content-type': 'text/plain' } });
  });
}

describe('breached-password check', () => {
  it('is off by default and on with IDENTSPHERE_BREACHED_PASSWORD_CHECK=true', () => {
    const off = buildDeps(envWith({}));
    const on = buildDeps(envWith({ IDENTSPHERE_BREACHED_PASSWORD_CHECK: 'true' }));
    expect(off.ok && off.deps.breachedPasswords).toBe(noBreachCheck);
    expect(on.ok && on.deps.breachedPasswords).toBeInstanceOf(PwnedPasswordsRangeCheck);
  });

  it('sends only the 5-character SHA-1 prefix, asks for padding, and ignores padding entries', async () => {
    const api = await fakeRangeApi();
    const check = new PwnedPasswordsRangeCheck({ fetch: api.fetch });
    expect(await check.isBreached(BREACHED)).toBe(true);
    expect(await check.isBreached('a long unguessable passphrase nobody used')).toBe(false);
    const digest = await sha1(BREACHED);
    expect(api.requests[0]).toMatchObject({ url: `https://api.pwnedpasswords.com/range/${digest.slice(0, 5)}`, method: 'GET' });
    expect(api.requests[0]!.headers['add-padding']).toBe('true');
    for (const r of api.requests) expect(r.url).not.toContain(digest.slice(5, 10));
    // A suffix listed with count 0 is padding, not a breach.
    const padded = fakeFetch(async () => new Response(`${(await sha1('padded one')).slice(5)}:0`));
    expect(await new PwnedPasswordsRangeCheck({ fetch: padded.fetch }).isBreached('padded one')).toBe(false);
  });

  it('refuses a breached password with 422 at register, reset and change; nothing is written', async () => {
    const breachedPasswords = new PwnedPasswordsRangeCheck({ fetch: (await fakeRangeApi()).fetch });
    const flow = flowEnv({ IDENTSPHERE_BREACHED_PASSWORD_CHECK: 'true' }, undefined, { breachedPasswords });

    const email = uniqueEmail('breach');
    await expectError(
      await flow.call('/v1/auth/register', { method: 'POST', json: { email, password: BREACHED } }),
      422,
      'password_breached',
    );
    const { password, cookie } = await flow.register(email);

    await flow.call('/v1/auth/password/forgot', { method: 'POST', json: { email } });
    await flow.settle();
    const token = tokenIn(email, 'password_reset');
    await expectError(
      await flow.call('/v1/auth/password/reset', { method: 'POST', json: { token, password: BREACHED } }),
      422,
      'password_breached',
    );
    await expectError(
      await flow.call('/v1/auth/password/change', { method: 'POST', cookie, json: { current_password: password, new_password: BREACHED } }),
      422,
      'password_breached',
    );
    // Nothing spent: the reset link and the old password still work.
    expect((await flow.login(email, password)).status).toBe(200);
    expect(
      (await flow.call('/v1/auth/password/reset', { method: 'POST', json: { token, password: 'a long fresh passphrase' } })).status,
    ).toBe(204);
  });

  it.each([
    ['HTTP 503', () => fakeFetch(() => new Response('unavailable', { status: 503 })).fetch],
    ['a timeout', () => hangingFetch()],
  ])('fails open on %s: the password is allowed and a warning logged', async (_name, makeFetch) => {
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const breachedPasswords = new PwnedPasswordsRangeCheck({ fetch: makeFetch(), timeoutMs: 50 });
    const flow = flowEnv({ IDENTSPHERE_BREACHED_PASSWORD_CHECK: 'true' }, undefined, { breachedPasswords });
    const res = await flow.call('/v1/auth/register', { method: 'POST', json: { email: uniqueEmail('open'), password: BREACHED } });
    expect(res.status).toBe(201);
    const logged = warnings.mock.calls.map((a) => String(a[0])).filter((l) => l.includes('breached-password check unavailable'));
    expect(logged).toHaveLength(1);
    expect(logged[0]).not.toContain(BREACHED);
  });
});
