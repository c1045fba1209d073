// Organizations: list, create, switch the session's active one, delete.
import { describe, expect, it } from 'vitest';
import { call, createOrganization, expectError, json, registerUser, sql, team } from '../support/index.ts';

interface Listed {
  organizations: { id: string; name: string; role: string; current: boolean }[];
}

describe('organizations', () => {
  it('registration made one; users create more and list them with their role and the active one', async () => {
    const { cookie, user } = await registerUser();
    const created = await createOrganization(cookie, 'Second');
    const { organizations } = await json<Listed>(await call('/v1/auth/organizations', { cookie }));
    expect(organizations.map((o) => [o.name, o.role, o.current])).toEqual([
      ['Acme', 'owner', true],
      ['Second', 'owner', false],
    ]);
    expect(organizations[1]!.id).toBe(created.id);
    const events = await sql(
      "select 1 from $schema.audit_logs where event = 'organization.created' and organization_id = $1 and user_id = $2",
      [created.id, user.id],
    );
    expect(events).toHaveLength(1);
    await expectError(await call('/v1/auth/organizations', { method: 'POST', cookie, json: { name: '  ' } }), 400, 'invalid_request');
  });

  it('switches the active organization of the current session only', async () => {
    const { cookie } = await registerUser();
    const second = await createOrganization(cookie, 'Second');
    const record = await json<{ organization: { id: string; role: string } }>(
      await call(`/v1/auth/organizations/${second.id}/switch`, { method: 'POST', cookie }),
    );
    expect(record.organization).toEqual({ id: second.id, name: 'Second', role: 'owner' });
    expect((await json<{ organization: { id: string } }>(await call('/v1/auth/session', { cookie }))).organization.id).toBe(second.id);
    const { organizations } = await json<Listed>(await call('/v1/auth/organizations', { cookie }));
    expect(organizations.find((o) => o.current)!.id).toBe(second.id);
  });

  it('an owner deletes an organization: memberships and invitations go, members’ sessions lose it', async () => {
    const { org, owner, member } = await team();
    await json(await call(`/v1/auth/organizations/${org.id}/switch`, { method: 'POST', cookie: member.cookie }));
    expect((await call(`/v1/auth/organizations/${org.id}`, { method: 'DELETE', cookie: owner.cookie })).status).toBe(204);
    expect(await sql('select 1 from $schema.memberships where organization_id = $1', [org.id])).toHaveLength(0);
    expect(await sql('select 1 from $schema.invitations where organization_id = $1', [org.id])).toHaveLength(0);
    expect((await json<{ organization: unknown }>(await call('/v1/auth/session', { cookie: member.cookie }))).organization).toBeNull();
  });
});
