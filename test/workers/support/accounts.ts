// Helpers for the accounts tests (profile, avatars, organizations, invitations, export, deletion).

import { mailsTo } from './flow.ts';
import { type CallInit, call, registerUser } from './worker.ts';

export type Role = 'owner' | 'admin' | 'member';

export async function json<T = Record<string, unknown>>(res: Response, status = 200): Promise<T> {
  const text = await res.text();
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}

import type { UserView } from '../../../src/features/accounts/profile.ts';

export type { UserView };

export async function me(cookie: string, init: CallInit = {}): Promise<UserView> {
  return (await json<{ user: UserView }>(await call('/v1/auth/me', { cookie, ...init }))).user;
}

export function putAvatar(cookie: string, body: Uint8Array, init: CallInit = {}): Promise<Response> {
  return call('/v1/auth/me/avatar', {
    method: 'PUT',
    cookie,
    body,
    ...init,
    headers: { 'content-type': 'image/png', ...(init.headers as Record<string, string>) },
  });
}

/** The `#token=` fragment of the newest link emailed to `to` with this tag. */
export function tokenFromMail(to: string, tag: string): string {
  const message = [...mailsTo(to)].reverse().find((m) => m.tag === tag);
  if (!message) throw new Error(`no ${tag} email to ${to}`);
  const link = /https?:\/\/\S+#token=([A-Za-z0-9_-]+)/.exec(message.text);
  if (!link) throw new Error(`no link in ${tag} email`);
  return link[1]!;
}

export async function createOrganization(cookie: string, name = 'Org') {
  return (
    await json<{ organization: { id: string; name: string } }>(
      await call('/v1/auth/organizations', { method: 'POST', cookie, json: { name } }),
      201,
    )
  ).organization;
}

/** Invites a fresh user to the organization and has them accept: returns the new member. */
export async function addMember(ownerCookie: string, organizationId: string, role: Role) {
  const member = await registerUser();
  await json(
    await call(`/v1/auth/organizations/${organizationId}/invitations`, {
      method: 'POST',
      cookie: ownerCookie,
      json: { email: member.email, role },
    }),
    201,
  );
  const token = tokenFromMail(member.email, 'organization_invitation');
  await json(await call('/v1/auth/invitations/accept', { method: 'POST', cookie: member.cookie, json: { token } }));
  return member;
}

/** A team: an owner (with the organization active), an admin and a member. */
export async function team() {
  const owner = await registerUser();
  const org = await createOrganization(owner.cookie, `team-${crypto.randomUUID().slice(0, 6)}`);
  await json(await call(`/v1/auth/organizations/${org.id}/switch`, { method: 'POST', cookie: owner.cookie }));
  const admin = await addMember(owner.cookie, org.id, 'admin');
  const member = await addMember(owner.cookie, org.id, 'member');
  return { org, owner, admin, member };
}

export async function roleOf(organizationId: string, cookie: string, userId: string): Promise<Role | undefined> {
  const { members } = await json<{ members: { user_id: string; role: Role }[] }>(
    await call(`/v1/auth/organizations/${organizationId}/members`, { cookie }),
  );
  return members.find((m) => m.user_id === userId)?.role;
}

export async function sha256(bytes: Uint8Array | ArrayBuffer): Promise<string> {
  return Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)), (b) => b.toString(16).padStart(2, '0')).join('');
}
