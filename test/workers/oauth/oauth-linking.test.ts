// Explicit linking (starting a flow while signed in): only to the user who started it, only while that session
// lives, and never stealing an identity that belongs to another account.
import { describe, expect, it } from 'vitest';
import { call, callback, cookies, landing, oauthEnv, registerUser, sql, startFlow, uniqueEmail } from '../support/index.ts';

describe('OAuth linking', () => {
  it('links to the signed-in user even with a different email; audited as identity.linked', async () => {
    const { env, google } = oauthEnv();
    const reg = await registerUser(undefined, undefined, env);
    const flow = await startFlow('google', { env, cookie: reg.cookie });
    const back = google.authorize(flow.location, {
      sub: `g-${crypto.randomUUID()}`,
      email: uniqueEmail('elsewhere'),
      email_verified: true,
    });
    const res = await callback('google', back, { env, cookie: cookies(flow.flowCookie, reg.cookie) });
    expect(landing(res)).toMatchObject({ error: null, session: null });
    expect(landing(res).url.searchParams.get('linked')).toBe('google');
    const audit = await sql<{ metadata: unknown }>(
      "select metadata from $schema.audit_logs where user_id = $1 and event = 'identity.linked'",
      [reg.user.id],
    );
    expect(audit.map((a) => a.metadata)).toEqual([{ provider: 'google', by: 'signed_in_user' }]);
  });

  it('an identity already linked to another account is refused with ?error=identity_in_use', async () => {
    const { env, google } = oauthEnv();
    const sub = `g-${crypto.randomUUID()}`;
    const owner = await startFlow('google', { env });
    landing(
      await callback('google', google.authorize(owner.location, { sub, email: uniqueEmail('owner'), email_verified: true }), {
        env,
        cookie: owner.flowCookie,
      }),
    );
    const other = await registerUser(undefined, undefined, env);
    const flow = await startFlow('google', { env, cookie: other.cookie });
    const res = await callback('google', google.authorize(flow.location, { sub }), { env, cookie: cookies(flow.flowCookie, other.cookie) });
    expect(landing(res)).toMatchObject({ error: 'identity_in_use', session: null });
    expect(await sql('select 1 from $schema.identities where user_id = $1', [other.user.id])).toHaveLength(0);
  });

  it('a linking flow is not completed without the same live session (signed out meanwhile): ?error=unauthorized', async () => {
    const { env, google } = oauthEnv();
    const reg = await registerUser(undefined, undefined, env);
    const flow = await startFlow('google', { env, cookie: reg.cookie });
    const back = google.authorize(flow.location, { sub: `g-${crypto.randomUUID()}`, email: reg.email, email_verified: true });
    await call('/v1/auth/logout', { env, method: 'POST', cookie: reg.cookie });
    const res = await callback('google', back, { env, cookie: cookies(flow.flowCookie, reg.cookie) });
    // Not a link, and not a sign-in either: the flow was a linking flow for that user only.
    expect(landing(res)).toMatchObject({ error: 'unauthorized', session: null });
    expect(await sql('select 1 from $schema.identities where user_id = $1', [reg.user.id])).toHaveLength(0);
  });
});
