import { eq } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import type { RequestContext } from '../audit/audit.ts';
import { EMAIL_LOCALES, type EmailLocale } from './email-kinds.ts';

/** The locale we write in for a language tag: exact or by its language (`de-AT` → `de`); null if none. */
export function supportedLocale(tag: string | null | undefined): EmailLocale | null {
  if (!tag) return null;
  const language = tag.trim().toLowerCase().split(/[-_]/)[0];
  return EMAIL_LOCALES.find((l) => l === language) ?? null;
}

/** The best supported language of an Accept-Language header (by q, then order); null if none fits. */
export function fromAcceptLanguage(header: string | null | undefined): EmailLocale | null {
  if (!header) return null;
  const ranked = header
    .split(',')
    .slice(0, 20)
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag ?? '', q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.q > 0 && entry.tag !== '*')
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const locale = supportedLocale(tag);
    if (locale) return locale;
  }
  return null;
}

/** The user's stored locale, else the request's Accept-Language, else English. */
export function chooseLocale(stored: string | null | undefined, acceptLanguage: string | null | undefined): EmailLocale {
  return supportedLocale(stored) ?? fromAcceptLanguage(acceptLanguage) ?? 'en';
}

/** The locale of a message to a user (by id) or to an address (its account's locale, if it has one). */
export async function recipientLocale(deps: Deps, ctx: Pick<RequestContext, 'acceptLanguage'>, to: { userId: string } | { email: string }) {
  const { db, t } = deps;
  const profiles = t.userProfiles;
  const [row] =
    'userId' in to
      ? await db.select({ locale: profiles.locale }).from(profiles).where(eq(profiles.userId, to.userId))
      : await db
          .select({ locale: profiles.locale })
          .from(profiles)
          .innerJoin(t.users, eq(t.users.id, profiles.userId))
          .where(eq(t.users.email, to.email));
  return chooseLocale(row?.locale, ctx.acceptLanguage);
}
