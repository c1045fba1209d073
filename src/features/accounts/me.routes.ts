import { Hono } from 'hono';
import * as z from 'zod';
import { clearSessionCookie } from '../../http/cookies.ts';
import { parseJson, parseOptionalJson, requestContext } from '../../http/request.ts';
import type { AppEnv } from '../../http/types.ts';
import { emailField } from '../../lib/email.ts';
import { requireSession } from '../sessions/session.middleware.ts';
import { deleteAccount } from './account-deletion.ts';
import { exportUserData } from './data-export.ts';
import { confirmEmailChange } from '../email/email-change.ts';
import { loadUserView, updateProfile } from './profile.ts';
import { textField } from '../../lib/text.ts';

/** A BCP 47 language tag, stored in canonical form (e.g. `en-gb` → `en-GB`). */
const localeField = z
  .string()
  .max(35)
  .transform((tag, ctx) => {
    try {
      const [canonical] = Intl.getCanonicalLocales(tag);
      if (canonical) return canonical;
    } catch {
      // reported below
    }
    ctx.addIssue({ code: 'custom', message: 'must be a BCP 47 language tag' });
    return z.NEVER;
  });

/** An IANA time zone name, stored as the runtime resolves it. */
const timeZoneField = z
  .string()
  .max(64)
  .transform((zone, ctx) => {
    try {
      return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be an IANA time zone (e.g. Europe/Paris)' });
      return z.NEVER;
    }
  });

export const ProfilePatchBody = z.strictObject({
  name: textField({ max: 200 }).nullable().optional(),
  locale: localeField.nullable().optional(),
  time_zone: timeZoneField.nullable().optional(),
  // Changing the email needs fresh authentication: `current_password`, or a sign-in within the last minutes.
  email: emailField.optional(),
  current_password: z.string().min(1).max(1024).optional(),
});

export const EmailChangeConfirmBody = z.strictObject({ token: z.string().min(1).max(200) });

export const AccountDeleteBody = z.strictObject({ password: z.string().min(1).max(1024).optional() });

export const profileRoutes = new Hono<AppEnv>()
  .get('/', requireSession, async (c) => c.json({ user: await loadUserView(c.var.deps, c.var.session.record.user.id) }))
  .patch('/', requireSession, async (c) => {
    const input = await parseJson(c, ProfilePatchBody);
    return c.json(await updateProfile(c.var.deps, requestContext(c), c.var.session, input));
  })
  // From the link sent to the new address; no session needed (the link may be opened on another device).
  .post('/email/confirm', async (c) => {
    const { token } = await parseJson(c, EmailChangeConfirmBody);
    const userId = await confirmEmailChange(c.var.deps, requestContext(c), token);
    c.set('userId', userId);
    return c.json({ user: await loadUserView(c.var.deps, userId) });
  })
  .get('/export', requireSession, async (c) => {
    const data = await exportUserData(c.var.deps, requestContext(c), c.var.session);
    c.header('Content-Disposition', `attachment; filename="identsphere-export-${data.exported_at.slice(0, 10)}.json"`);
    c.header('Cache-Control', 'no-store');
    return c.json(data);
  })
  .delete('/', requireSession, async (c) => {
    const { password } = await parseOptionalJson(c, AccountDeleteBody);
    await deleteAccount(c.var.deps, requestContext(c), c.var.session, password);
    clearSessionCookie(c);
    return c.body(null, 204);
  });
