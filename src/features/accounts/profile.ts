import { eq } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type * as z from 'zod';
import { ApiError } from '../../lib/errors.ts';
import type { Config } from '../../platform/config.ts';
import type { Deps } from '../../platform/deps.ts';
import { auditInsert, type RequestContext } from '../audit/audit.ts';
import { prepareEmailChange } from '../email/email-change.ts';
import { evictUserSessions } from '../sessions/session-cache-eviction.ts';
import { userView, type ValidSession } from '../sessions/sessions.ts';
import { requireFreshAuth } from '../sign-in/password-reentry.ts';
import type { UserProfile } from './account.schemas.ts';

/** The user as `GET /v1/auth/me` shows it. */
export type UserView = z.infer<typeof UserProfile>;

export interface ProfileInput {
  name?: string | null;
  locale?: string | null;
  time_zone?: string | null;
  email?: string;
  current_password?: string;
}

/** A public bucket / CDN when configured, else the Worker's own avatar route. */
export function avatarUrl(config: Config, key: string | null): string | null {
  if (!key) return null;
  return config.IDENTSPHERE_AVATAR_BASE_URL
    ? `${config.IDENTSPHERE_AVATAR_BASE_URL}/${key}`
    : `${config.IDENTSPHERE_PUBLIC_BASE_URL}/v1/avatars/${key}`;
}

export async function loadUserView(deps: Deps, userId: string): Promise<UserView> {
  const { users, userProfiles } = deps.t;
  const [row] = await deps.db
    .select({ u: users, p: userProfiles })
    .from(users)
    .leftJoin(userProfiles, eq(userProfiles.userId, users.id))
    .where(eq(users.id, userId));
  if (!row) throw new ApiError('unauthorized');
  const { u, p } = row;
  return {
    ...userView(u),
    locale: p?.locale ?? null,
    time_zone: p?.timeZone ?? null,
    avatar_url: avatarUrl(deps.config, p?.avatarKey ?? null),
    updated_at: u.updatedAt.toISOString(),
  };
}

/**
 * PATCH /v1/auth/me: profile fields apply at once; a new email only after its owner confirms the link sent
 * to it. Everything is written in one batch, after the verification email went out (a provider failure
 * writes nothing). The answer is the same whether or not the new address is taken (no account probing).
 */
export async function updateProfile(
  deps: Deps,
  ctx: RequestContext,
  current: ValidSession,
  input: ProfileInput,
): Promise<{ user: UserView; email_change?: { email: string; status: 'verification_sent' } }> {
  const { db, t } = deps;
  const userId = current.record.user.id;
  const now = deps.clock.now();
  const newEmail = input.email !== undefined && input.email !== current.record.user.email ? input.email : undefined;
  if (newEmail !== undefined) await requireFreshAuth(deps, ctx, current, input.current_password);

  const statements: BatchItem<'pg'>[] = [];
  const fields: string[] = [];
  if (input.name !== undefined) {
    statements.push(db.update(t.users).set({ name: input.name, updatedAt: now }).where(eq(t.users.id, userId)));
    fields.push('name');
  }
  const profile: { locale?: string | null; timeZone?: string | null } = {};
  if (input.locale !== undefined) {
    profile.locale = input.locale;
    fields.push('locale');
  }
  if (input.time_zone !== undefined) {
    profile.timeZone = input.time_zone;
    fields.push('time_zone');
  }
  if (Object.keys(profile).length) {
    statements.push(
      db
        .insert(t.userProfiles)
        .values({ userId, ...profile, updatedAt: now })
        .onConflictDoUpdate({ target: t.userProfiles.userId, set: { ...profile, updatedAt: now } }),
      db.update(t.users).set({ updatedAt: now }).where(eq(t.users.id, userId)),
    );
  }
  if (fields.length) statements.push(auditInsert(deps, ctx, 'user.profile_updated', { userId, metadata: { fields } }));
  if (newEmail !== undefined) statements.push(...(await prepareEmailChange(deps, ctx, current.record.user, newEmail)));

  const [first, ...rest] = statements;
  if (first) await db.batch([first, ...rest]);
  // The cached session record shows the name: refresh every session of the user.
  if (fields.includes('name')) await evictUserSessions(deps, [userId]);
  const user = await loadUserView(deps, userId);
  return newEmail === undefined ? { user } : { user, email_change: { email: newEmail, status: 'verification_sent' } };
}
