import type { Context } from 'hono';
import * as z from 'zod';
import { requireFreshAuth } from '../services/fresh-auth.ts';
import { enforceRateLimit } from './rate-limit.ts';
import type { AppEnv } from './types.ts';

/** The current password, for routes that need a fresh authentication (optional when the session is fresh). */
export const FreshAuthBody = z.strictObject({ password: z.string().min(1).max(1024).optional() });

/**
 * Fresh authentication for a signed-in route (requireSession ran): the password, or a session created in the
 * last few minutes. A password re-entry counts against the login limits: it is a password guess like any other.
 */
export async function freshAuth(c: Context<AppEnv>, password: string | undefined): Promise<void> {
  const session = c.var.session!;
  if (password !== undefined) await enforceRateLimit(c, 'login', session.record.user.email);
  await requireFreshAuth(c.var.deps, session, password);
}
