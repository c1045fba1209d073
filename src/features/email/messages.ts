import type { EmailMessage } from '../../platform/adapters/email.ts';
import type { Config } from '../../platform/config.ts';
import type { EmailLocale } from './email-kinds.ts';
import { emailLink, formatDate, oneLine, renderEmail } from './templates.ts';

// Every message, with its variables typed: the services call these, the template layer (templates.ts) renders.

type LinkConfig = Pick<Config, 'IDENTSPHERE_APP_URL' | 'IDENTSPHERE_PUBLIC_BASE_URL'>;

export function verifyEmailMessage(config: LinkConfig, locale: EmailLocale, to: string, token: string, ttlHours: number): EmailMessage {
  return renderEmail(config, locale, 'verify_email', to, { link: emailLink(config, 'verify-email', token), hours: String(ttlHours) });
}

export function passwordResetMessage(config: LinkConfig, locale: EmailLocale, to: string, token: string, ttlMinutes: number): EmailMessage {
  return renderEmail(config, locale, 'password_reset', to, {
    link: emailLink(config, 'reset-password', token),
    minutes: String(ttlMinutes),
  });
}

export function emailOtpMessage(config: LinkConfig, locale: EmailLocale, to: string, code: string, ttlMinutes: number): EmailMessage {
  return renderEmail(config, locale, 'email_otp', to, { code, minutes: String(ttlMinutes) });
}

export function passwordChangedMessage(config: LinkConfig, locale: EmailLocale, to: string, at: Date): EmailMessage {
  return renderEmail(config, locale, 'password_changed', to, { date: formatDate(at, locale) });
}

/** To the new address: proves the requester controls it. */
export function emailChangeVerification(
  config: LinkConfig,
  locale: EmailLocale,
  to: string,
  token: string,
  ttlMinutes: number,
): EmailMessage {
  return renderEmail(config, locale, 'email_change_verify', to, {
    link: emailLink(config, 'email-change/confirm', token),
    minutes: String(ttlMinutes),
  });
}

/** To a new address that already belongs to another account: tells its owner, tells the requester nothing. */
export function emailChangeAddressInUse(config: LinkConfig, locale: EmailLocale, to: string): EmailMessage {
  return renderEmail(config, locale, 'email_change_in_use', to, {});
}

/** Sent to the previous address when an account's email changes, so a hijacker cannot do it silently. */
export function emailChangedMessage(
  config: LinkConfig,
  locale: EmailLocale,
  oldAddress: string,
  newAddress: string,
  at: Date,
): EmailMessage {
  return renderEmail(config, locale, 'email_changed_notice', oldAddress, {
    old_email: oldAddress,
    new_email: newAddress,
    date: formatDate(at, locale),
  });
}

export function invitationMessage(
  config: LinkConfig,
  locale: EmailLocale,
  input: { to: string; token: string; organizationName: string; inviter: string; role: string; ttlDays: number },
): EmailMessage {
  return renderEmail(config, locale, 'organization_invitation', input.to, {
    link: emailLink(config, 'invitations/accept', input.token),
    organization: oneLine(input.organizationName, 200),
    inviter: oneLine(input.inviter, 200),
    role: input.role,
    days: String(input.ttlDays),
  });
}
