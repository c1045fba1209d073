// A frontend on its own origin calling IdentSphere with cookies (credentials: 'include'). No framework, no
// build step: @simplewebauthn/browser's UMD bundle provides SimpleWebAuthnBrowser.
const AUTH = window.IDENTSPHERE_URL;
const { startRegistration, startAuthentication } = window.SimpleWebAuthnBrowser;
const $ = (id) => document.getElementById(id);

$('page-origin').textContent = location.origin;
$('auth-origin').textContent = AUTH;

async function api(method, path, body) {
  const res = await fetch(AUTH + path, {
    method,
    credentials: 'include',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** Records a step: visible in the list and as data-* attributes the end-to-end test waits on. */
function step(name, ok, detail) {
  const li = document.createElement('li');
  li.textContent = `${name}: ${detail}`;
  if (!ok) li.className = 'fail';
  li.dataset.step = name;
  li.dataset.ok = String(ok);
  $('log').append(li);
  document.body.dataset.lastStep = `${name}:${ok ? 'ok' : 'fail'}`;
}

async function showSession() {
  const { status, body } = await api('GET', '/v1/auth/session');
  const box = $('session');
  box.dataset.status = String(status);
  if (status === 200) {
    box.className = 'signed-in';
    box.textContent = `Signed in as ${body.user.email}\nsession ${body.session.id}\norganization ${body.organization?.name ?? '—'}`;
  } else {
    box.className = 'signed-out';
    box.textContent = `Signed out (GET /v1/auth/session → ${status})`;
  }
  return status;
}

function run(name, fn) {
  return async () => {
    try {
      await fn();
    } catch (err) {
      step(name, false, String(err?.message ?? err));
    }
  };
}

$('register').onclick = run('register', async () => {
  const { status, body } = await api('POST', '/v1/auth/register', {
    email: $('email').value,
    password: $('password').value,
    organization_name: 'Demo',
  });
  // The session box is refreshed before the step is recorded: the end-to-end test reads both once the step appears.
  await showSession();
  step('register', status === 201, status === 201 ? `201, user ${body.user.email}` : `${status} ${body?.error?.code}`);
});

$('show-session').onclick = run('session', async () => {
  const status = await showSession();
  step('session', true, `GET /v1/auth/session → ${status}`);
});

$('enroll-passkey').onclick = run('enroll', async () => {
  const options = await api('POST', '/v1/auth/passkeys/register/options', {});
  if (options.status !== 200) throw new Error(`options ${options.status} ${options.body?.error?.code}`);
  const response = await startRegistration({ optionsJSON: options.body });
  const { status, body } = await api('POST', '/v1/auth/passkeys/register/verify', { response, name: 'Demo passkey' });
  step('enroll', status === 201, status === 201 ? `201, passkey "${body.passkey.name}"` : `${status} ${body?.error?.code}`);
});

$('logout').onclick = run('logout', async () => {
  const { status } = await api('POST', '/v1/auth/logout');
  const after = await showSession();
  step('logout', status === 204 && after === 401, `logout → ${status}, then session → ${after}`);
});

$('passkey-login').onclick = run('passkey-login', async () => {
  const options = await api('POST', '/v1/auth/passkeys/login/options', {});
  if (options.status !== 200) throw new Error(`options ${options.status} ${options.body?.error?.code}`);
  const response = await startAuthentication({ optionsJSON: options.body });
  const { status, body } = await api('POST', '/v1/auth/passkeys/login/verify', { response });
  await showSession();
  step('passkey-login', status === 200, status === 200 ? `200, signed in as ${body.user.email}` : `${status} ${body?.error?.code}`);
});

showSession();
