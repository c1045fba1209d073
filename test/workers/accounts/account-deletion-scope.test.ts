// Deleting an account removes only what the account owns (by user id). Rows that merely carry the same email
// address belong to someone else: another organization's pending invitation to it, another user's linked
// identity whose provider reports it. Both stay.
import { describe, expect, it } from 'vitest';
import {
  call,
  callback,
  cookies,
  createOrganization,
  json,
  landing,
  oauthEnv,
  PASSWORD,
  registerUser,
  sql,
  startFlow,
  uniqueEmail,
} from '../support/index.ts';

describe('account deletion scope', () => {
  it("removes the user's own rows but not another organization's invitations to the address or another user's identity", async () => {
    const { env, google } = oauthEnv();
    const leaving = await registerUser(uniqueEmail('leaving'), undefined, env);
    const mine = await createOrganization(leaving.cookie, 'Mine');
    await json(
      await call(`/v1/auth/organizations/${mine.id}/invitations`, {
        method: 'POST',
        cookie: leaving.cookie,
        json: { email: uniqueEmail('invitee') },
      }),
      201,
    );
    const other = await registerUser(uniqueEmail('other'), undefined, env);
    const theirs = await createOrganization(other.cookie, 'Theirs');
    // The other organization invites the leaving user's address; the other user links an identity whose
    // provider email happens to be that address.
    await json(
      await call(`/v1/auth/organizations/${theirs.id}/invitations`, {
        method: 'POST',
        cookie: other.cookie,
        json: { email: leaving.email },
      }),
      201,
    );
    const flow = await startFlow('google', { env, cookie: other.cookie });
    const back = google.authorize(flow.location, { sub: `g-${crypto.randomUUID()}`, email: leaving.email, email_verified: false });
    expect(landing(await callback('google', back, { env, cookie: cookies(flow.flowCookie, other.cookie) })).error).toBeNull();
    expect(await sql('select 1 from $schema.identities where user_id = $1 and email = $2', [other.user.id, leaving.email])).toHaveLength(1);

    expect((await call('/v1/auth/me', { method: 'DELETE', cookie: leaving.cookie, json: { password: PASSWORD }, env })).status).toBe(204);

    // The leaving user's own data is gone (their organization and the invitation it sent with it).
    expect(await sql('select 1 from $schema.users where id = $1', [leaving.user.id])).toHaveLength(0);
    expect(await sql('select 1 from $schema.organizations where id = $1', [mine.id])).toHaveLength(0);
    expect(await sql('select 1 from $schema.invitations where organization_id = $1', [mine.id])).toHaveLength(0);
    // Nobody else's rows went with it.
    expect(
      await sql('select 1 from $schema.invitations where organization_id = $1 and email = $2', [theirs.id, leaving.email]),
    ).toHaveLength(1);
    expect(await sql('select 1 from $schema.identities where user_id = $1 and email = $2', [other.user.id, leaving.email])).toHaveLength(1);
    expect((await call('/v1/auth/session', { cookie: other.cookie, env })).status).toBe(200);
  });
});
