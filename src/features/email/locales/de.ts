import type { LocaleTexts } from '../email-kinds.ts';

const IGNORE = 'Wenn Sie das nicht angefordert haben, können Sie diese E-Mail ignorieren.';

export const de: LocaleTexts = {
  verify_email: {
    subject: 'Bestätigen Sie Ihre E-Mail-Adresse',
    blocks: [
      { p: 'Bitte bestätigen Sie, dass {{email}} Ihre E-Mail-Adresse für {{site}} ist.' },
      { button: 'E-Mail-Adresse bestätigen' },
      { p: `Der Link ist {{hours}} Stunden gültig. ${IGNORE}` },
    ],
  },
  password_reset: {
    subject: 'Passwort zurücksetzen',
    blocks: [
      { p: 'Jemand hat angefordert, das Passwort Ihres Kontos bei {{site}} zurückzusetzen.' },
      { button: 'Neues Passwort wählen' },
      { p: `Der Link funktioniert einmal und ist {{minutes}} Minuten gültig. ${IGNORE} Ihr Passwort bleibt dann unverändert.` },
    ],
  },
  email_otp: {
    subject: 'Ihr Anmeldecode',
    blocks: [
      { p: 'Ihr Code für die Anmeldung bei {{site}}:' },
      { code: true },
      { p: `Er ist {{minutes}} Minuten gültig. Geben Sie ihn niemandem weiter: Wir werden Sie nie danach fragen. ${IGNORE}` },
    ],
  },
  password_changed: {
    subject: 'Ihr Passwort wurde geändert',
    blocks: [
      { p: 'Das Passwort Ihres Kontos bei {{site}} wurde am {{date}} geändert. Ihre anderen Sitzungen wurden abgemeldet.' },
      { p: 'Wenn Sie das nicht waren, setzen Sie Ihr Passwort sofort zurück und wenden Sie sich an den Support.' },
    ],
  },
  email_change_verify: {
    subject: 'Bestätigen Sie Ihre neue E-Mail-Adresse',
    blocks: [
      { p: 'Jemand (hoffentlich Sie) möchte diese Adresse für ein Konto bei {{site}} verwenden.' },
      {
        p: 'Bestätigen Sie die Änderung innerhalb von {{minutes}} Minuten über den Link unten. Wenn Sie das nicht waren, ignorieren Sie diese E-Mail: Es ändert sich nichts.',
      },
      { button: 'E-Mail-Adresse bestätigen' },
    ],
  },
  email_change_in_use: {
    subject: 'Änderung der E-Mail-Adresse nicht möglich',
    blocks: [
      {
        p: 'Jemand wollte ein anderes Konto bei {{site}} auf diese E-Mail-Adresse umstellen. Sie wird bereits von einem Konto verwendet, daher wurde nichts geändert.',
      },
      { p: 'Wenn Sie das waren, melden Sie sich stattdessen mit dieser Adresse an. Andernfalls können Sie diese E-Mail ignorieren.' },
    ],
  },
  email_changed_notice: {
    subject: 'Ihre E-Mail-Adresse wurde geändert',
    blocks: [
      { p: 'Die E-Mail-Adresse Ihres Kontos bei {{site}} wurde am {{date}} von {{old_email}} auf {{new_email}} geändert.' },
      { p: 'Ab jetzt schreiben wir nur noch an die neue Adresse. Wenn Sie das nicht waren, wenden Sie sich sofort an den Support.' },
    ],
  },
  organization_invitation: {
    subject: 'Einladung zu {{organization}}',
    blocks: [
      { p: '{{inviter}} hat Sie eingeladen, „{{organization}}“ als {{role}} beizutreten.' },
      {
        p: 'Nehmen Sie die Einladung innerhalb von {{days}} Tagen über den Link unten an (melden Sie sich mit dieser E-Mail-Adresse an oder erstellen Sie ein Konto). Wenn Sie keine Einladung erwartet haben, ignorieren Sie diese E-Mail.',
      },
      { button: 'Einladung annehmen' },
    ],
  },
};
