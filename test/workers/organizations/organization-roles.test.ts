// Authorization per role, checked in the services: members cannot invite or change roles, admins cannot touch
// owners or grant ownership, the last owner cannot be demoted, removed or leave, outsiders see nothing.
import { describe, expect, it } from 'vitest';
import { isAllowed, type OrgAction, POLICY } from '../../../src/features/organizations/org-access.ts';
import { call, expectError, json, registerUser, roleOf, team, uniqueEmail } from '../support/index.ts';

const orgPath = (id: string, rest = '') => `/v1/auth/organizations/${id}${rest}`;

describe('organization roles', () => {
  it('the policy table: owners do everything, admins manage members, members only look', () => {
    const actions = Object.keys(POLICY) as OrgAction[];
    expect(actions.filter((a) => isAllowed('owner', a))).toEqual(actions);
    expect(actions.filter((a) => isAllowed('admin', a)).sort()).toEqual([
      'change_role',
      'invite',
      'remove_member',
      'revoke_invitation',
      'view_audit_log',
      'view_invitations',
      'view_members',
    ]);
    expect(actions.filter((a) => isAllowed('member', a))).toEqual(['view_members']);
  });

  it('a member cannot invite, change roles, remove members, see invitations or delete the organization', async () => {
    const { org, owner, admin, member } = await team();
    const c = member.cookie;
    await expectError(
      await call(orgPath(org.id, '/invitations'), { method: 'POST', cookie: c, json: { email: uniqueEmail() } }),
      403,
      'forbidden',
    );
    await expectError(
      await call(orgPath(org.id, `/members/${admin.user.id}`), { method: 'PATCH', cookie: c, json: { role: 'member' } }),
      403,
      'forbidden',
    );
    await expectError(
      await call(orgPath(org.id, `/members/${member.user.id}`), { method: 'PATCH', cookie: c, json: { role: 'admin' } }),
      403,
      'forbidden',
    );
    await expectError(await call(orgPath(org.id, `/members/${admin.user.id}`), { method: 'DELETE', cookie: c }), 403, 'forbidden');
    await expectError(await call(orgPath(org.id, '/invitations'), { cookie: c }), 403, 'forbidden');
    await expectError(await call(orgPath(org.id), { method: 'DELETE', cookie: c }), 403, 'forbidden');
    // Members can see who is in the organization.
    const { members } = await json<{ members: { user_id: string; role: string }[] }>(
      await call(orgPath(org.id, '/members'), { cookie: c }),
    );
    expect(members.map((m) => m.role).sort()).toEqual(['admin', 'member', 'owner']);
    expect(await roleOf(org.id, owner.cookie, admin.user.id)).toBe('admin');
  });

  it('an admin cannot demote or remove the owner, nor grant ownership; an admin can manage members', async () => {
    const { org, owner, admin, member } = await team();
    const c = admin.cookie;
    await expectError(
      await call(orgPath(org.id, `/members/${owner.user.id}`), { method: 'PATCH', cookie: c, json: { role: 'member' } }),
      403,
      'forbidden',
    );
    await expectError(await call(orgPath(org.id, `/members/${owner.user.id}`), { method: 'DELETE', cookie: c }), 403, 'forbidden');
    await expectError(
      await call(orgPath(org.id, `/members/${member.user.id}`), { method: 'PATCH', cookie: c, json: { role: 'owner' } }),
      403,
      'forbidden',
    );
    await expectError(
      await call(orgPath(org.id, `/members/${admin.user.id}`), { method: 'PATCH', cookie: c, json: { role: 'owner' } }),
      403,
      'forbidden',
    );
    await expectError(
      await call(orgPath(org.id, '/invitations'), { method: 'POST', cookie: c, json: { email: uniqueEmail(), role: 'owner' } }),
      403,
      'forbidden',
    );
    await expectError(await call(orgPath(org.id), { method: 'DELETE', cookie: c }), 403, 'forbidden');
    expect(await roleOf(org.id, c, owner.user.id)).toBe('owner');

    const { member: promoted } = await json<{ member: { role: string } }>(
      await call(orgPath(org.id, `/members/${member.user.id}`), { method: 'PATCH', cookie: c, json: { role: 'admin' } }),
    );
    expect(promoted.role).toBe('admin');
    expect(
      (await call(orgPath(org.id, '/invitations'), { method: 'POST', cookie: c, json: { email: uniqueEmail(), role: 'member' } })).status,
    ).toBe(201);
    expect((await call(orgPath(org.id, `/members/${member.user.id}`), { method: 'DELETE', cookie: c })).status).toBe(204);
    expect(await roleOf(org.id, c, member.user.id)).toBeUndefined();
  });

  it('the last owner can be neither demoted nor removed and cannot leave; with a second owner they can', async () => {
    const { org, owner, admin } = await team();
    const o = owner.cookie;
    await expectError(
      await call(orgPath(org.id, `/members/${owner.user.id}`), { method: 'PATCH', cookie: o, json: { role: 'admin' } }),
      409,
      'last_owner',
    );
    await expectError(await call(orgPath(org.id, `/members/${owner.user.id}`), { method: 'DELETE', cookie: o }), 409, 'last_owner');
    await expectError(await call(orgPath(org.id, '/leave'), { method: 'POST', cookie: o }), 409, 'last_owner');
    expect(await roleOf(org.id, o, owner.user.id)).toBe('owner');

    await json(await call(orgPath(org.id, `/members/${admin.user.id}`), { method: 'PATCH', cookie: o, json: { role: 'owner' } }));
    expect((await call(orgPath(org.id, '/leave'), { method: 'POST', cookie: o })).status).toBe(204);
    expect(await roleOf(org.id, admin.cookie, owner.user.id)).toBeUndefined();
    // The new sole owner is again the last owner.
    await expectError(await call(orgPath(org.id, '/leave'), { method: 'POST', cookie: admin.cookie }), 409, 'last_owner');
  });

  it('two owners leaving at once: one succeeds, an owner remains (the organization row lock; fails without it on PostgreSQL)', async () => {
    const { org, owner, admin } = await team();
    await json(
      await call(orgPath(org.id, `/members/${admin.user.id}`), { method: 'PATCH', cookie: owner.cookie, json: { role: 'owner' } }),
    );
    const results = await Promise.all([
      call(orgPath(org.id, '/leave'), { method: 'POST', cookie: owner.cookie }),
      call(orgPath(org.id, '/leave'), { method: 'POST', cookie: admin.cookie }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([204, 409]);
  });

  it('outsiders get 404 for everything about an organization', async () => {
    const { org } = await team();
    const outsider = await registerUser();
    const c = outsider.cookie;
    for (const [method, rest, body] of [
      ['GET', '/members', undefined],
      ['GET', '/invitations', undefined],
      ['POST', '/invitations', { email: uniqueEmail() }],
      ['POST', '/switch', undefined],
      ['POST', '/leave', undefined],
      ['DELETE', '', undefined],
    ] as const) {
      await expectError(await call(orgPath(org.id, rest), { method, cookie: c, json: body }), 404, 'not_found');
    }
    await expectError(await call(orgPath('not-a-uuid', '/members'), { cookie: c }), 404, 'not_found');
  });

  it('a role change reaches the member’s session at once (cached record evicted)', async () => {
    const { org, owner, member } = await team();
    await json(await call(orgPath(org.id, '/switch'), { method: 'POST', cookie: member.cookie }));
    expect(
      (await json<{ organization: { role: string } }>(await call('/v1/auth/session', { cookie: member.cookie }))).organization.role,
    ).toBe('member');
    await json(
      await call(orgPath(org.id, `/members/${member.user.id}`), { method: 'PATCH', cookie: owner.cookie, json: { role: 'admin' } }),
    );
    expect(
      (await json<{ organization: { role: string } }>(await call('/v1/auth/session', { cookie: member.cookie }))).organization.role,
    ).toBe('admin');
    // Removed: the session no longer has that organization active.
    expect((await call(orgPath(org.id, `/members/${member.user.id}`), { method: 'DELETE', cookie: owner.cookie })).status).toBe(204);
    expect((await json<{ organization: unknown }>(await call('/v1/auth/session', { cookie: member.cookie }))).organization).toBeNull();
  });
});
