// Who may call /v1/admin: a platform administrator with their normal session (cookie or bearer session
// token; every write needs a fresh authentication), or a server API key (`Authorization: Bearer isk_…`)
// within its scopes. API keys are recognised here only: on every other route they are no session (401).
import type { Context, MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import { readApiKey } from '../../http/api-key-credential.ts';
import { backgroundOf, runInBackground } from '../../http/background.ts';
import { enforceRateLimit } from '../../http/rate-limit.ts';
import { requestContext } from '../../http/request.ts';
import { readSessionCredential } from '../../http/session-credential.ts';
import type { AdminEnv } from '../../http/types.ts';
import { ApiError } from '../../lib/errors.ts';
import type { RequestContext } from '../audit/audit.ts';
import { validateSession } from '../sessions/sessions.ts';
import { requireFreshAuth } from '../sign-in/password-reentry.ts';
import { type ApiKeyScope, authenticateApiKey, touchApiKey } from './api-keys.ts';
import { isPlatformAdmin } from './platform-admins.ts';

const INVALID_TOKEN = { headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' } };

/**
 * Admits a platform administrator or an API key holding `scope`. Unauthenticated: 401. Signed in but not an
 * administrator, or a key without the scope: 403 `forbidden` — decided before any id in the path is looked
 * at, so a non-administrator learns nothing about which users or organizations exist.
 */
export function requireAdmin(scope: ApiKeyScope): MiddlewareHandler<AdminEnv> {
  return createMiddleware<AdminEnv>(async (c, next) => {
    await enforceRateLimit(c, 'admin');
    const { deps } = c.var;
    const apiKey = readApiKey(c);
    if (apiKey) {
      const key = await authenticateApiKey(deps, apiKey);
      if (!key) throw new ApiError('unauthorized', 'The API key is unknown or revoked.', INVALID_TOKEN);
      if (!key.scopes.includes(scope)) {
        throw new ApiError('forbidden', `This API key lacks the scope ${scope}.`, {
          headers: { 'WWW-Authenticate': `Bearer error="insufficient_scope", scope="${scope}"` },
        });
      }
      runInBackground(c, 'api key last used', () => touchApiKey(deps, key.id));
      c.set('admin', { type: 'api_key', id: key.id });
      return next();
    }
    const session = c.var.session ?? (await validateSession(deps, readSessionCredential(c), backgroundOf(c)));
    if (!session) throw new ApiError('unauthorized');
    c.set('session', session);
    c.set('userId', session.record.user.id);
    // The role is read from the user row on every request, never from the cached session: a revoked
    // administrator loses access at once.
    if (!(await isPlatformAdmin(deps, session.record.user.id))) throw new ApiError('forbidden', 'Platform administrators only.');
    c.set('admin', { type: 'user', id: session.record.user.id, session });
    return next();
  });
}

/**
 * The audit context of an admin write, carrying its actor. An administrator's session must be fresh (the
 * password in the body, or a sign-in within the last minutes): a stolen session cookie alone cannot disable
 * or delete accounts. API keys are themselves the server's credential.
 */
export async function adminWriteContext(c: Context<AdminEnv>, password: string | undefined): Promise<RequestContext> {
  const admin = c.var.admin;
  const ctx = requestContext(c);
  if (admin.type === 'user') await requireFreshAuth(c.var.deps, ctx, admin.session, password);
  return { ...ctx, actor: { type: admin.type, id: admin.id } };
}
