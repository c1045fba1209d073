// The messages IdentSphere sends, the languages it writes them in, and the variables each template may use.
// Shared by the renderer (Worker), the override bundler (scripts/build-email-templates.ts) and the CLI preview.

export const EMAIL_LOCALES = ['en', 'de', 'fr', 'es'] as const;
export type EmailLocale = (typeof EMAIL_LOCALES)[number];

/** Each kind (also the message's tag) with the variables its templates may use, besides `site` and `email`. */
export const EMAIL_KINDS = {
  verify_email: ['link', 'hours'],
  password_reset: ['link', 'minutes'],
  email_otp: ['code', 'minutes'],
  password_changed: ['date'],
  email_change_verify: ['link', 'minutes'],
  email_change_in_use: [],
  email_changed_notice: ['old_email', 'new_email', 'date'],
  organization_invitation: ['link', 'organization', 'inviter', 'role', 'days'],
} as const satisfies Record<string, readonly string[]>;
export type EmailKind = keyof typeof EMAIL_KINDS;

/** The three parts an operator may override, as file suffixes: `<kind>.<locale>.<part>`. */
export const EMAIL_PARTS = ['subject.txt', 'txt', 'html'] as const;
export type EmailPart = (typeof EMAIL_PARTS)[number];

/** Every variable a template of `kind` may use. */
export function variablesOf(kind: EmailKind): string[] {
  return ['site', 'email', ...EMAIL_KINDS[kind]];
}

export function isEmailKind(value: string): value is EmailKind {
  return Object.hasOwn(EMAIL_KINDS, value);
}

/** A building block of a built-in message: a paragraph, the button for {{link}}, or the big {{code}}. */
export type Block = { p: string } | { button: string } | { code: true };

export interface BuiltInMessage {
  subject: string;
  blocks: Block[];
}

export type LocaleTexts = Record<EmailKind, BuiltInMessage>;
