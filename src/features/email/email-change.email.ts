import type { EmailMessage } from '../../platform/adapters/email.ts';
import type { Config } from '../../platform/config.ts';
import { emailLink, render } from './templates.ts';

/** To the new address: proves the requester controls it. */
export function emailChangeVerification(config: Config, to: string, token: string, ttlMinutes: number): EmailMessage {
  return render(to, 'email_change_verify', 'Confirm your new email address', [
    { p: 'Someone (hopefully you) asked to use this address for their account.' },
    {
      p: `Confirm the change within ${ttlMinutes} minutes by opening the link below. If it was not you, ignore this email: nothing changes.`,
    },
    { link: emailLink(config, 'email-change/confirm', token), label: 'Confirm email address' },
  ]);
}

/** To a new address that already belongs to another account: tells its owner, tells the requester nothing. */
export function emailChangeAddressInUse(to: string): EmailMessage {
  return render(to, 'email_change_in_use', 'Email change not possible', [
    { p: 'Someone asked to move another account to this email address, but an account already uses it, so nothing was changed.' },
    { p: 'If this was you, sign in with this address instead. Otherwise you can ignore this email.' },
  ]);
}
