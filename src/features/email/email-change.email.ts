import type { EmailMessage } from '../../platform/adapters/email.ts';
import type { Config } from '../../platform/config.ts';
import { emailLink } from './templates.ts';
import { htmlEmail } from './account-email-kit.ts';

/** To the new address: proves the requester controls it. */
export function emailChangeVerification(config: Config, to: string, token: string, ttlMinutes: number): EmailMessage {
  const link = emailLink(config, 'email-change/confirm', token);
  const lines = [
    'Someone (hopefully you) asked to use this address for their account.',
    `Confirm the change within ${ttlMinutes} minutes by opening the link below. If it was not you, ignore this email: nothing changes.`,
  ];
  return {
    to,
    subject: 'Confirm your new email address',
    text: `${lines.join('\n\n')}\n\n${link}\n`,
    html: htmlEmail(lines, { href: link, label: 'Confirm email address' }),
    tag: 'email_change_verify',
  };
}

/** To a new address that already belongs to another account: tells its owner, tells the requester nothing. */
export function emailChangeAddressInUse(to: string): EmailMessage {
  const lines = [
    'Someone asked to move another account to this email address, but an account already uses it, so nothing was changed.',
    'If this was you, sign in with this address instead. Otherwise you can ignore this email.',
  ];
  return { to, subject: 'Email change not possible', text: `${lines.join('\n\n')}\n`, html: htmlEmail(lines), tag: 'email_change_in_use' };
}

/** To the old address, once the change is confirmed: the account holder learns of a change they did not make. */
export function emailChangedNotice(to: string, newEmail: string): EmailMessage {
  const lines = [
    `The email address of your account was changed to ${newEmail}. Messages about the account now go there.`,
    'If you did not make this change, contact support immediately: someone else may control your account.',
  ];
  return { to, subject: 'Your email address was changed', text: `${lines.join('\n\n')}\n`, html: htmlEmail(lines), tag: 'email_changed_notice' };
}
