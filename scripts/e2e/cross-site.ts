// The cross-site browser check: a frontend on ANOTHER site signs in with the session cookie
// (IDENTSPHERE_COOKIE_SAMESITE=none), and a page on a third, non-allow-listed site cannot act with it.
//
//   part of `npm run test:e2e`; alone: node scripts/e2e/cross-site.ts (exits non-zero on any failed step)
//
// Sites (Chrome treats `localhost` like a top-level domain, so each name below is its own site):
//   auth   http://auth.identsphere.localhost:PORT   the Worker (wrangler dev), cookies SameSite=None; Secure
//   app    http://app.other-site.localhost:PORT     the allow-listed frontend (IDENTSPHERE_CORS_ORIGINS)
//   evil   http://evil.third-site.localhost:PORT    any other site
// Chrome counts http://*.localhost as a secure context, so it stores Secure cookies from the auth host over
// plain http (checked below, not assumed). A cookie the auth site sets from the frontend's fetch is a
// third-party cookie: Debian's Chromium 156 blocks those by default (DevTools reports the Set-Cookie blocked for
// "UserPreferences"), so the main run uses a profile whose user allowed them, and a last step shows the default
// keeping no cookie. The pages call the API with raw fetch (page.evaluate): nothing here
// depends on the demo frontend or the SDK. Chromium: IDENTSPHERE_E2E_CHROMIUM (default /usr/bin/chromium).
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { freePort } from './harness.ts';
import { startWorker } from './worker.ts';

/** A blank page for every host name (the app and the evil site share one server, told apart by Host). */
function startPages(port: number) {
  const server = createHttpServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end('<!doctype html><title>cross-site e2e</title><p>cross-site e2e</p>');
  });
  return new Promise<typeof server>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

interface Answer {
  status: number;
  body: string;
}

/**
 * A credentialed fetch from the page's own origin (what a frontend's `credentials: 'include'` call does). Page
 * code is passed as source text: this repository type-checks against the Workers types, not the DOM's.
 */
function api(page: Page, url: string, init: { method?: string; json?: unknown } = {}): Promise<Answer> {
  const request = {
    method: init.method ?? 'GET',
    credentials: 'include',
    ...(init.json === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(init.json) }),
  };
  return page.evaluate(
    `fetch(${JSON.stringify(url)}, ${JSON.stringify(request)}).then(async (res) => ({ status: res.status, body: await res.text() }))`,
  );
}

/** Chromium with a persistent (non-incognito) profile; `thirdPartyCookies`: the user allowed them in settings. */
function launch(profile: string, thirdPartyCookies: boolean, executablePath = process.env.IDENTSPHERE_E2E_CHROMIUM ?? '/usr/bin/chromium') {
  if (thirdPartyCookies) {
    mkdirSync(join(profile, 'Default'), { recursive: true });
    // The preference behind chrome://settings/cookies "Allow third-party cookies" (0: allow, 2: block).
    writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 0 } }));
  }
  return chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run'],
  });
}

