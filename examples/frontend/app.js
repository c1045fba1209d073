// A frontend on its own origin using @identsphere/client (served bundled as /sdk.js by server.ts). One HTML file
// serves every page a frontend must provide; the path picks the page:
//   /                       sign-up, sign-in (+ the MFA step), MFA set-up, passkeys, OAuth, email change, invitations
//   /verify-email           #token=…  from the verification email
//   /reset-password         #token=…  from the password-reset email
//   /email-change/confirm   #token=…  from the email sent to the new address
//   /invitations/accept     #token=…  from the invitation email
//   /oauth/callback         the OAuth landing: signed in, ?error=<code>, or #mfa_token=… (MFA on)
import { createClient } from '/sdk.js';

const auth = createClient({ baseUrl: window.IDENTSPHERE_URL });
const $ = (id) => document.getElementById(id);
const page = location.pathname.replace(/^\/+|\/+$/g, '') || 'home';
const OAUTH_LANDING = `${location.origin}/oauth/callback`;

$('page-origin').textContent = location.origin;
$('auth-origin').textContent = window.IDENTSPHERE_URL;
for (const section of document.querySelectorAll('[data-page]')) section.hidden = section.dataset.page !== page;

// Emailed links carry their secret in the fragment (never sent to a server); drop it from the address bar and
// the history once read.
const fragment = new URLSearchParams(location.hash.slice(1));
if (location.hash) history.replaceState(null, '', location.pathname + location.search);

/** Records a step: visible in the list and as data-* attributes the end-to-end test waits on. */
function step(name, ok, detail) {
  const li = document.createElement('li');
  li.textContent = `${name}: ${detail}`;
  if (!ok) li.className = 'fail';
  li.dataset.step = name;
  li.dataset.ok = String(ok);
  $('log').append(li);
}

function showSession(session) {
  const box = $('session');
  box.dataset.status = session ? 'signed-in' : 'signed-out';
  box.className = box.dataset.status;
  box.textContent = session
    ? `Signed in as ${session.user.email}\norganization ${session.organization?.name ?? '—'}`
    : 'Signed out';
}

// Sign-ins and sign-outs here and in every other tab of this app.
auth.onSessionChange(({ event, session }) => {
  $('session').dataset.event = event;
  showSession(session);
});

/** A button's handler: failures (IdentSphereError carries the API's code) are recorded as failed steps. */
function on(id, name, fn) {
  $(id).onclick = async () => {
    try {
      await fn();
    } catch (err) {
      step(name, false, err.code ? `${err.code} (${err.status})` : String(err?.message ?? err));
    }
  };
}

/** A sign-in's result: signed in, or the MFA step to finish with a code. */
function signedInOrMfa(name, result) {
  if (!result.mfaRequired) return step(name, true, `signed in as ${result.session.user.email}`);
  askForMfaCode(name, result);
}

function askForMfaCode(name, mfaStep) {
  $('mfa-step').hidden = false;
  step(name, true, 'MFA required');
  on('mfa-verify', 'mfa', async () => {
    const { session } = await mfaStep.verify($('mfa-code').value);
    $('mfa-step').hidden = true;
    step('mfa', true, `signed in as ${session.user.email}`);
  });
}

const credentials = () => ({ email: $('email').value, password: $('password').value });

// Bot defence (optional): with a Turnstile site key, the forms the API checks (sign-up, forgot password, email
// code, invitation sign-up) carry the token of a solved challenge. A token works once: the widget is reset.
const turnstile = await renderTurnstile(window.IDENTSPHERE_TURNSTILE_SITE_KEY);
async function renderTurnstile(sitekey) {
  if (!sitekey) return null;
  try {
    await new Promise((resolve, reject) => {
      const script = Object.assign(document.createElement('script'), { onload: resolve, onerror: reject });
      script.src = 'https://challenges.cloudflare.com/turnstile/v0/api.js?render=explicit';
      document.head.append(script);
    });
    return window.turnstile.render('#turnstile', { sitekey });
  } catch {
    step('turnstile', false, 'the Turnstile script did not load');
    return null;
  }
}
function botCheck() {
  if (turnstile === null) return undefined;
  const turnstileToken = window.turnstile.getResponse(turnstile) || undefined;
  window.turnstile.reset(turnstile);
  return { turnstileToken };
}

