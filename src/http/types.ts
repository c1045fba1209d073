import type { Env } from '../platform/config.ts';
import type { Deps } from '../platform/deps.ts';
import type { ValidSession } from '../features/sessions/sessions.ts';

/** Hono environment shared by middleware and routes. */
export interface AppEnv {
  Bindings: Env;
  Variables: {
    requestId: string;
    deps: Deps;
    session?: ValidSession;
    /** The acting user once known (for the request log). */
    userId?: string;
  };
}
