import type { EmailMessage } from '../../platform/adapters/email.ts';
import type { Config } from '../../platform/config.ts';
import { type Block, type EmailKind, type EmailLocale, type EmailPart, type LocaleTexts, variablesOf } from './email-kinds.ts';
import { de } from './locales/de.ts';
import { en } from './locales/en.ts';
import { es } from './locales/es.ts';
import { fr } from './locales/fr.ts';
import { overrides as bundledOverrides } from './overrides.generated.ts';

/**
 * The one template layer: every message IdentSphere sends, in each locale, as subject, plain text and HTML.
 * Built-in texts live in ./locales; an operator's files in email-templates/ (bundled at deploy by
 * scripts/build-email-templates.ts) replace any part of any message per locale. Links are built from
 * configuration only (IDENTSPHERE_APP_URL, else IDENTSPHERE_PUBLIC_BASE_URL) — never from the request's Host
 * header, which an attacker controls and would otherwise use to have us mail the victim a link to their site.
 */

type LinkConfig = Pick<Config, 'IDENTSPHERE_APP_URL' | 'IDENTSPHERE_PUBLIC_BASE_URL'>;

const BUILT_IN: Record<EmailLocale, LocaleTexts> = { en, de, fr, es };

/** Operator overrides, keyed `<kind>.<locale>.<part>` (see EMAIL_PARTS). */
export type EmailOverrides = Readonly<Record<string, string>>;

/** The frontend pages that handle an emailed link. */
export type LinkPage = 'verify-email' | 'reset-password' | 'email-change/confirm' | 'invitations/accept';

/** The one builder of every emailed link: the frontend page, with the secret in the fragment (#token=…). */
export function emailLink(config: LinkConfig, page: LinkPage, token: string): string {
  const base = (config.IDENTSPHERE_APP_URL ?? config.IDENTSPHERE_PUBLIC_BASE_URL).replace(/\/+$/, '');
  // A fragment is never sent to a server: the token stays out of access logs, proxies and Referer headers.
  return `${base}/${page}#token=${encodeURIComponent(token)}`;
}

/** What users see as "where": the app's host, e.g. app.example.com. */
function siteName(config: LinkConfig): string {
  return new URL(config.IDENTSPHERE_APP_URL ?? config.IDENTSPHERE_PUBLIC_BASE_URL).host;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** User-controlled text (names, organization names) goes into subjects without line breaks, and bounded. */
export function oneLine(text: string, max = 120): string {
  const flat = text.replace(/[\r\n\t\u2028\u2029]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** A moment as people of the locale write it, in UTC (the recipient's time zone is not known here). */
export function formatDate(at: Date, locale: EmailLocale): string {
  return `${new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone: 'UTC' }).format(at)} (UTC)`;
}

const PLACEHOLDER = /\{\{\s*([a-z_]+)\s*\}\}/g;

/**
 * Fills `{{name}}` placeholders, each value passed through `encode`. In HTML that is escapeHtml, always:
 * there is deliberately no raw form, since values include user-controlled text (names, addresses).
 */
function fill(template: string, vars: Record<string, string>, encode: (value: string) => string): string {
  return template.replace(PLACEHOLDER, (_, name: string) => (Object.hasOwn(vars, name) ? encode(vars[name]!) : ''));
}

const same = (value: string) => value;
const P = 'margin:0 0 16px';

function blockText(block: Block, vars: Record<string, string>): string {
  if ('p' in block) return fill(block.p, vars, same);
  if ('button' in block) return `${fill(block.button, vars, same)}:\n${vars.link ?? ''}`;
  return `    ${vars.code ?? ''}`;
}

function blockHtml(block: Block, vars: Record<string, string>): string {
  if ('p' in block) return `<p style="${P}">${fill(block.p, vars, escapeHtml)}</p>`;
  if ('code' in block) {
    return `<p style="${P};font-size:28px;letter-spacing:6px;font-family:monospace"><strong>${escapeHtml(vars.code ?? '')}</strong></p>`;
  }
  const href = escapeHtml(vars.link ?? '');
  return (
    `<p style="${P}"><a href="${href}" style="display:inline-block;padding:10px 18px;background:#1f4fd1;color:#fff;border-radius:6px;text-decoration:none">${fill(block.button, vars, escapeHtml)}</a></p>` +
    `<p style="${P};font-size:12px;color:#555;word-break:break-all">${href}</p>`
  );
}

function layout(locale: EmailLocale, subject: string, site: string, body: string): string {
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px;background:#f4f5f7;font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;font-size:15px;line-height:1.5;color:#111">
<div style="max-width:560px;margin:0 auto;background:#fff;border-radius:8px;padding:28px">
<p style="${P};font-weight:600;color:#1f4fd1">${escapeHtml(site)}</p>
${body}
</div>
</body></html>`;
}

export interface RenderOptions {
  /** Replaces the bundled operator overrides (the CLI preview and tests pass their own). */
  overrides?: EmailOverrides;
}

/**
 * Renders `kind` in `locale` for `to`. `vars` are the kind's variables (email-kinds.ts); `site` and `email`
 * are added here. Each part comes from the operator's override when there is one, else the built-in text.
 */
export function renderEmail(
  config: LinkConfig,
  locale: EmailLocale,
  kind: EmailKind,
  to: string,
  vars: Record<string, string>,
  options: RenderOptions = {},
): EmailMessage {
  const all: Record<string, string> = { site: siteName(config), email: to, ...vars };
  for (const name of Object.keys(all)) if (!variablesOf(kind).includes(name)) throw new Error(`email ${kind}: unknown variable ${name}`);
  const overrides = options.overrides ?? bundledOverrides;
  const override = (part: EmailPart) => overrides[`${kind}.${locale}.${part}`];
  const builtIn = BUILT_IN[locale][kind];
  const subject = oneLine(
    fill(override('subject.txt') ?? builtIn.subject, all, (v) => oneLine(v, 200)),
    200,
  );
  const textOverride = override('txt');
  const text =
    textOverride !== undefined
      ? fill(textOverride, all, same).replace(/\n$/, '')
      : builtIn.blocks.map((b) => blockText(b, all)).join('\n\n');
  const htmlOverride = override('html');
  const html = htmlOverride
    ? fill(htmlOverride, all, escapeHtml)
    : layout(locale, subject, all.site!, builtIn.blocks.map((b) => blockHtml(b, all)).join('\n'));
  return { to, subject, text, html, tag: kind };
}
