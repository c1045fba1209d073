import { type Context, Hono } from 'hono';
import * as z from 'zod';
import { loggableError } from '../../db/errors.ts';
import { toApiError } from '../../http/api-error.ts';
import { backgroundOf } from '../../http/background.ts';
import { readSessionCookie, writeSessionCookie } from '../../http/cookies.ts';
import { enforceRateLimit } from '../../http/rate-limit.ts';
import { parseOptionalJson, requestContext } from '../../http/request.ts';
import { describeRoute } from '../../http/route-contract.ts';
import type { AppEnv } from '../../http/types.ts';
import { ApiError, errorBody } from '../../lib/errors.ts';
import { log } from '../../platform/log.ts';
import { requireSession } from '../sessions/session.middleware.ts';
import { validateSession } from '../sessions/sessions.ts';
import { rememberDevice } from '../sign-in/device-cookie.ts';
import type { SignInResult } from '../sign-in/sign-in-types.ts';
import type { OAuthOutcome } from './accounts.ts';
import { finishOAuth, startOAuth } from './flow.ts';
import { consumeFlow } from './flow-state.ts';
import { LinkStarted, ProviderList } from './oauth.schemas.ts';
import { clearFlowCookie, readFlowCookie, writeFlowCookie } from './oauth-cookie.ts';
import { callbackUrl, enabledProviders } from './providers.ts';
import { fallbackRedirect, redirectUrl, validateRedirect } from './redirect.ts';

export const StartQuery = z.strictObject({ redirect_to: z.string().max(2048).optional() });

// Linking from a session older than the fresh-auth window: the current password re-entered.
export const LinkBody = z.strictObject({ redirect_to: z.string().max(2048).optional(), password: z.string().min(1).max(1024).optional() });

// Providers add parameters of their own (scope, authuser, session_state, …): only ours are read.
export const CallbackQuery = z.looseObject({
  code: z.string().max(4096).optional(),
  state: z.string().max(512).optional(),
  error: z.string().max(512).optional(),
  iss: z.string().max(2048).optional(),
});

function parseQuery<S extends z.ZodType>(c: Context<AppEnv>, schema: S): z.output<S> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) throw new ApiError('invalid_request', 'The query string failed validation.');
  return parsed.data;
}

/**
 * Browser flows never end on a JSON error page: the user goes back to the app with `?error=<code>`. Only when
 * no safe place is known (no valid redirect_to, no IDENTSPHERE_APP_URL) is the error rendered as JSON.
 */
function errorRedirect(c: Context<AppEnv>, target: string | null, err: unknown) {
  const apiError = toApiError(err);
  if (apiError.status >= 500) {
    const cause = apiError.cause ?? err;
    log('error', 'oauth flow failed', { request_id: c.var.requestId, code: apiError.code, ...loggableError(cause) });
  }
  if (!target) return c.json(errorBody(apiError, c.var.requestId), apiError.status as 400);
  return c.redirect(redirectUrl(target, { query: { error: apiError.code } }), 302);
}

/** A completed first factor becomes a redirect; each kind of result is one case here. */
async function signInRedirect(c: Context<AppEnv>, result: SignInResult, target: string) {
  switch (result.kind) {
    case 'session':
      c.set('userId', result.record.user.id);
      writeSessionCookie(c, result.session.jwt, result.session.expiresAt);
      await rememberDevice(c, result.record.user.id);
      return c.redirect(target, 302);
    // MFA on: no cookie; the token travels in the fragment (never sent to a server, kept out of logs and
    // Referer) and the page finishes at POST /v1/auth/mfa/challenge.
    case 'mfa_required':
      return c.redirect(redirectUrl(target, { fragment: { mfa_token: result.mfaToken } }), 302);
  }
}

async function outcomeRedirect(c: Context<AppEnv>, outcome: OAuthOutcome, target: string) {
  if (outcome.kind === 'linked') return c.redirect(redirectUrl(target, { query: { linked: outcome.provider } }), 302);
  return signInRedirect(c, outcome.result, target);
}

