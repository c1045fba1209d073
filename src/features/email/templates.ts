import type { EmailMessage } from '../../platform/adapters/email.ts';
import type { Config } from '../../platform/config.ts';

/**
 * Every message IdentSphere sends, as plain text and HTML. Links are built from configuration only
 * (IDENTSPHERE_APP_URL, else IDENTSPHERE_PUBLIC_BASE_URL) — never from the request's Host header, which an
 * attacker controls and would otherwise use to have us mail the victim a link to their own site.
 */

type LinkConfig = Pick<Config, 'IDENTSPHERE_APP_URL' | 'IDENTSPHERE_PUBLIC_BASE_URL'>;

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

/** User-controlled text (names, organization names) goes into HTML escaped, into subjects without line breaks. */
export function oneLine(text: string, max = 120): string {
  const flat = text.replace(/[\r\n\t\u2028\u2029]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export type Block = { p: string } | { link: string; label: string } | { code: string };

/** The one email kit: plain text and escaped HTML from the same blocks. */
export function render(to: string, tag: string, subject: string, blocks: Block[]): EmailMessage {
  const text = blocks.map((b) => ('p' in b ? b.p : 'link' in b ? `${b.label}:\n${b.link}` : `    ${b.code}`)).join('\n\n');
  const body = blocks
    .map((b) =>
      'p' in b
        ? `<p style="margin:0 0 16px">${escapeHtml(b.p)}</p>`
        : 'link' in b
          ? `<p style="margin:0 0 16px"><a href="${escapeHtml(b.link)}" style="display:inline-block;padding:10px 18px;background:#1f4fd1;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(b.label)}</a></p>` +
            `<p style="margin:0 0 16px;font-size:12px;color:#555;word-break:break-all">${escapeHtml(b.link)}</p>`
          : `<p style="margin:0 0 16px;font-size:28px;letter-spacing:6px;font-family:monospace"><strong>${escapeHtml(b.code)}</strong></p>`,
    )
    .join('\n');
  const html = `<!doctype html>
<html><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px;font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;font-size:15px;line-height:1.5;color:#111">
${body}
</body></html>`;
  return { to, subject, text, html, tag };
}

const IGNORE = 'If you did not ask for this, you can ignore this email.';

export function verifyEmailMessage(config: LinkConfig, to: string, token: string, ttlHours: number): EmailMessage {
  return render(to, 'verify_email', 'Confirm your email address', [
    { p: `Confirm that ${to} is your email address for ${siteName(config)}.` },
    { link: emailLink(config, 'verify-email', token), label: 'Confirm email address' },
    { p: `The link expires in ${ttlHours} hours. ${IGNORE}` },
  ]);
}

export function passwordResetMessage(config: LinkConfig, to: string, token: string, ttlMinutes: number): EmailMessage {
  return render(to, 'password_reset', 'Reset your password', [
    { p: `Someone asked to reset the password of your account at ${siteName(config)}.` },
    { link: emailLink(config, 'reset-password', token), label: 'Choose a new password' },
    { p: `The link works once and expires in ${ttlMinutes} minutes. ${IGNORE} Your password stays as it is.` },
  ]);
}

export function emailOtpMessage(config: LinkConfig, to: string, code: string, ttlMinutes: number): EmailMessage {
  return render(to, 'email_otp', 'Your sign-in code', [
    { p: `Your code to sign in to ${siteName(config)}:` },
    { code },
    { p: `It expires in ${ttlMinutes} minutes. Never share it: we will never ask you for it. ${IGNORE}` },
  ]);
}

export function passwordChangedMessage(config: LinkConfig, to: string, at: Date): EmailMessage {
  return render(to, 'password_changed', 'Your password was changed', [
    { p: `The password of your account at ${siteName(config)} was changed on ${at.toUTCString()}. Your other sessions were signed out.` },
    { p: 'If this was not you, reset your password at once and contact support.' },
  ]);
}

/** Sent to the previous address when an account's email changes, so a hijacker cannot do it silently. */
export function emailChangedMessage(config: LinkConfig, oldAddress: string, newAddress: string, at: Date): EmailMessage {
  return render(oldAddress, 'email_changed_notice', 'Your email address was changed', [
    {
      p: `The email address of your account at ${siteName(config)} was changed from ${oldAddress} to ${newAddress} on ${at.toUTCString()}.`,
    },
    { p: 'From now on we write to the new address only. If this was not you, contact support at once.' },
  ]);
}
