import { eq } from 'drizzle-orm';
import type { Deps } from '../deps.ts';
import { ApiError } from '../lib/errors.ts';
import { verifyPassword } from '../lib/password.ts';
import type { ValidSession } from './sessions.ts';

/** A session this young counts as a fresh authentication (the user just proved who they are). */
export const FRESH_AUTH_SECONDS = 300;

/**
 * Security requirement 9: changing MFA or passkeys needs the current password or a fresh sign-in, so a stolen
 * (older) session cannot remove a second factor or plant a passkey. A password, when given, must be right.
 */
export async function requireFreshAuth(deps: Deps, current: ValidSession, password: string | undefined): Promise<void> {
  if (password !== undefined) {
    const [row] = await deps.db
      .select({ hash: deps.t.users.passwordHash })
      .from(deps.t.users)
      .where(eq(deps.t.users.id, current.record.user.id));
    if (row?.hash && (await verifyPassword(row.hash, password))) return;
    throw new ApiError('reauthentication_required', 'The password is incorrect.');
  }
  const age = deps.clock.now().getTime() - Date.parse(current.record.session.created_at);
  if (age > FRESH_AUTH_SECONDS * 1000) throw new ApiError('reauthentication_required');
}
