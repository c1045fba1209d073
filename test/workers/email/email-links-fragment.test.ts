// Every emailed secret (verification, reset, email change, invitation) rides in the link's fragment
// (#token=…), never its query string: a fragment is not sent to any server, so the token stays out of
// access logs, proxies and Referer headers. One link builder makes them all.
import { describe, expect, it } from 'vitest';
import { flowEnv, json, mailsTo, uniqueEmail } from '../support/index.ts';

describe('email links carry their token in the fragment only', () => {
  it('verification, reset, email-change and invitation links', async () => {
    const flow = flowEnv({ IDENTSPHERE_APP_URL: 'https://app.example.com/' });
    const owner = await flow.register();
    const newEmail = uniqueEmail('moved');
    const guest = uniqueEmail('guest');
    await flow.call('/v1/auth/password/forgot', { method: 'POST', json: { email: owner.email } });
    await json(await flow.call('/v1/auth/me', { method: 'PATCH', cookie: owner.cookie, json: { email: newEmail } }));
    const { organization } = await json<{ organization: { id: string } }>(
      await flow.call('/v1/auth/organizations', { method: 'POST', cookie: owner.cookie, json: { name: 'Fragments' } }),
      201,
    );
    await json(
      await flow.call(`/v1/auth/organizations/${organization.id}/invitations`, {
        method: 'POST',
        cookie: owner.cookie,
        json: { email: guest, role: 'member' },
      }),
      201,
    );
    await flow.settle();

    const sent = [owner.email, newEmail, guest].flatMap((to) => mailsTo(to));
    const linked = sent.filter((m) => /https?:\/\//.test(m.text));
    expect(linked.map((m) => m.tag).sort()).toEqual(['email_change_verify', 'organization_invitation', 'password_reset', 'verify_email']);
    for (const message of linked) {
      const links = [...(message.text + message.html).matchAll(/https?:\/\/[^\s"<]+/g)].map((m) => new URL(m[0]));
      expect(links.length).toBeGreaterThan(0);
      for (const link of links) {
        expect(link.origin).toBe('https://app.example.com');
        expect(link.search, `${message.tag}: ${link.href}`).toBe('');
        expect(link.hash, `${message.tag}: ${link.href}`).toMatch(/^#token=[A-Za-z0-9_-]{43}$/);
        expect(link.pathname).not.toContain(link.hash.slice('#token='.length));
        expect(link.pathname).not.toMatch(/\/\//);
      }
    }
  });
});
