// Security requirement 22: a new identity signs into an existing account only when the provider asserts the
// email verified. Anything less (unverified, unasserted) is refused with ?error=oauth_account_exists: no
// session, no identity, audited; the owner can then sign in and link explicitly. (A verified provider email
// on an account whose own address was never verified is a takeover by the mailbox owner: see
// account-pre-hijacking-oauth.)
import { describe, expect, it } from 'vitest';
import { call, callback, cookies, landing, oauthEnv, registerUser, sql, startFlow } from '../support/index.ts';

async function verifiedAccount(env: ReturnType<typeof oauthEnv>['env']) {
  const reg = await registerUser(undefined, undefined, env);
  await sql('update $schema.users set email_verified_at = now() where id = $1', [reg.user.id]);
  return reg;
}

async function expectRefused(res: Response, userId: string) {
  expect(landing(res)).toMatchObject({ error: 'oauth_account_exists', session: null });
  expect(await sql('select 1 from $schema.identities where user_id = $1', [userId])).toHaveLength(0);
  expect(await sql('select 1 from $schema.sessions where user_id = $1', [userId])).toHaveLength(1); // registration's only
}

describe('OAuth: an unverified email never auto-links', () => {
  it('Google with email_verified false, or without the claim, is refused for a verified account', async () => {
    const { env, google } = oauthEnv();
    const reg = await verifiedAccount(env);
    for (const profile of [{ email_verified: false }, {}]) {
      const flow = await startFlow('google', { env });
      const back = google.authorize(flow.location, { sub: `g-${crypto.randomUUID()}`, email: reg.email, ...profile });
      await expectRefused(await callback('google', back, { env, cookie: flow.flowCookie }), reg.user.id);
    }
    const audit = await sql<{ metadata: unknown }>(
      "select metadata from $schema.audit_logs where user_id = $1 and event = 'login.failed'",
      [reg.user.id],
    );
    expect(audit.map((a) => a.metadata)).toEqual([
      { method: 'oauth', provider: 'google', reason: 'oauth_account_exists' },
      { method: 'oauth', provider: 'google', reason: 'oauth_account_exists' },
    ]);
  });

  it('GitHub: an unverified primary email is refused', async () => {
    const { env, github } = oauthEnv();
    const reg = await verifiedAccount(env);
    const flow = await startFlow('github', { env });
    const back = github.authorize(flow.location, {
      id: Math.floor(Math.random() * 1e9),
      login: 'squatter',
      emails: [{ email: reg.email, primary: true, verified: false }],
    });
    await expectRefused(await callback('github', back, { env, cookie: flow.flowCookie }), reg.user.id);
  });

  it('after the refusal, the owner signs in and links the same identity explicitly', async () => {
    const { env, google } = oauthEnv();
    const reg = await verifiedAccount(env);
    const sub = `g-${crypto.randomUUID()}`;
    const first = await startFlow('google', { env });
    await expectRefused(
      await callback('google', google.authorize(first.location, { sub, email: reg.email, email_verified: false }), {
        env,
        cookie: first.flowCookie,
      }),
      reg.user.id,
    );
    const linking = await startFlow('google', { env, cookie: reg.cookie });
    const res = await callback('google', google.authorize(linking.location, { sub, email: reg.email, email_verified: false }), {
      env,
      cookie: cookies(linking.flowCookie, reg.cookie),
    });
    expect(landing(res)).toMatchObject({ error: null, session: null });
    const list = (await (await call('/v1/auth/identities', { env, cookie: reg.cookie })).json()) as { identities: { provider: string }[] };
    expect(list.identities.map((i) => i.provider)).toEqual(['google']);
  });
});
