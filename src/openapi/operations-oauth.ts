// Sign-in with OAuth / OpenID Connect providers (browser redirects).
import * as z from 'zod';
import { CallbackQuery, LinkBody, StartQuery } from '../features/oauth/oauth.routes.ts';
import type { Operation } from './schemas.ts';

const Provider = z.object({ id: z.string(), name: z.string(), start_url: z.string(), callback_url: z.string() });

export const OAUTH_OPERATIONS: Operation[] = [
  {
    id: 'listOAuthProviders',
    method: 'GET',
    path: '/v1/auth/oauth/providers',
    summary: 'The configured sign-in providers',
    tag: 'oauth',
    responses: { 200: { description: 'Providers', schema: z.object({ providers: z.array(Provider) }) } },
  },
  {
    id: 'startOAuth',
    method: 'GET',
    path: '/v1/auth/oauth/:provider/start',
    summary: 'Start a sign-in with a provider (with a session: link it to the signed-in user, which needs a session signed in within 5 minutes)',
    tag: 'oauth',
    query: StartQuery,
    responses: {
      302: {
        description:
          "Redirect to the provider (flow cookie set); on failure, back to redirect_to (or the app URL) with ?error=<code> " +
          '(?error=reauthentication_required for a link from an older session: use POST …/link with the password). ' +
          'Errors are JSON only when no safe redirect target is known.',
      },
    },
  },
  {
    id: 'linkOAuthProvider',
    method: 'POST',
    path: '/v1/auth/oauth/:provider/link',
    summary: 'Start linking a provider to the signed-in user (fresh authentication: a recent sign-in or the password)',
    tag: 'oauth',
    auth: true,
    body: LinkBody,
    bodyRequired: false,
    responses: {
      200: {
        description: 'The authorization URL to navigate to (flow cookie set); the callback then answers ?linked=<provider>',
        schema: z.object({ authorization_url: z.string(), expires_at: z.iso.datetime() }),
      },
    },
  },
  {
    id: 'oauthCallback',
    method: 'GET',
    path: '/v1/auth/oauth/:provider/callback',
    summary: 'Where the provider sends the browser back',
    tag: 'oauth',
    query: CallbackQuery,
    responses: {
      302: {
        description:
          'Redirect to redirect_to: signed in (session cookie set); or, MFA on, #mfa_token=… in the fragment (finish at ' +
          'POST /v1/auth/mfa/challenge); or ?linked=<provider>; or ?error=<code>. Errors are JSON only when no safe target is known.',
      },
    },
  },
];
