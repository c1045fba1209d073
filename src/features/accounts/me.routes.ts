import { Hono } from 'hono';
import * as z from 'zod';
import { clearSessionCookie } from '../../http/cookies.ts';
import { parseJson, parseOptionalJson, requestContext } from '../../http/request.ts';
import { describeRoute } from '../../http/route-contract.ts';
import { isBearerRequest } from '../../http/session-credential.ts';
import type { AppEnv } from '../../http/types.ts';
import { emailField } from '../../lib/email.ts';
import { textField } from '../../lib/text.ts';
import { confirmEmailChange } from '../email/email-change.ts';
import { requireSession } from '../sessions/session.middleware.ts';
import { Me, ProfileUpdated, UserExport } from './account.schemas.ts';
import { deleteAccount } from './account-deletion.ts';
import { exportUserData } from './data-export.ts';
import { loadUserView, updateProfile } from './profile.ts';

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
  .get(
    '/',
    describeRoute({
      operationId: 'getMe',
      summary: 'The signed-in user’s profile',
      tag: 'profile',
      auth: true,
      responses: { 200: { description: 'The user', schema: Me } },
      errors: [],
    }),
    requireSession,
    async (c) => c.json({ user: await loadUserView(c.var.deps, c.var.session.record.user.id) } satisfies z.input<typeof Me>),
  )
  .patch(
    '/',
    describeRoute({
      operationId: 'updateMe',
      summary: 'Update the profile; a new email needs fresh authentication and applies once confirmed',
      tag: 'profile',
      auth: true,
      body: ProfilePatchBody,
      responses: { 200: { description: 'The updated user', schema: ProfileUpdated } },
      errors: ['reauthentication_required', 'email_taken'],
    }),
    requireSession,
    async (c) => {
      const input = await parseJson(c, ProfilePatchBody);
      return c.json((await updateProfile(c.var.deps, requestContext(c), c.var.session, input)) satisfies z.input<typeof ProfileUpdated>);
    },
  )
  // From the link sent to the new address; no session needed (the link may be opened on another device).
  .post(
    '/email/confirm',
    describeRoute({
      operationId: 'confirmEmailChange',
      summary: 'Confirm an email change with the token from the link sent to the new address',
      tag: 'profile',
      auth: false,
      body: EmailChangeConfirmBody,
      responses: { 200: { description: 'The user, with the new email', schema: Me } },
      errors: ['invalid_token', 'email_taken'],
    }),
    async (c) => {
      const { token } = await parseJson(c, EmailChangeConfirmBody);
      const userId = await confirmEmailChange(c.var.deps, requestContext(c), token);
      c.set('userId', userId);
      return c.json({ user: await loadUserView(c.var.deps, userId) } satisfies z.input<typeof Me>);
    },
  )
  .get(
    '/export',
    describeRoute({
      operationId: 'exportMe',
      summary: 'Download everything stored about the user (a JSON attachment)',
      tag: 'profile',
      auth: true,
      responses: { 200: { description: 'The export', schema: UserExport } },
      errors: [],
    }),
    requireSession,
    async (c) => {
      const data = await exportUserData(c.var.deps, requestContext(c), c.var.session);
      c.header('Content-Disposition', `attachment; filename="identsphere-export-${data.exported_at.slice(0, 10)}.json"`);
      c.header('Cache-Control', 'no-store');
      return c.json(data satisfies z.input<typeof UserExport>);
    },
  )
  .delete(
    '/',
    describeRoute({
      operationId: 'deleteMe',
      summary: 'Delete the account (fresh authentication: the password, or a recent sign-in)',
      tag: 'profile',
      auth: true,
      body: AccountDeleteBody,
      bodyRequired: false,
      responses: { 204: { description: 'Deleted; the session cookie is deleted', sessionCookie: 'clear' } },
      errors: ['reauthentication_required', 'transfer_ownership_first', 'last_admin'],
    }),
    requireSession,
    async (c) => {
      const { password } = await parseOptionalJson(c, AccountDeleteBody);
      await deleteAccount(c.var.deps, requestContext(c), c.var.session, password);
      if (!isBearerRequest(c)) clearSessionCookie(c);
      return c.body(null, 204);
    },
  );