export async function runCrossSite(
  opts: { chromium?: string; log?: (line: string) => void } = {},
): Promise<{ passed: number; failed: number }> {
  const log = opts.log ?? ((line: string) => console.log(line));
  let passed = 0;
  let failed = 0;
  const check = (cond: boolean, what: string) => {
    log(`[e2e cross-site] ${cond ? 'ok  ' : 'FAIL'} ${what}`);
    if (cond) passed++;
    else failed++;
  };

  const [authPort, pagesPort] = [await freePort(), await freePort()];
  const authOrigin = `http://auth.identsphere.localhost:${authPort}`;
  const appOrigin = `http://app.other-site.localhost:${pagesPort}`;
  const evilOrigin = `http://evil.third-site.localhost:${pagesPort}`;
  const scratch = mkdtempSync(join(tmpdir(), 'identsphere-e2e-cross-site-'));
  const cleanups: (() => Promise<void> | void)[] = [() => rmSync(scratch, { recursive: true, force: true })];
  try {
    await startWorker({
      port: authPort,
      scratch,
      cleanups,
      logLevel: 'warn',
      vars: {
        IDENTSPHERE_PUBLIC_BASE_URL: authOrigin,
        IDENTSPHERE_CORS_ORIGINS: appOrigin,
        IDENTSPHERE_COOKIES_SECURE: 'true',
        IDENTSPHERE_COOKIE_SAMESITE: 'none',
      },
    });
    const pages = await startPages(pagesPort);
    cleanups.unshift(() => new Promise<void>((r) => pages.close(() => r())));
    log(`[e2e cross-site] Worker on ${authOrigin}, frontend on ${appOrigin}, foreign page on ${evilOrigin}`);

    // A browser whose user allows third-party cookies (Chrome's setting "Allow third-party cookies"): a cookie
    // set by the auth site from the frontend's fetch is a third-party cookie. This Chromium blocks them by
    // default (checked at the end), as Safari and Firefox do.
    const context = await launch(join(scratch, 'profile'), true, opts.chromium);
    cleanups.unshift(() => context.close());
    const app = context.pages()[0] ?? (await context.newPage());
    await app.goto(`${appOrigin}/`);

    check(
      (await api(app, `${authOrigin}/v1/auth/session`)).status === 401,
      'fresh browser: the session endpoint answers 401 to the frontend',
    );

    const email = `cross-site-${randomBytes(4).toString('hex')}@example.com`;
    const password = 'cross-site password long enough';
    const registered = await api(app, `${authOrigin}/v1/auth/register`, { method: 'POST', json: { email, password } });
    check(registered.status === 201, `register from the other site (${registered.status})`);
    const cookie = (await context.cookies(authOrigin)).find((c) => c.name === '__Host-identsphere_session');
    if (!cookie) log(`[e2e cross-site] cookies held: ${JSON.stringify(await context.cookies())}`);
    check(
      !!cookie && cookie.sameSite === 'None' && cookie.secure && cookie.httpOnly && cookie.domain === new URL(authOrigin).hostname,
      `session cookie stored: __Host-, SameSite=None, Secure, HttpOnly, host-only (${JSON.stringify(cookie && { ...cookie, value: '…' })})`,
    );
    check((await context.cookies(appOrigin)).length === 0, 'the frontend site holds no cookie');

    const loggedOut = await api(app, `${authOrigin}/v1/auth/logout`, { method: 'POST' });
    check(loggedOut.status === 204 && (await api(app, `${authOrigin}/v1/auth/session`)).status === 401, 'log out: then 401');

    const signedIn = await api(app, `${authOrigin}/v1/auth/login`, { method: 'POST', json: { email, password } });
    check(signedIn.status === 200, `sign in with the cookie from the other site (${signedIn.status})`);
    const session = await api(app, `${authOrigin}/v1/auth/session`);
    check(session.status === 200 && session.body.includes(email), 'the session is read cross-site: 200 with the user');

    // A page on a site that is not allow-listed submits a classic CSRF form (top-level POST, no body, so only
    // the Origin check decides): the browser sends the SameSite=None cookie along, and the Worker refuses.
    const evil = await context.newPage();
    await evil.goto(`${evilOrigin}/`);
    const logoutUrl = `${authOrigin}/v1/auth/logout`;
    const [answer] = await Promise.all([
      evil.waitForResponse((r) => r.url() === logoutUrl),
      evil.evaluate(
        `(() => { const form = document.createElement('form'); form.method = 'POST'; form.action = ${JSON.stringify(logoutUrl)}; ` +
          'document.body.append(form); form.submit(); })()',
      ),
    ]);
    // The form's navigation must finish before this page navigates again (else Chromium reports the next goto
    // as interrupted by it: seen once in CI).
    await evil.waitForURL(logoutUrl);
    const sent = await answer.request().allHeaders();
    check(
      answer.status() === 403 && /__Host-identsphere_session=/.test(sent.cookie ?? '') && sent.origin === evilOrigin,
      `a foreign site's form POST carried the cookie and its Origin, and was refused (${answer.status()})`,
    );
    const afterEvil = await api(app, `${authOrigin}/v1/auth/session`);
    check(afterEvil.status === 200, 'the session survived the foreign request');
    await evil.goto(`${evilOrigin}/`);
    const evilRead = await evil.evaluate(
      `fetch(${JSON.stringify(`${authOrigin}/v1/auth/session`)}, { credentials: 'include' }).then(() => 'read', () => 'blocked')`,
    );
    check(evilRead === 'blocked', 'the foreign site cannot read the session (no CORS grant)');

    const finalLogout = await api(app, `${authOrigin}/v1/auth/logout`, { method: 'POST' });
    check(finalLogout.status === 204 && (await api(app, `${authOrigin}/v1/auth/session`)).status === 401, 'log out again: then 401');

    // The same sign-in in a browser that keeps its default third-party cookie blocking: the cookie is refused, so
    // SameSite=None cannot help there (README: prefer bearer sessions or one site for such users).
    const blocking = await launch(join(scratch, 'profile-default'), false, opts.chromium);
    cleanups.unshift(() => blocking.close());
    const plain = blocking.pages()[0] ?? (await blocking.newPage());
    await plain.goto(`${appOrigin}/`);
    const again = await api(plain, `${authOrigin}/v1/auth/login`, { method: 'POST', json: { email, password } });
    check(
      again.status === 200 &&
        (await blocking.cookies(authOrigin)).length === 0 &&
        (await api(plain, `${authOrigin}/v1/auth/session`)).status === 401,
      "with third-party cookies blocked (this browser's default), the sign-in answers 200 but no cookie is kept: 401 afterwards",
    );
  } catch (err) {
    log(`[e2e cross-site] error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    failed++;
  } finally {
    for (const cleanup of cleanups) {
      try {
        await cleanup();
      } catch (err) {
        log(`[e2e cross-site] cleanup: ${String(err)}`);
      }
    }
  }
  return { passed, failed };
}

if (import.meta.main) {
  const { passed, failed } = await runCrossSite();
  console.log(`e2e cross-site: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}
