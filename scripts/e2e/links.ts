// Scenarios, part 2: the pages behind the other emailed links (email change, invitation, password reset) and a
// sign-out in one tab seen by another through onSessionChange.
import { randomBytes } from 'node:crypto';
import { type authenticator, check, clickStep, open, sessionStatus, stepResult } from './harness.ts';
import { credentials, type Scenario } from './sign-in.ts';

export async function linkScenarios(s: Scenario, app: ReturnType<typeof authenticator>): Promise<void> {
  const { page, context, appOrigin, user } = s;
  const newEmail = `e2e-new-${randomBytes(4).toString('hex')}@example.com`;
  const invitee = `e2e-invitee-${randomBytes(4).toString('hex')}@example.com`;

  // Email change: the link goes to the new address and opens /email-change/confirm.
  await open(page, `${appOrigin}/`);
  await credentials(page, user.email, user.password);
  await page.fill('#new-email', newEmail);
  const requested = await clickStep(page, 'change-email', 'change-email');
  check(requested.ok, `profile.update({ email }) (${requested.text})`);
  await open(page, await s.mail.link(newEmail, 'email-change/confirm'));
  const changed = await stepResult(page, 'email-change', 0);
  check(changed.ok && changed.text.includes(newEmail), `/email-change/confirm#token=…: profile.confirmEmailChange (${changed.text})`);

  // Invitation: the invited address has no account; the accept page creates it and signs in.
  await open(page, `${appOrigin}/`);
  await page.fill('#invite-email', invitee);
  const invited = await clickStep(page, 'invite', 'invite');
  check(invited.ok, `organizations.invitations.create (${invited.text})`);
  await clickStep(page, 'sign-out', 'sign-out');
  await open(page, await s.mail.link(invitee, 'invitations/accept'));
  await page.fill('#invitation-password', 'invitee password long enough');
  const joined = await clickStep(page, 'invitation-register', 'invitation');
  check(
    joined.ok && joined.text.includes(invitee) && (await page.textContent('#session'))!.includes('organization Demo'),
    `/invitations/accept#token=…: invitations.register (${joined.text})`,
  );

  // A second tab of the same browser hears the sign-out of the first (BroadcastChannel), without asking the API.
  await open(page, `${appOrigin}/`);
  const other = await context.newPage();
  await open(other, `${appOrigin}/`);
  const bothSignedIn = (await sessionStatus(other)) === 'signed-in';
  await clickStep(page, 'sign-out', 'sign-out');
  await other
    .locator('#session[data-event="signed_out"]')
    .waitFor({ timeout: 10_000 })
    .catch(() => {});
  check(
    bothSignedIn && (await sessionStatus(other)) === 'signed-out' && (await other.getAttribute('#session', 'data-event')) === 'signed_out',
    'sign-out in tab A: tab B is told by onSessionChange (signed_out)',
  );
  await other.close();

  // Forgot password: the reset link opens /reset-password; the new password then signs in (MFA step included).
  await credentials(page, newEmail, '');
  const forgot = await clickStep(page, 'forgot', 'forgot');
  check(forgot.ok, `password.forgot (${forgot.text})`);
  await open(page, await s.mail.link(newEmail, 'reset-password'));
  await page.fill('#new-password', 'a brand new e2e password');
  const reset = await clickStep(page, 'reset', 'reset-password');
  check(reset.ok, `/reset-password#token=…: password.reset (${reset.text})`);
  await open(page, `${appOrigin}/`);
  await credentials(page, newEmail, user.password);
  const oldPassword = await clickStep(page, 'sign-in', 'sign-in');
  check(!oldPassword.ok && oldPassword.text.includes('invalid_credentials'), `the old password no longer works (${oldPassword.text})`);
  await credentials(page, newEmail, 'a brand new e2e password');
  const step = await clickStep(page, 'sign-in', 'sign-in');
  await page.fill('#mfa-code', await app.code());
  const signedIn = await clickStep(page, 'mfa-verify', 'mfa');
  check(
    step.ok && signedIn.ok && (await page.textContent('#session'))!.includes(newEmail),
    `sign in with the new password and a TOTP code (${signedIn.text})`,
  );
}
