// Security requirement 7: links in emails come from IDENTSPHERE_APP_URL / IDENTSPHERE_PUBLIC_BASE_URL, never
// from the request's Host (or X-Forwarded-Host) — otherwise an attacker could have us mail a victim a
// reset link pointing at the attacker's site. Also: every template has a text and an HTML part, escaped.
import { describe, expect, it } from 'vitest';
import {
  emailChangedMessage,
  emailOtpMessage,
  passwordChangedMessage,
  passwordResetMessage,
  verifyEmailMessage,
} from '../../../src/features/email/messages.ts';
import { escapeHtml } from '../../../src/features/email/templates.ts';
import { flowEnv, mails } from '../support/index.ts';

const SPOOF = { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' };

describe('email links', () => {
  it('reset and verification links use IDENTSPHERE_APP_URL whatever Host the request carried', async () => {
    const flow = flowEnv({ IDENTSPHERE_APP_URL: 'https://app.example.com' });
    const { email, cookie } = await flow.register();
    const [welcome] = mails(email, 'verify_email');
    expect(welcome!.text).toMatch(/\nhttps:\/\/app\.example\.com\/verify-email#token=[A-Za-z0-9_-]{43}\n/);

    await flow.call('http://evil.example/v1/auth/password/forgot', { method: 'POST', json: { email }, headers: SPOOF });
    flow.clock.advance(61 * 1000);
    await flow.call('http://evil.example/v1/auth/email/verify/request', { method: 'POST', cookie, headers: SPOOF });
    await flow.settle();
    const sent = [...mails(email, 'password_reset'), ...mails(email, 'verify_email')];
    expect(sent).toHaveLength(3);
    for (const message of sent) {
      expect(message.text + message.html).not.toContain('evil.example');
      expect(message.text).toMatch(/https:\/\/app\.example\.com\/(reset-password|verify-email)#token=/);
    }
  });

  it('without an app URL, links use IDENTSPHERE_PUBLIC_BASE_URL', async () => {
    const flow = flowEnv();
    const { email } = await flow.register();
    await flow.call('http://evil.example/v1/auth/password/forgot', { method: 'POST', json: { email }, headers: SPOOF });
    await flow.settle();
    expect(mails(email, 'password_reset')[0]!.text).toContain('http://localhost:8787/reset-password#token=');
  });
});

describe('email templates', () => {
  const config = { IDENTSPHERE_APP_URL: 'https://app.example.com', IDENTSPHERE_PUBLIC_BASE_URL: 'https://auth.example.com' };
  const at = new Date('2026-01-02T03:04:05Z');
  const all = [
    verifyEmailMessage(config, 'en', 'ada@example.com', 'tok', 24),
    passwordResetMessage(config, 'en', 'ada@example.com', 'tok', 60),
    emailOtpMessage(config, 'en', 'ada@example.com', '042917', 10),
    passwordChangedMessage(config, 'en', 'ada@example.com', at),
    emailChangedMessage(config, 'en', 'ada@example.com', 'new@example.com', at),
  ];

  it('each has a subject, a tag, a plain-text part and an HTML part saying the same', () => {
    expect(all.map((m) => m.tag)).toEqual(['verify_email', 'password_reset', 'email_otp', 'password_changed', 'email_changed_notice']);
    for (const m of all) {
      expect(m.subject.length).toBeGreaterThan(5);
      expect(m.text).toContain('app.example.com');
      expect(m.html).toMatch(/^<!doctype html>/);
      expect(m.html).toContain(escapeHtml(m.subject));
    }
    expect(all[2]!.text).toContain('042917');
    expect(all[2]!.html).toContain('042917');
    expect(all[2]!.subject).not.toContain('042917');
    expect(all[4]!.to).toBe('ada@example.com');
    expect(all[4]!.text).toContain('new@example.com');
    expect(all[3]!.text).toContain('Friday, January 2, 2026 at 3:04 AM (UTC)');
  });

  it('escapes what it interpolates into HTML', () => {
    const m = emailChangedMessage(config, 'en', 'ada@example.com', '"><script>alert(1)</script>@x.example', at);
    expect(m.html).not.toContain('<script>');
    expect(m.html).toContain('&#34;&#62;&#60;script&#62;');
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&#60;a href=&#34;x&#34; onclick=&#39;y&#39;&#62;&#38;&#60;/a&#62;');
  });
});