export const oauthRoutes = new Hono<AppEnv>()
  .get(
    '/providers',
    describeRoute({
      operationId: 'listOAuthProviders',
      summary: 'The configured sign-in providers',
      tag: 'oauth',
      auth: false,
      responses: { 200: { description: 'Providers', schema: ProviderList } },
      errors: [],
    }),
    (c) => {
      const { config } = c.var.deps;
      const providers = enabledProviders(config).map((p) => ({
        id: p.id,
        name: p.name,
        start_url: `${config.IDENTSPHERE_PUBLIC_BASE_URL}/v1/auth/oauth/${p.id}/start`,
        callback_url: callbackUrl(config, p.id),
      }));
      return c.json({ providers } satisfies z.input<typeof ProviderList>);
    },
  )
  .get(
    '/:provider/start',
    describeRoute({
      operationId: 'startOAuth',
      summary:
        'Start a sign-in with a provider (with a session: link it to the signed-in user, which needs a session signed in within 5 minutes)',
      tag: 'oauth',
      auth: false,
      query: StartQuery,
      responses: {
        302: {
          description:
            'Redirect to the provider (flow cookie set); on failure, back to redirect_to (or the app URL) with ?error=<code> ' +
            '(?error=reauthentication_required for a link from an older session: use POST …/link with the password). ' +
            'Errors are JSON only when no safe redirect target is known.',
        },
      },
      errors: [
        'invalid_request',
        'invalid_redirect',
        'not_found',
        'rate_limited',
        'oauth_provider_unavailable',
        'reauthentication_required',
      ],
    }),
    async (c) => {
      const { deps } = c.var;
      let target = fallbackRedirect(deps.config);
      try {
        const query = parseQuery(c, StartQuery);
        target = validateRedirect(deps.config, query.redirect_to);
        await enforceRateLimit(c, 'login');
        const session = await validateSession(deps, readSessionCookie(c), backgroundOf(c));
        const started = await startOAuth(deps, requestContext(c), { providerId: c.req.param('provider'), redirectTo: target, session });
        writeFlowCookie(c, started.binding, started.expiresAt);
        return c.redirect(started.location, 302);
      } catch (err) {
        return errorRedirect(c, target, err);
      }
    },
  )
  // Linking for a signed-in user as a JSON call (so a password can be re-entered): the page then navigates to
  // `authorization_url`; the flow cookie set here binds the flow to this browser as with /start.
  .post(
    '/:provider/link',
    describeRoute({
      operationId: 'linkOAuthProvider',
      summary: 'Start linking a provider to the signed-in user (fresh authentication: a recent sign-in or the password)',
      tag: 'oauth',
      auth: true,
      body: LinkBody,
      bodyRequired: false,
      responses: {
        200: {
          description: 'The authorization URL to navigate to (flow cookie set); the callback then answers ?linked=<provider>',
          schema: LinkStarted,
        },
      },
      errors: [
        'invalid_request',
        'invalid_redirect',
        'not_found',
        'rate_limited',
        'oauth_provider_unavailable',
        'reauthentication_required',
      ],
    }),
    requireSession,
    async (c) => {
      const { deps } = c.var;
      const input = await parseOptionalJson(c, LinkBody);
      const redirectTo = validateRedirect(deps.config, input.redirect_to);
      await enforceRateLimit(c, 'login');
      const started = await startOAuth(deps, requestContext(c), {
        providerId: c.req.param('provider'),
        redirectTo,
        session: c.var.session,
        password: input.password,
      });
      writeFlowCookie(c, started.binding, started.expiresAt);
      return c.json({ authorization_url: started.location, expires_at: started.expiresAt.toISOString() } satisfies z.input<
        typeof LinkStarted
      >);
    },
  )
  .get(
    '/:provider/callback',
    describeRoute({
      operationId: 'oauthCallback',
      summary: 'Where the provider sends the browser back',
      tag: 'oauth',
      auth: false,
      query: CallbackQuery,
      responses: {
        302: {
          description:
            'Redirect to redirect_to: signed in (session cookie set); or, MFA on, #mfa_token=… in the fragment (finish at ' +
            'POST /v1/auth/mfa/challenge); or ?linked=<provider>; or ?error=<code>. Errors are JSON only when no safe target is known.',
          sessionCookie: 'set',
        },
      },
      errors: [
        'invalid_request',
        'invalid_redirect',
        'oauth_state_invalid',
        'oauth_denied',
        'oauth_exchange_failed',
        'oauth_id_token_invalid',
        'oauth_email_required',
        'oauth_account_exists',
        'identity_in_use',
        'account_disabled',
        'oauth_provider_unavailable',
      ],
    }),
    async (c) => {
      const { deps } = c.var;
      let target = fallbackRedirect(deps.config);
      const binding = readFlowCookie(c);
      // The flow cookie is spent whatever happens next.
      clearFlowCookie(c);
      try {
        const query = parseQuery(c, CallbackQuery);
        const flow = await consumeFlow(deps, { provider: c.req.param('provider'), state: query.state, binding });
        if (!flow) throw new ApiError('oauth_state_invalid');
        // Validated again: the allow-list may have changed since the flow began.
        target = validateRedirect(deps.config, flow.redirectTo);
        const session = flow.linkUserId ? await validateSession(deps, readSessionCookie(c), backgroundOf(c)) : null;
        const outcome = await finishOAuth(deps, requestContext(c), flow, query, session);
        return await outcomeRedirect(c, outcome, target);
      } catch (err) {
        return errorRedirect(c, target, err);
      }
    },
  );
