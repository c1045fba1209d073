// createClient: the whole API surface a frontend needs, over the typed fetch of core.ts.
import { getAccessToken } from './access-token.ts';
import { email, invitations, profile } from './account.ts';
import { type BotCheck, botCheckHeaders, type ClientOptions, createCore } from './core.ts';
import { mfa } from './mfa.ts';
import { organizations } from './organizations.ts';
import { passkeys } from './passkeys.ts';
import type { SessionChangeListener } from './session-events.ts';
import { type SignedInResult, type SignInResult, signedIn, signInResult } from './sign-in.ts';
import type { RequestBody, ResponseBody, SignedIn } from './types.ts';

type Provider = ResponseBody<'/v1/auth/oauth/providers', 'get', 200>['providers'][number];

export function createClient(options: ClientOptions) {
  const core = createCore(options);
  const { api } = core;
  const baseUrl = options.baseUrl.replace(/\/+$/, '');

  return {
    /** Creates the account (and its organization) and signs in. */
    signUp: async (input: RequestBody<'/v1/auth/register', 'post'>, check?: BotCheck): Promise<SignedInResult> =>
      signedIn(core, await core.call(api.POST('/v1/auth/register', { body: input, headers: botCheckHeaders(check) }))),

    /** Email and password: signed in, or — MFA on — a step to finish with `.verify(code)`. */
    signIn: async (input: RequestBody<'/v1/auth/login', 'post'>): Promise<SignInResult> =>
      signInResult(core, await core.call(api.POST('/v1/auth/login', { body: input }))),

    /** Ends the session (the cookie is deleted); every listener, in every tab, hears `signed_out`. */
    async signOut(): Promise<void> {
      await core.call(api.POST('/v1/auth/logout'));
      core.signedOut('sign_out');
    },

    session: {
      /** The current session, or null when signed out (401 `unauthorized`). */
      async get(): Promise<SignedIn | null> {
        try {
          const session = await core.call(api.GET('/v1/auth/session'));
          core.known = true;
          return session;
        } catch (err) {
          if ((err as { code?: string }).code === 'unauthorized') return null;
          throw err;
        }
      },
    },

    /** Sign-ins, sign-outs (here or in another tab), organization switches and sessions found expired. */
    onSessionChange: (listener: SessionChangeListener): (() => void) => core.events.subscribe(listener),

    /** An access token for the app's own APIs (EdDSA JWT), reused until 30 s before it expires. */
    getAccessToken: (): Promise<string> => getAccessToken(core),

    /** `transport: 'bearer'` only: the session token to keep (secure storage) and pass back as `sessionToken`. */
    getSessionToken: (): string | undefined => core.sessionToken,

    emailCode: {
      /** Emails a 6-digit sign-in code (the same answer whether or not the account exists). */
      request: (email: string, check?: BotCheck): Promise<void> =>
        core.call(api.POST('/v1/auth/email-otp/request', { body: { email }, headers: botCheckHeaders(check) })),
      verify: async (email: string, code: string): Promise<SignInResult> =>
        signInResult(core, await core.call(api.POST('/v1/auth/email-otp/verify', { body: { email, code } }))),
    },

    password: {
      /** Emails a reset link to the frontend's /reset-password page (the same answer whether or not the account exists). */
      forgot: (email: string, check?: BotCheck): Promise<void> =>
        core.call(api.POST('/v1/auth/password/forgot', { body: { email }, headers: botCheckHeaders(check) })),
      /** Sets a new password with the link's token; every session of the user ends. */
      reset: (token: string, password: string): Promise<void> =>
        core.call(api.POST('/v1/auth/password/reset', { body: { token, password } })),
      change: (currentPassword: string, newPassword: string): Promise<void> =>
        core.call(api.POST('/v1/auth/password/change', { body: { current_password: currentPassword, new_password: newPassword } })),
    },

    /** Email verification: the frontend's /verify-email page. */
    email: email(core),

    /** The signed-in user's profile; an email change finishes on the frontend's /email-change/confirm page. */
    profile: profile(core),

    /** The frontend's /invitations/accept page. */
    invitations: invitations(core),

    passkeys: passkeys(core),

    oauth: {
      providers: async (): Promise<Provider[]> => (await core.call(api.GET('/v1/auth/oauth/providers'))).providers,
      /**
       * The URL to navigate the browser to (`location.assign(url)`). The API sends it back to `redirectTo` (an
       * allowed app URL): signed in, `#mfa_token=` (finish with mfa.challenge(token)), or `?error=<code>`.
       */
      start(provider: string, redirectTo: string): string {
        const url = new URL(`${baseUrl}/v1/auth/oauth/${encodeURIComponent(provider)}/start`);
        url.searchParams.set('redirect_to', redirectTo);
        return url.href;
      },
      /** Links a provider to the signed-in user: navigate to the returned URL; the landing gets `?linked=<provider>`. */
      link: async (provider: string, input: { redirectTo?: string; password?: string } = {}): Promise<string> => {
        const body = {
          ...(input.redirectTo ? { redirect_to: input.redirectTo } : {}),
          ...(input.password ? { password: input.password } : {}),
        };
        return (await core.call(api.POST('/v1/auth/oauth/{provider}/link', { params: { path: { provider } }, body }))).authorization_url;
      },
    },

    mfa: mfa(core),

    organizations: organizations(core),

    /** Stops hearing other tabs (closes the BroadcastChannel) and drops every listener. */
    close: (): void => core.events.close(),
  };
}

export type IdentSphereClient = ReturnType<typeof createClient>;
