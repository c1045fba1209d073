import { Hono, type MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isDataException, loggableError } from './db/errors.ts';
import { avatarServeRoutes, avatarUploadRoutes } from './features/accounts/avatars.routes.ts';
import { identityRoutes } from './features/accounts/identities.routes.ts';
import { profileRoutes } from './features/accounts/me.routes.ts';
import { adminRoutes } from './features/admin/admin.routes.ts';
import { adminUserRoutes } from './features/admin/admin-users.routes.ts';
import { auditLogRoutes } from './features/audit/audit-logs.routes.ts';
import { emailVerificationRoutes } from './features/email/email.routes.ts';
import { passwordRoutes } from './features/email/password.routes.ts';
import { mfaRoutes } from './features/mfa/mfa.routes.ts';
import { oauthRoutes } from './features/oauth/oauth.routes.ts';
import { invitationRoutes } from './features/organizations/invitations.routes.ts';
import { organizationRoutes } from './features/organizations/organizations.routes.ts';
import { passkeyRoutes } from './features/passkeys/passkeys.routes.ts';
import { sessionRoutes } from './features/sessions/sessions.routes.ts';
import { authRoutes } from './features/sign-in/auth.routes.ts';
import { emailOtpRoutes } from './features/sign-in/email-otp.routes.ts';
import { jwksRoutes } from './features/tokens/jwks.routes.ts';
import { tokenRoutes } from './features/tokens/tokens.routes.ts';
import { webhookProducer } from './features/webhooks/webhooks.middleware.ts';
import { webhookRoutes } from './features/webhooks/webhooks.routes.ts';
import { toApiError } from './http/api-error.ts';
import { healthRoutes } from './http/health.routes.ts';
import { provideDeps, refuseMisconfigured } from './http/middleware/config-guard.ts';
import { requestEnvelope } from './http/middleware/request-envelope.ts';
import { requestGuards } from './http/middleware/request-guards.ts';
import type { AppEnv } from './http/types.ts';
import { runJobsInProcess } from './jobs.ts';
import { ApiError, errorBody } from './lib/errors.ts';
import { openApiRoutes } from './openapi/openapi.routes.ts';
import type { Deps } from './platform/deps.ts';
import { log } from './platform/log.ts';

/** The Worker's HTTP app, serving with `deps` (built once per isolate and environment, never per request). */
export function createApp(deps: Deps) {
  runJobsInProcess(deps);
  return buildApp(provideDeps(deps));
}

/** What a Worker with an unsafe or invalid configuration serves: the same routes, each refused with 503. */
export function createMisconfiguredApp() {
  return buildApp(refuseMisconfigured);
}

function buildApp(depsMiddleware: MiddlewareHandler<AppEnv>) {
  const app = new Hono<AppEnv>();
  app.use('*', requestEnvelope, depsMiddleware, webhookProducer, requestGuards);
  app.route('/v1', healthRoutes);
  app.route(
    '/v1',
    openApiRoutes(() => app.routes),
  );
  app.route('/v1/auth/sessions', sessionRoutes);
  app.route('/v1/auth/mfa', mfaRoutes);
  app.route('/v1/auth/passkeys', passkeyRoutes);
  app.route('/v1/auth/oauth', oauthRoutes);
  app.route('/v1/auth/identities', identityRoutes);
  app.route('/v1/auth', authRoutes);
  app.route('/v1/auth/me/avatar', avatarUploadRoutes);
  app.route('/v1/auth/me', profileRoutes);
  app.route('/v1/avatars', avatarServeRoutes);
  app.route('/v1/auth/organizations', organizationRoutes);
  app.route('/v1/auth/invitations', invitationRoutes);
  app.route('/v1/auth/audit-logs', auditLogRoutes);
  app.route('/v1/auth', passwordRoutes);
  app.route('/v1/auth', emailVerificationRoutes);
  app.route('/v1/auth', emailOtpRoutes);
  app.route('/v1/auth', tokenRoutes);
  app.route('/.well-known', jwksRoutes);
  app.route('/v1/admin/users', adminUserRoutes);
  app.route('/v1/admin/webhooks', webhookRoutes);
  app.route('/v1/admin', adminRoutes);

  app.notFound((c) => c.json(errorBody(new ApiError('not_found', 'No such route.'), c.var.requestId), 404));
  app.onError((err, c) => {
    const apiError = toApiError(err);
    const cause = apiError.cause ?? err;
    if (apiError.status >= 500) {
      log('error', 'request failed', { request_id: c.var.requestId, code: apiError.code, ...loggableError(cause) });
    } else if (isDataException(cause)) {
      // The 400 backstop fired: a route schema let through a value Postgres refused. Worth a look.
      log('warn', 'database refused request data', { request_id: c.var.requestId, ...loggableError(cause) });
    }
    for (const [name, value] of Object.entries(apiError.headers ?? {})) c.header(name, value);
    return c.json(errorBody(apiError, c.var.requestId), apiError.status as ContentfulStatusCode);
  });
  return app;
}
