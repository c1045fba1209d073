import type { Context } from 'hono';
import * as z from 'zod';
import { requestContext } from '../../http/request.ts';
import type { SignedInEnv } from '../../http/types.ts';
import { requireFreshAuth } from './password-reentry.ts';

/** The current password, for routes that need a fresh authentication (optional when the session is fresh). */
export const FreshAuthBody = z.strictObject({ password: z.string().min(1).max(1024).optional() });

/** Fresh authentication for a signed-in route (requireSession ran): the password, or a recent sign-in. */
export async function freshAuth(c: Context<SignedInEnv>, password: string | undefined): Promise<void> {
  await requireFreshAuth(c.var.deps, requestContext(c), c.var.session, password);
}
