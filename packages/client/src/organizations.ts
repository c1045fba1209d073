// The user's organizations, their members and invitations.
import { type BotCheck, botCheckHeaders, type Core } from './core.ts';
import { type SignedInResult, signedIn } from './sign-in.ts';
import type { Invitation, Member, RequestBody, ResponseBody, SignedIn } from './types.ts';

type OrganizationView = ResponseBody<'/v1/auth/organizations', 'get', 200>['organizations'][number];
type CreatedOrganization = ResponseBody<'/v1/auth/organizations', 'post', 201>['organization'];
type Role = Member['role'];
type Joined = ResponseBody<'/v1/auth/invitations/accept', 'post', 200>['organization'];

export function organizations(core: Core) {
  const { api } = core;
  const org = (id: string) => ({ params: { path: { id } } });
  return {
    list: async (): Promise<OrganizationView[]> => (await core.call(api.GET('/v1/auth/organizations'))).organizations,

    create: async (name: string): Promise<CreatedOrganization> =>
      (await core.call(api.POST('/v1/auth/organizations', { body: { name } }))).organization,

    /** Makes `id` the session's active organization; the new session is told to onSessionChange listeners. */
    switch: async (id: string): Promise<SignedIn> =>
      core.signedIn(await core.call(api.POST('/v1/auth/organizations/{id}/switch', org(id))), 'session_updated'),

    /** Owners only. */
    delete: (id: string): Promise<void> => core.call(api.DELETE('/v1/auth/organizations/{id}', org(id))),

    leave: (id: string): Promise<void> => core.call(api.POST('/v1/auth/organizations/{id}/leave', org(id))),

    members: {
      list: async (id: string): Promise<Member[]> => (await core.call(api.GET('/v1/auth/organizations/{id}/members', org(id)))).members,

      changeRole: async (id: string, userId: string, role: Role): Promise<Member> =>
        (await core.call(api.PATCH('/v1/auth/organizations/{id}/members/{userId}', { params: { path: { id, userId } }, body: { role } })))
          .member,

      remove: (id: string, userId: string): Promise<void> =>
        core.call(api.DELETE('/v1/auth/organizations/{id}/members/{userId}', { params: { path: { id, userId } } })),
    },

    invitations: {
      list: async (id: string): Promise<Invitation[]> =>
        (await core.call(api.GET('/v1/auth/organizations/{id}/invitations', org(id)))).invitations,

      /** Emails an invitation (owners and admins; only owners invite owners). */
      create: async (id: string, input: RequestBody<'/v1/auth/organizations/{id}/invitations', 'post'>): Promise<Invitation> =>
        (await core.call(api.POST('/v1/auth/organizations/{id}/invitations', { ...org(id), body: input }))).invitation,

      revoke: (id: string, invitationId: string): Promise<void> =>
        core.call(api.DELETE('/v1/auth/organizations/{id}/invitations/{invitationId}', { params: { path: { id, invitationId } } })),

      /** Accepts an invitation (the `#token=` of its link) as the signed-in user, who must be the invited address. */
      accept: async (token: string): Promise<Joined> =>
        (await core.call(api.POST('/v1/auth/invitations/accept', { body: { token } }))).organization,

      /** Accepts by creating the invited account (email verified by the link) and signs in to it. */
      signUp: async (input: RequestBody<'/v1/auth/invitations/register', 'post'>, check?: BotCheck): Promise<SignedInResult> =>
        signedIn(core, await core.call(api.POST('/v1/auth/invitations/register', { body: input, headers: botCheckHeaders(check) }))),
    },
  };
}
