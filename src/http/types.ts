import type { Context } from 'hono';
import type { ValidSession } from '../features/sessions/sessions.ts';
import type { Env } from '../platform/config.ts';
import type { Deps } from '../platform/deps.ts';

/** Hono environment shared by middleware and routes. */
export interface AppEnv {
  Bindings: Env;
  Variables: {
    requestId: string;
    deps: Deps;
    /** The acting user once known (for the request log). */
    userId?: string;
  };
}

/** Before requireSession: the idempotency middleware may already have validated the request's session. */
export interface MaybeSignedInEnv extends AppEnv {
  Variables: AppEnv['Variables'] & { session?: ValidSession };
}

/** The environment after requireSession: the request is signed in, `c.var.session` is always there. */
export interface SignedInEnv extends AppEnv {
  Variables: AppEnv['Variables'] & { session: ValidSession };
}

/** Who is calling the admin API (src/features/admin/admin-auth.ts): an administrator's session, or an API key. */
export type AdminPrincipal = { type: 'user'; id: string; session: ValidSession } | { type: 'api_key'; id: string };

/** The environment after requireAdmin. */
export interface AdminEnv extends MaybeSignedInEnv {
  Variables: MaybeSignedInEnv['Variables'] & { admin: AdminPrincipal };
}

/**
 * A request context of the app, signed in or not, for helpers (cookies, request parsing) that any handler
 * calls: Hono's Context is invariant in its environment, so a signed-in context is not a Context<AppEnv>.
 */
export type AppContext = Context<AppEnv> | Context<MaybeSignedInEnv> | Context<SignedInEnv> | Context<AdminEnv>;