on('register', 'register', async () => {
  const { session } = await auth.signUp({ ...credentials(), organization_name: 'Demo' }, botCheck());
  step('register', true, `signed up as ${session.user.email}`);
});
on('sign-in', 'sign-in', async () => signedInOrMfa('sign-in', await auth.signIn(credentials())));
on('show-session', 'session', async () => {
  const session = await auth.session.get();
  showSession(session);
  step('session', true, session ? session.user.email : 'signed out');
});
on('sign-out', 'sign-out', async () => {
  await auth.signOut();
  step('sign-out', true, 'signed out');
});
on('forgot', 'forgot', async () => {
  await auth.password.forgot($('email').value, botCheck());
  step('forgot', true, 'if the account exists, a reset link is on its way');
});

on('mfa-enroll', 'mfa-enroll', async () => {
  const { secret } = await auth.mfa.enroll({ password: $('password').value });
  $('mfa-secret').textContent = secret; // a real app shows otpauth_uri as a QR code
  $('mfa-setup').hidden = false;
  step('mfa-enroll', true, 'scan the secret, then enter a code');
});
on('mfa-confirm', 'mfa-confirm', async () => {
  const recoveryCodes = await auth.mfa.confirm($('mfa-confirm-code').value);
  step('mfa-confirm', true, `MFA on; ${recoveryCodes.length} recovery codes to keep`);
});

on('passkey-register', 'passkey-register', async () => {
  const passkey = await auth.passkeys.register({ password: $('password').value, name: 'Demo passkey' });
  step('passkey-register', true, `passkey "${passkey.name}" added`);
});
on('passkey-sign-in', 'passkey-sign-in', async () => {
  const { session } = await auth.passkeys.signIn();
  step('passkey-sign-in', true, `signed in as ${session.user.email}`);
});

on('change-email', 'change-email', async () => {
  const { email_change } = await auth.profile.update({ email: $('new-email').value, current_password: $('password').value });
  step('change-email', email_change?.status === 'verification_sent', `confirmation link sent to ${email_change?.email}`);
});
on('invite', 'invite', async () => {
  const session = await auth.session.get();
  const invitation = await auth.organizations.invitations.create(session.organization.id, { email: $('invite-email').value });
  step('invite', true, `invited ${invitation.email}`);
});

/** The pages behind emailed links and the OAuth landing. */
const pages = {
  async home() {
    for (const provider of await auth.oauth.providers()) {
      const button = document.createElement('button');
      button.id = `oauth-${provider.id}`;
      button.textContent = `Sign in with ${provider.name}`;
      // A top-level navigation, not fetch: the provider's pages and the callback's cookie need it.
      button.onclick = () => location.assign(auth.oauth.start(provider.id, OAUTH_LANDING));
      $('providers').append(button);
    }
  },
  async 'verify-email'() {
    await auth.email.verify(fragment.get('token') ?? '');
    step('verify-email', true, 'email address verified');
  },
  async 'reset-password'() {
    on('reset', 'reset-password', async () => {
      await auth.password.reset(fragment.get('token') ?? '', $('new-password').value);
      step('reset-password', true, 'password changed; every session was signed out');
    });
  },
  async 'email-change/confirm'() {
    const user = await auth.profile.confirmEmailChange(fragment.get('token') ?? '');
    step('email-change', true, `email is now ${user.email}`);
  },
  async 'invitations/accept'() {
    const token = fragment.get('token') ?? '';
    const signedIn = (await auth.session.get()) !== null;
    $('invitation-signed-in').hidden = !signedIn;
    $('invitation-new-account').hidden = signedIn;
    on('invitation-accept', 'invitation', async () => {
      const organization = await auth.invitations.accept(token);
      step('invitation', true, `joined ${organization.name}`);
    });
    on('invitation-register', 'invitation', async () => {
      const { session } = await auth.invitations.register({ token, password: $('invitation-password').value }, botCheck());
      step('invitation', true, `signed up as ${session.user.email}, in ${session.organization?.name}`);
    });
  },
  async 'oauth/callback'() {
    const error = new URLSearchParams(location.search).get('error');
    if (error) return step('oauth', false, error); // e.g. oauth_denied: the user cancelled at the provider
    const mfaToken = fragment.get('mfa_token');
    if (mfaToken) return askForMfaCode('oauth', auth.mfa.challenge(mfaToken));
    const session = await auth.session.get();
    step('oauth', session !== null, session ? `signed in as ${session.user.email}` : 'not signed in');
  },
};

showSession(await auth.session.get());
try {
  await pages[page]?.();
} catch (err) {
  step(page, false, err.code ? `${err.code} (${err.status})` : String(err?.message ?? err));
}
document.body.dataset.ready = 'true';
