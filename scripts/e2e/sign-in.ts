// Scenarios, part 1: register, the /verify-email page, TOTP enrolment and a sign-in through the MFA step,
// passkeys, and OAuth against the local OpenID provider (cancelled: ?error=; then #mfa_token= and the MFA step).
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { authenticator, check, clickStep, type mailbox, open, sessionStatus, stepResult } from './harness.ts';

export interface Scenario {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  authenticatorId: string;
  appOrigin: string;
  authOrigin: string;
  rpId: string;
  issuer: string;
  mail: ReturnType<typeof mailbox>;
  user: { email: string; password: string };
}

/** Fills the account form of the home page. */
export async function credentials(page: Page, email: string, password: string): Promise<void> {
  await page.fill('#email', email);
  await page.fill('#password', password);
}

/** The MFA step's form (after a password sign-in or on the OAuth landing): a code, then the `mfa` step. */
async function finishMfa(page: Page, code: string): Promise<{ ok: boolean; text: string }> {
  await page.locator('#mfa-step').waitFor({ state: 'visible' });
  await page.fill('#mfa-code', code);
  return clickStep(page, 'mfa-verify', 'mfa');
}

export async function signInScenarios(s: Scenario): Promise<ReturnType<typeof authenticator>> {
  const { page, context, cdp, authenticatorId, appOrigin, authOrigin, user } = s;

  await open(page, `${appOrigin}/`);
  check((await sessionStatus(page)) === 'signed-out', 'fresh browser: session.get() is null');

  await credentials(page, user.email, user.password);
  const registered = await clickStep(page, 'register', 'register');
  check(registered.ok && (await sessionStatus(page)) === 'signed-in', `signUp (${registered.text})`);
  const sessionCookie = (await context.cookies(authOrigin)).find((c) => c.name === 'identsphere_session');
  check(
    !!sessionCookie && sessionCookie.httpOnly && sessionCookie.sameSite === 'Lax' && sessionCookie.domain === new URL(authOrigin).hostname,
    'session cookie: HttpOnly, SameSite=Lax, host-only on the auth origin',
  );
  check((await context.cookies(appOrigin)).length === 0, 'the frontend origin holds no cookie');

  // The verification email's link opens the frontend's /verify-email page.
  const verifyLink = await s.mail.link(user.email, 'verify-email');
  await open(page, verifyLink);
  const verified = await stepResult(page, 'verify-email', 0);
  check(verified.ok, `/verify-email#token=…: email.verify (${verified.text})`);
  check(!page.url().includes('#'), 'the page drops the token from the address bar');

  // TOTP enrolment: the secret the page shows goes into the "authenticator app".
  await open(page, `${appOrigin}/`);
  await credentials(page, user.email, user.password);
  const enrolling = await clickStep(page, 'mfa-enroll', 'mfa-enroll');
  const app = authenticator((await page.textContent('#mfa-secret')) ?? '');
  await page.fill('#mfa-confirm-code', await app.code());
  const confirmed = await clickStep(page, 'mfa-confirm', 'mfa-confirm');
  check(enrolling.ok && confirmed.ok, `mfa.enroll + mfa.confirm with a TOTP code (${confirmed.text})`);

  const signedOut = await clickStep(page, 'sign-out', 'sign-out');
  const told = (await sessionStatus(page)) === 'signed-out';
  // Asked again: the API itself no longer knows the session (GET /v1/auth/session answers 401).
  const asked = await clickStep(page, 'show-session', 'session');
  check(signedOut.ok && told && asked.text.includes('signed out'), 'signOut: the page is told, and session.get() is null');
  const signIn = await clickStep(page, 'sign-in', 'sign-in');
  check(signIn.ok && signIn.text.includes('MFA required') && (await sessionStatus(page)) === 'signed-out', 'signIn answers the MFA step');
  const mfa = await finishMfa(page, await app.code());
  check(mfa.ok && (await sessionStatus(page)) === 'signed-in', `step.verify(TOTP code) signs in (${mfa.text})`);

  // Passkeys (Chrome's virtual authenticator).
  const added = await clickStep(page, 'passkey-register', 'passkey-register');
  check(added.ok, `passkeys.register (${added.text})`);
  const { credentials: stored } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  check(
    stored.length === 1 && stored[0]!.rpId === s.rpId && stored[0]!.isResidentCredential,
    `the virtual authenticator holds one discoverable credential for ${s.rpId}`,
  );
  await clickStep(page, 'sign-out', 'sign-out');
  const passkeySignIn = await clickStep(page, 'passkey-sign-in', 'passkey-sign-in');
  check(passkeySignIn.ok && (await sessionStatus(page)) === 'signed-in', `passkeys.signIn (${passkeySignIn.text})`);
  const signCount = (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials[0]?.signCount ?? 0;
  check(signCount >= 1, `the authenticator's signature counter moved (${signCount})`);
  await clickStep(page, 'sign-out', 'sign-out');

  // OAuth, cancelled at the provider: the landing page gets ?error=.
  await page.click('#oauth-local-oidc');
  await page.waitForURL((url) => url.origin === s.issuer);
  await page.click('a:has-text("[ Cancel ]")');
  await page.waitForURL((url) => url.pathname === '/oauth/callback');
  const denied = await stepResult(page, 'oauth', 0);
  check(!denied.ok && denied.text.includes('oauth_denied'), `OAuth landing with ?error= (${denied.text})`);

  // OAuth as the same verified address: linked, and MFA is on, so the landing gets #mfa_token=.
  await open(page, `${appOrigin}/`);
  await page.click('#oauth-local-oidc');
  await page.waitForURL((url) => url.origin === s.issuer);
  await page.fill('input[name="login"]', user.email);
  await page.fill('input[name="password"]', 'any');
  await page.click('button[type="submit"]');
  await page.waitForURL((url) => url.origin !== s.issuer || url.pathname.includes('/interaction/'));
  if (new URL(page.url()).origin === s.issuer) await page.click('button[type="submit"]'); // the consent page
  await page.waitForURL((url) => url.pathname === '/oauth/callback');
  const landed = await stepResult(page, 'oauth', 0);
  check(landed.ok && landed.text.includes('MFA required'), `OAuth landing with #mfa_token= asks for the code (${landed.text})`);
  const oauthMfa = await finishMfa(page, await app.code());
  check(
    oauthMfa.ok && (await sessionStatus(page)) === 'signed-in' && !page.url().includes('mfa_token'),
    `mfa.challenge(token).verify(TOTP code) signs in (${oauthMfa.text})`,
  );
  return app;
}
