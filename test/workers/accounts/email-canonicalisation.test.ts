// One mailbox, one account: an address is canonicalised (trim, NFC, lower-case, IDNA domain in its ASCII
// form, no trailing root dot) everywhere an email is accepted, so `x@bücher.example`, `x@xn--bcher-kva.example`
// and `x@bücher.example.` can never be separate accounts (nor be used to reach one another's flows).
import { describe, expect, it } from 'vitest';
import { normalizeEmail } from '../../../src/lib/email.ts';
import { codeIn, expectError, flowEnv, json, lastMailTo, mails, PASSWORD } from '../support/index.ts';

const local = () => `x-${crypto.randomUUID().slice(0, 8)}`;

describe('email canonicalisation', () => {
  it('normalises the domain to its ASCII form without a trailing dot, and leaves what is not a host alone', () => {
    expect(normalizeEmail(' X@Bücher.Example ')).toBe('x@xn--bcher-kva.example');
    expect(normalizeEmail('x@xn--bcher-kva.example.')).toBe('x@xn--bcher-kva.example');
    expect(normalizeEmail('x@example.com.')).toBe('x@example.com');
    expect(normalizeEmail('x@ＥＸＡＭＰＬＥ.com')).toBe('x@example.com');
    // A port or path is not silently dropped (the URL parser would): the address stays invalid.
    expect(normalizeEmail('x@example.com:80')).toBe('x@example.com:80');
  });

  it('register, login, forgot password and email codes treat every spelling as one account', async () => {
    const flow = flowEnv();
    const name = local();
    const canonical = `${name}@xn--bcher-kva.example`;
    const res = await flow.call('/v1/auth/register', { method: 'POST', json: { email: `${name}@bücher.example`, password: PASSWORD } });
    expect((await json<{ user: { email: string } }>(res, 201)).user.email).toBe(canonical);
    for (const variant of [canonical, `${name}@bücher.example.`, `${name.toUpperCase()}@XN--BCHER-KVA.EXAMPLE.`]) {
      await expectError(
        await flow.call('/v1/auth/register', { method: 'POST', json: { email: variant, password: PASSWORD } }),
        409,
        'email_taken',
      );
    }
    expect((await flow.login(`${name}@bücher.example.`)).status).toBe(200);
    expect((await flow.login(canonical)).status).toBe(200);

    await flow.call('/v1/auth/password/forgot', { method: 'POST', json: { email: `${name}@BÜCHER.example.` } });
    await flow.call('/v1/auth/email-otp/request', { method: 'POST', json: { email: `${name}@bücher.example.` } });
    await flow.settle();
    expect(mails(canonical, 'password_reset')).toHaveLength(1);
    const verify = await flow.call('/v1/auth/email-otp/verify', {
      method: 'POST',
      json: { email: `${name}@bücher.example`, code: codeIn(canonical) },
    });
    expect(verify.status).toBe(200);
  });

  it('a trailing root dot is the same address', async () => {
    const flow = flowEnv();
    const { email } = await flow.register(`${local()}@example.com`);
    await expectError(
      await flow.call('/v1/auth/register', { method: 'POST', json: { email: `${email}.`, password: PASSWORD } }),
      409,
      'email_taken',
    );
    expect((await flow.login(`${email}.`)).status).toBe(200);
  });

  it('email change and invitations resolve a spelling to the account that owns the mailbox', async () => {
    const flow = flowEnv();
    const name = local();
    const owner = await flow.register(`${name}@xn--bcher-kva.example`);
    const other = await flow.register();
    await json(await flow.call('/v1/auth/me', { method: 'PATCH', cookie: other.cookie, json: { email: `${name}@bücher.example.` } }));
    // Told the address is in use (at the canonical mailbox); no second account's link goes anywhere.
    expect(lastMailTo(owner.email)).toMatchObject({ tag: 'email_change_in_use' });

    const { organization } = await json<{ organization: { id: string } }>(
      await flow.call('/v1/auth/organizations', { method: 'POST', cookie: other.cookie, json: { name: 'Umlauts' } }),
      201,
    );
    const invited = await json<{ invitation: { email: string } }>(
      await flow.call(`/v1/auth/organizations/${organization.id}/invitations`, {
        method: 'POST',
        cookie: other.cookie,
        json: { email: `${name}@BÜCHER.example.` },
      }),
      201,
    );
    expect(invited.invitation.email).toBe(owner.email);
    expect(lastMailTo(owner.email)).toMatchObject({ tag: 'organization_invitation' });
  });
});
