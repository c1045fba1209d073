/** Small helpers for the account emails (email change, invitations); their links come from templates.ts emailLink. */
import { escapeHtml } from './templates.ts';

/** User-controlled text (names, organization names) goes into HTML escaped, into subjects without line breaks. */
export function oneLine(text: string, max = 120): string {
  const flat = text.replace(/[\r\n\t\u2028\u2029]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** A minimal, client-safe HTML body: paragraphs of escaped text and at most one button link. */
export function htmlEmail(paragraphs: string[], link?: { href: string; label: string }): string {
  const body = paragraphs.map((p) => `<p style="margin:0 0 16px">${escapeHtml(p)}</p>`).join('\n');
  const button = link
    ? `<p style="margin:0 0 16px"><a href="${escapeHtml(link.href)}" style="display:inline-block;padding:10px 16px;background:#1f2937;color:#fff;text-decoration:none;border-radius:6px">${escapeHtml(link.label)}</a></p>\n<p style="margin:0 0 16px;font-size:12px;color:#555">${escapeHtml(link.href)}</p>`
    : '';
  return `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#111">\n${body}\n${button}\n</body></html>`;
}
