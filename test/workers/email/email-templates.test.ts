// Templates without a fork, and languages: every message in en, de, fr, es; the recipient's stored locale
// wins, else the request's Accept-Language, else English; operator overrides (the fixtures in
// test/fixtures/email-templates, bundled by vitest.config.ts like `wrangler deploy` bundles email-templates/)
// replace a part per message and locale; every variable is HTML-escaped, in built-in and override HTML alike.
import { describe, expect, it } from 'vitest';
import { chooseLocale, fromAcceptLanguage } from '../../../src/features/email/locale.ts';
import { invitationMessage } from '../../../src/features/email/messages.ts';
import { renderEmail } from '../../../src/features/email/templates.ts';
import {
  call,
  createOrganization,
  flowEnv,
  json,
  lastMailTo,
  mails,
  PASSWORD,
  registerUser,
  sessionCookie,
  uniqueEmail,
} from '../support/index.ts';

const config = { IDENTSPHERE_APP_URL: 'https://app.example.com', IDENTSPHERE_PUBLIC_BASE_URL: 'https://auth.example.com' };

async function registerWith(flow: ReturnType<typeof flowEnv>, acceptLanguage: string) {
  const email = uniqueEmail();
  const res = await flow.call('/v1/auth/register', {
    method: 'POST',
    json: { email, password: PASSWORD },
    headers: { 'accept-language': acceptLanguage },
  });
  expect(res.status).toBe(201);
  await flow.settle();
  return { email, cookie: sessionCookie(res) };
}

describe('email locale choice', () => {
  it('follows Accept-Language when the user has no stored locale (de-AT → de), else English', async () => {
    const flow = flowEnv();
    const austrian = await registerWith(flow, 'de-AT,de;q=0.9,en;q=0.5');
    expect(mails(austrian.email, 'verify_email')[0]!.subject).toBe('Bestätigen Sie Ihre E-Mail-Adresse');
    const japanese = await registerWith(flow, 'ja-JP,ja;q=0.9');
    expect(mails(japanese.email, 'verify_email')[0]!.subject).toBe('Confirm your email address');
  });

  it("the user's stored locale wins over the request's Accept-Language", async () => {
    const flow = flowEnv();
    const user = await registerWith(flow, 'fr-FR');
    expect(mails(user.email, 'verify_email')[0]!.subject).toBe('Confirmez votre adresse e-mail');
    const patched = await flow.call('/v1/auth/me', { method: 'PATCH', cookie: user.cookie, json: { locale: 'es-MX' } });
    expect(patched.status).toBe(200);
    await flow.call('/v1/auth/password/forgot', { method: 'POST', json: { email: user.email }, headers: { 'accept-language': 'de' } });
    await flow.settle();
    const reset = mails(user.email, 'password_reset').at(-1)!;
    expect(reset.subject).toBe('Restablece tu contraseña');
    expect(reset.text).toContain('Elegir una contraseña nueva:\nhttp://localhost:8787/reset-password#token=');
    expect(reset.html).toMatch(/^<!doctype html>\n<html lang="es">/);
  });

  it('matches by language, weighs q-values and falls back to en', () => {
    expect(chooseLocale('de-AT', 'fr')).toBe('de');
    expect(chooseLocale('pt-BR', 'fr-CA, de;q=0.5')).toBe('fr');
    expect(fromAcceptLanguage('ja, es;q=0.8, de;q=0.9, fr;q=0')).toBe('de');
    expect(chooseLocale(null, '*')).toBe('en');
    expect(chooseLocale(null, null)).toBe('en');
  });

  it('every message exists in every locale, with a subject, a text and an HTML part', () => {
    for (const locale of ['en', 'de', 'fr', 'es'] as const) {
      const m = invitationMessage(config, locale, {
        to: 'a@example.com',
        token: 'T',
        organizationName: 'Acme',
        inviter: 'Bo',
        role: 'admin',
        ttlDays: 7,
      });
      expect(m.text).toContain('https://app.example.com/invitations/accept#token=T');
      expect(m.subject).toContain('Acme');
    }
  });
});

describe('operator template overrides', () => {
  it('replace the subject and text of a message in one locale; other parts and locales stay built in', async () => {
    const flow = flowEnv();
    const user = await registerWith(flow, 'de-DE');
    const res = await flow.call('/v1/auth/password/change', {
      method: 'POST',
      cookie: user.cookie,
      json: { current_password: PASSWORD, new_password: 'a brand new passphrase' },
      headers: { 'accept-language': 'de-DE' },
    });
    expect(res.status).toBe(204);
    await flow.settle();
    const notice = mails(user.email, 'password_changed').at(-1)!;
    expect(notice.subject).toBe('localhost:8787: Ihr Passwort wurde geändert (Vorlage des Betreibers)');
    expect(notice.text).toMatch(
      /^Hallo \S+@example\.com,\n\nIhr Passwort bei localhost:8787 wurde am .+ \(UTC\) geändert\.\n\nIhr Betreiber-Team$/,
    );
    // No HTML override for it: the built-in German HTML.
    expect(notice.html).toContain('Ihre anderen Sitzungen wurden abgemeldet');

    const english = await registerWith(flow, 'en');
    await flow.call('/v1/auth/password/change', {
      method: 'POST',
      cookie: english.cookie,
      json: { current_password: PASSWORD, new_password: 'a brand new passphrase' },
    });
    await flow.settle();
    expect(mails(english.email, 'password_changed').at(-1)!.subject).toBe('Your password was changed');
  });

  it('an HTML override gets every variable escaped (user-controlled organization and inviter names)', async () => {
    const owner = await registerUser();
    await json(await call('/v1/auth/me', { method: 'PATCH', cookie: owner.cookie, json: { name: '<img src=x onerror=alert(1)>' } }));
    const org = await createOrganization(owner.cookie, '"><script>alert(1)</script>');
    const guest = uniqueEmail();
    const res = await call(`/v1/auth/organizations/${org.id}/invitations`, {
      method: 'POST',
      cookie: owner.cookie,
      json: { email: guest, role: 'member' },
      headers: { 'accept-language': 'fr-BE' },
    });
    expect(res.status).toBe(201);
    const mail = lastMailTo(guest)!;
    expect(mail.html).toContain('class="operator-template"');
    expect(mail.html).not.toMatch(/<script|<img/);
    expect(mail.html).toContain('&#34;&#62;&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(mail.html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(mail.html).toMatch(/<a href="http:\/\/localhost:8787\/invitations\/accept#token=[A-Za-z0-9_-]{43}">Rejoindre<\/a>/);
    // The text part has no override: built-in French, values as written.
    expect(mail.text).toContain('« "><script>alert(1)</script> »');
  });

  it('built-in HTML escapes variables too, and an unknown variable is refused', () => {
    const m = invitationMessage(config, 'en', {
      to: 'a@example.com',
      token: 'T',
      organizationName: 'A & <b>B</b>',
      inviter: "O'Brien",
      role: 'member',
      ttlDays: 7,
    });
    expect(m.html).toContain('A &#38; &#60;b&#62;B&#60;/b&#62;');
    expect(m.html).toContain('O&#39;Brien');
    expect(m.html).not.toContain('<b>');
    expect(() => renderEmail(config, 'en', 'email_otp', 'a@example.com', { code: '1', minutes: '5', link: 'x' })).toThrow(
      /unknown variable link/,
    );
  });
});
