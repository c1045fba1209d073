// The Worker's route groups, in the order the app registers them (the order decides which handler runs when two
// groups declare the same method and path). Each is imported on first use (src/routing/lazy-group.ts): a
// feature's schemas, services and libraries cost start-up only in the isolates that serve it.
import type { Hono } from 'hono';
import type { RouteEntry } from '../openapi/document.ts';

/**
 * A group's sub-app, whatever its environment (signed-in groups narrow AppEnv) and typed routes: it is only
 * mounted, never called through its types.
 */
// biome-ignore lint/suspicious/noExplicitAny: Hono's handler types make sub-apps of different environments unrelated.
export type GroupRoutes = Hono<any, any, any>;

export interface RouteGroup {
  /** Where the group is mounted (`app.route(prefix, routes)`). */
  prefix: string;
  /** The group's routes; `table` is the whole app's route table (the OpenAPI document reads it). */
  load: (table: () => Promise<readonly RouteEntry[]>) => Promise<GroupRoutes>;
}

const GROUPS = {
  health: { prefix: '/v1', load: async () => (await import('../http/health.routes.ts')).healthRoutes },
  openapi: { prefix: '/v1', load: async (table) => (await import('../openapi/openapi.routes.ts')).openApiRoutes(table) },
  sessions: { prefix: '/v1/auth/sessions', load: async () => (await import('../features/sessions/sessions.routes.ts')).sessionRoutes },
  mfa: { prefix: '/v1/auth/mfa', load: async () => (await import('../features/mfa/mfa.routes.ts')).mfaRoutes },
  passkeys: { prefix: '/v1/auth/passkeys', load: async () => (await import('../features/passkeys/passkeys.routes.ts')).passkeyRoutes },
  oauth: { prefix: '/v1/auth/oauth', load: async () => (await import('../features/oauth/oauth.routes.ts')).oauthRoutes },
  identities: {
    prefix: '/v1/auth/identities',
    load: async () => (await import('../features/accounts/identities.routes.ts')).identityRoutes,
  },
  auth: { prefix: '/v1/auth', load: async () => (await import('../features/sign-in/auth.routes.ts')).authRoutes },
  avatarUpload: {
    prefix: '/v1/auth/me/avatar',
    load: async () => (await import('../features/accounts/avatars.routes.ts')).avatarUploadRoutes,
  },
  profile: { prefix: '/v1/auth/me', load: async () => (await import('../features/accounts/me.routes.ts')).profileRoutes },
  avatarServe: { prefix: '/v1/avatars', load: async () => (await import('../features/accounts/avatars.routes.ts')).avatarServeRoutes },
  organizations: {
    prefix: '/v1/auth/organizations',
    load: async () => (await import('../features/organizations/organizations.routes.ts')).organizationRoutes,
  },
  invitations: {
    prefix: '/v1/auth/invitations',
    load: async () => (await import('../features/organizations/invitations.routes.ts')).invitationRoutes,
  },
  auditLogs: { prefix: '/v1/auth/audit-logs', load: async () => (await import('../features/audit/audit-logs.routes.ts')).auditLogRoutes },
  password: { prefix: '/v1/auth', load: async () => (await import('../features/email/password.routes.ts')).passwordRoutes },
  emailVerification: {
    prefix: '/v1/auth',
    load: async () => (await import('../features/email/email.routes.ts')).emailVerificationRoutes,
  },
  emailOtp: { prefix: '/v1/auth', load: async () => (await import('../features/sign-in/email-otp.routes.ts')).emailOtpRoutes },
  tokens: { prefix: '/v1/auth', load: async () => (await import('../features/tokens/tokens.routes.ts')).tokenRoutes },
  jwks: { prefix: '/.well-known', load: async () => (await import('../features/tokens/jwks.routes.ts')).jwksRoutes },
  adminUsers: { prefix: '/v1/admin/users', load: async () => (await import('../features/admin/admin-users.routes.ts')).adminUserRoutes },
  webhooks: { prefix: '/v1/admin/webhooks', load: async () => (await import('../features/webhooks/webhooks.routes.ts')).webhookRoutes },
  admin: { prefix: '/v1/admin', load: async () => (await import('../features/admin/admin.routes.ts')).adminRoutes },
} satisfies Record<string, RouteGroup>;

export type RouteGroupName = keyof typeof GROUPS;

export const ROUTE_GROUPS: Readonly<Record<RouteGroupName, RouteGroup>> = GROUPS;
