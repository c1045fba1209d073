import type { EmailMessage } from '../../platform/adapters/email.ts';
import type { Config } from '../../platform/config.ts';
import { emailLink, oneLine, render } from '../email/templates.ts';

export function invitationEmail(
  config: Config,
  input: { to: string; token: string; organizationName: string; inviter: string; role: string; ttlDays: number },
): EmailMessage {
  const org = oneLine(input.organizationName, 200);
  const inviter = oneLine(input.inviter, 200);
  return render(input.to, 'organization_invitation', oneLine(`You are invited to join ${org}`), [
    { p: `${inviter} invited you to join "${org}" as ${input.role}.` },
    {
      p: `Accept within ${input.ttlDays} days with the link below (sign in or create an account with this email address). If you did not expect this, ignore this email.`,
    },
    { link: emailLink(config, 'invitations/accept', input.token), label: 'Accept invitation' },
  ]);
}
