import type { EmailMessage } from '../../platform/adapters/email.ts';
import type { Config } from '../../platform/config.ts';
import { emailLink } from '../email/templates.ts';
import { htmlEmail, oneLine } from '../email/account-email-kit.ts';

export function invitationEmail(
  config: Config,
  input: { to: string; token: string; organizationName: string; inviter: string; role: string; ttlDays: number },
): EmailMessage {
  const link = emailLink(config, 'invitations/accept', input.token);
  const org = oneLine(input.organizationName, 200);
  const inviter = oneLine(input.inviter, 200);
  const lines = [
    `${inviter} invited you to join "${org}" as ${input.role}.`,
    `Accept within ${input.ttlDays} days with the link below (sign in or create an account with this email address). If you did not expect this, ignore this email.`,
  ];
  return {
    to: input.to,
    subject: oneLine(`You are invited to join ${org}`),
    text: `${lines.join('\n\n')}\n\n${link}\n`,
    html: htmlEmail(lines, { href: link, label: 'Accept invitation' }),
    tag: 'organization_invitation',
  };
}
