// GET /v1/auth/identities and DELETE /v1/auth/identities/:id: list, unlink with audit, and never the last way
// to sign in — also when two unlinks race.
import { describe, expect, it } from 'vitest';
import { call, callback, cookies, expectError, landing, oauthEnv, registerUser, sql, startFlow, uniqueEmail } from '../support/index.ts';

type Ctx = ReturnType<typeof oauthEnv>;
interface IdentityList {
  identities: {
    id: string;
    provider: string;
    email: string | null;
    email_verified: boolean;
    created_at: string;
    last_used_at: string | null;
  }[];
}

/** A user who signed up with Google (no password) and then linked GitHub: two identities, no password. */
async function oauthOnlyUserWithTwoIdentities({ env, google, github }: Ctx) {
  const email = uniqueEmail('two-ids');
  const g = await startFlow('google', { env });
  const session = landing(
    await callback('google', google.authorize(g.location, { sub: `g-${crypto.randomUUID()}`, email, email_verified: true }), {
      env,
      cookie: g.flowCookie,
    }),
  ).session!;
  const h = await startFlow('github', { env, cookie: session });
  const back = github.authorize(h.location, {
    id: Math.floor(Math.random() * 1e9),
    login: 'two',
    emails: [{ email, primary: true, verified: true }],
  });
  expect(landing(await callback('github', back, { env, cookie: cookies(h.flowCookie, session) })).error).toBeNull();
  const list = (await (await call('/v1/auth/identities', { env, cookie: session })).json()) as IdentityList;
  return { email, session, list };
}

describe('identities', () => {
  it('lists the signed-in user’s identities; requires a session', async () => {
    const ctx = oauthEnv();
    const { email, list } = await oauthOnlyUserWithTwoIdentities(ctx);
    expect(list.identities.map((i) => [i.provider, i.email, i.email_verified])).toEqual([
      ['google', email, true],
      ['github', email, true],
    ]);
    expect(list.identities[0]!.last_used_at).not.toBeNull();
    await expectError(await call('/v1/auth/identities', { env: ctx.env }), 401, 'unauthorized');
  });

  it('unlinks one (204, audited); the last one without a password is refused with 409 last_sign_in_method', async () => {
    const ctx = oauthEnv();
    const { session, list } = await oauthOnlyUserWithTwoIdentities(ctx);
    const [google, github] = list.identities;
    const res = await call(`/v1/auth/identities/${github!.id}`, { env: ctx.env, method: 'DELETE', cookie: session });
    expect(res.status).toBe(204);
    await expectError(
      await call(`/v1/auth/identities/${google!.id}`, { env: ctx.env, method: 'DELETE', cookie: session }),
      409,
      'last_sign_in_method',
    );
    const left = (await (await call('/v1/auth/identities', { env: ctx.env, cookie: session })).json()) as IdentityList;
    expect(left.identities.map((i) => i.provider)).toEqual(['google']);
    const audit = await sql<{ event: string; metadata: unknown }>(
      "select event, metadata from $schema.audit_logs where event = 'identity.unlinked' and metadata->>'identity_id' = $1",
      [github!.id],
    );
    expect(audit).toEqual([{ event: 'identity.unlinked', metadata: { provider: 'github', identity_id: github!.id } }]);
  });

  it('concurrent unlinks of all of a user’s identities: all but one succeed, exactly one remains', async () => {
    const ctx = oauthEnv();
    const { session } = await oauthOnlyUserWithTwoIdentities(ctx);
    for (let i = 0; i < 4; i++) {
      const flow = await startFlow('google', { env: ctx.env, cookie: session });
      const back = ctx.google.authorize(flow.location, { sub: `g-extra-${crypto.randomUUID()}` });
      expect(landing(await callback('google', back, { env: ctx.env, cookie: cookies(flow.flowCookie, session) })).error).toBeNull();
    }
    const { identities } = (await (await call('/v1/auth/identities', { env: ctx.env, cookie: session })).json()) as IdentityList;
    expect(identities).toHaveLength(6);
    const results = await Promise.all(
      identities.map((i) => call(`/v1/auth/identities/${i.id}`, { env: ctx.env, method: 'DELETE', cookie: session })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([204, 204, 204, 204, 204, 409]);
    const left = (await (await call('/v1/auth/identities', { env: ctx.env, cookie: session })).json()) as IdentityList;
    expect(left.identities).toHaveLength(1);
  });

  it('a user with a password may unlink their only identity', async () => {
    const { env, google } = oauthEnv();
    const reg = await registerUser(undefined, undefined, env);
    const flow = await startFlow('google', { env, cookie: reg.cookie });
    await callback('google', google.authorize(flow.location, { sub: `g-${crypto.randomUUID()}` }), {
      env,
      cookie: cookies(flow.flowCookie, reg.cookie),
    });
    const { identities } = (await (await call('/v1/auth/identities', { env, cookie: reg.cookie })).json()) as IdentityList;
    expect(identities).toHaveLength(1);
    expect((await call(`/v1/auth/identities/${identities[0]!.id}`, { env, method: 'DELETE', cookie: reg.cookie })).status).toBe(204);
  });

  it('someone else’s identity, an unknown id or a malformed id: 404', async () => {
    const ctx = oauthEnv();
    const { list } = await oauthOnlyUserWithTwoIdentities(ctx);
    const stranger = await registerUser(undefined, undefined, ctx.env);
    for (const id of [list.identities[0]!.id, crypto.randomUUID(), 'not-a-uuid']) {
      await expectError(
        await call(`/v1/auth/identities/${id}`, { env: ctx.env, method: 'DELETE', cookie: stranger.cookie }),
        404,
        'not_found',
      );
    }
    expect(await sql('select 1 from $schema.identities where id = $1', [list.identities[0]!.id])).toHaveLength(1);
  });
});
