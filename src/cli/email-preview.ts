// `identsphere email preview <kind> --locale de --out dir/`: renders one message with sample values through
// the Worker's template layer and the operator's overrides (read from email-templates/ as they are now, so an
// edit shows without a rebuild), and writes <kind>.<locale>.html and <kind>.<locale>.txt for a person to look at.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EMAIL_KINDS, EMAIL_LOCALES, type EmailKind, type EmailLocale, isEmailKind } from '../features/email/email-kinds.ts';
import { emailLink, formatDate, renderEmail } from '../features/email/templates.ts';
import { collectOverrides, templatesDir } from './email-templates.ts';

const CONFIG = { IDENTSPHERE_APP_URL: 'https://app.example.com', IDENTSPHERE_PUBLIC_BASE_URL: 'https://auth.example.com' };
const SAMPLE_TOKEN = 'sample-token-not-valid';

function sampleVars(kind: EmailKind, locale: EmailLocale): Record<string, string> {
  const date = formatDate(new Date('2026-03-14T09:26:53Z'), locale);
  const samples: Record<string, string> = {
    hours: '24',
    minutes: kind === 'email_otp' ? '10' : '60',
    code: '042917',
    date,
    old_email: 'ada@example.com',
    new_email: 'ada.lovelace@example.org',
    organization: 'Analytical Engines Ltd',
    inviter: 'Charles Babbage (charles@example.com)',
    role: 'admin',
    days: '7',
  };
  const page = { verify_email: 'verify-email', password_reset: 'reset-password', email_change_verify: 'email-change/confirm' } as const;
  const link =
    kind === 'organization_invitation'
      ? emailLink(CONFIG, 'invitations/accept', SAMPLE_TOKEN)
      : kind in page
        ? emailLink(CONFIG, page[kind as keyof typeof page], SAMPLE_TOKEN)
        : '';
  const vars: Record<string, string> = {};
  for (const name of EMAIL_KINDS[kind]) vars[name] = name === 'link' ? link : samples[name]!;
  return vars;
}

export interface PreviewResult {
  code: number;
  lines: string[];
  /** What was written (for --json). */
  written?: { subject: string; html: string; text: string };
}

export function emailPreview(kind: string | undefined, options: { locale?: string; out?: string; templates?: string }): PreviewResult {
  const kinds = Object.keys(EMAIL_KINDS).join(', ');
  if (!kind || !isEmailKind(kind)) return { code: 2, lines: [`email preview needs a kind: ${kinds}`] };
  const locale = (options.locale ?? 'en') as EmailLocale;
  if (!EMAIL_LOCALES.includes(locale)) return { code: 2, lines: [`--locale must be one of ${EMAIL_LOCALES.join(', ')}`] };
  const out = options.out ?? '.';
  const message = renderEmail(CONFIG, locale, kind, 'ada@example.com', sampleVars(kind, locale), {
    overrides: collectOverrides(templatesDir(options.templates)),
  });
  mkdirSync(out, { recursive: true });
  const html = join(out, `${kind}.${locale}.html`);
  const text = join(out, `${kind}.${locale}.txt`);
  writeFileSync(html, message.html);
  writeFileSync(text, `Subject: ${message.subject}\n\n${message.text}\n`);
  return {
    code: 0,
    lines: [`subject: ${message.subject}`, `wrote ${html}`, `wrote ${text}`],
    written: { subject: message.subject, html, text },
  };
}
