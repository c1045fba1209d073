import type { Deps } from '../../platform/deps.ts';
import type { RequestContext } from '../audit/audit.ts';
import type { ValidSession } from '../sessions/sessions.ts';
import { requireFreshAuth } from '../sign-in/password-reentry.ts';
import { deleteUser } from './user-deletion.ts';

/** DELETE /v1/auth/me ("right to be forgotten"): fresh authentication, then the complete deletion (deleteUser). */
export async function deleteAccount(deps: Deps, ctx: RequestContext, current: ValidSession, password: string | undefined): Promise<void> {
  await requireFreshAuth(deps, ctx, current, password);
  await deleteUser(deps, ctx, current.record.user);
}
