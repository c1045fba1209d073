// What the emailed links finish (the frontend's /verify-email, /email-change/confirm and /invitations/accept
// pages, each with `#token=…`), and the profile whose email change sends one of them.
import { type BotCheck, botCheckHeaders, type Core } from './core.ts';
import { type SignedInResult, signedIn } from './sign-in.ts';
import type { Organization, RequestBody, ResponseBody } from './types.ts';

type Profile = ResponseBody<'/v1/auth/me', 'get', 200>['user'];
type ProfileUpdated = ResponseBody<'/v1/auth/me', 'patch', 200>;
type EmailVerified = ResponseBody<'/v1/auth/email/verify', 'post', 200>;

export function email(core: Core) {
  const { api } = core;
  return {
    /** Emails the signed-in user a link to the frontend's /verify-email page. */
    requestVerification: (): Promise<void> => core.call(api.POST('/v1/auth/email/verify/request')),
    /** The /verify-email page: the token from its `#token=` fragment. */
    verify: (token: string): Promise<EmailVerified> => core.call(api.POST('/v1/auth/email/verify', { body: { token } })),
  };
}

export function profile(core: Core) {
  const { api } = core;
  return {
    get: async (): Promise<Profile> => (await core.call(api.GET('/v1/auth/me'))).user,
    /**
     * A new `email` applies once confirmed: a link to the frontend's /email-change/confirm page goes to the new
     * address (`email_change.status: 'verification_sent'`). It needs `current_password` unless the user signed in
     * within the last few minutes.
     */
    update: (input: RequestBody<'/v1/auth/me', 'patch'>): Promise<ProfileUpdated> => core.call(api.PATCH('/v1/auth/me', { body: input })),
    /** The /email-change/confirm page: the token from its `#token=` fragment. No session needed. */
    confirmEmailChange: async (token: string): Promise<Profile> =>
      (await core.call(api.POST('/v1/auth/me/email/confirm', { body: { token } }))).user,
  };
}

export function invitations(core: Core) {
  const { api } = core;
  return {
    /** The /invitations/accept page, signed in as the invited address: joins the organization. */
    accept: async (token: string): Promise<Organization> =>
      (await core.call(api.POST('/v1/auth/invitations/accept', { body: { token } }))).organization,
    /** The /invitations/accept page without an account: creates the invited account, in the organization, and signs in. */
    register: async (input: RequestBody<'/v1/auth/invitations/register', 'post'>, check?: BotCheck): Promise<SignedInResult> =>
      signedIn(core, await core.call(api.POST('/v1/auth/invitations/register', { body: input, headers: botCheckHeaders(check) }))),
  };
}
