// `npm run test:e2e`: a real browser on a sibling origin, through @identsphere/client. Starts the local Neon-HTTP
// endpoint (PGlite in memory), the local OpenID provider (test/oidc-provider-server.ts), the Worker (`wrangler
// dev`, emails printed by its `log` provider and read back as the user's mailbox) and the demo frontend
// (examples/frontend/, the SDK bundled for the browser), then drives Debian's chromium with playwright-core and
// Chrome's virtual authenticator (CDP WebAuthn domain) through every page the frontend provides:
// scripts/e2e/sign-in.ts (register, /verify-email, TOTP enrolment and an MFA sign-in, passkeys, OAuth with
// ?error= and #mfa_token=) and scripts/e2e/links.ts (/email-change/confirm, /invitations/accept, sign-out seen
// by a second tab, /reset-password). Then scripts/e2e/cross-site.ts: a frontend on another site with
// IDENTSPHERE_COOKIE_SAMESITE=none (its own Worker and database).
//
// Origins: http://app.identsphere.localhost:APP_PORT (frontend) and http://auth.identsphere.localhost:AUTH_PORT
// (Worker). Chrome resolves *.localhost to loopback and treats it as a secure context. Two hosts directly under
// `localhost` (app.localhost / auth.localhost) would be two different *sites* for Chrome (`localhost` acts as
// the top-level domain), so SameSite=Lax cookies would not ride on the frontend's fetches and neither host
// could claim the other's RP ID. One shared parent (identsphere.localhost) mirrors production exactly:
// app.example.com + auth.example.com, cookie host-only on auth, RP ID example.com.
//
// Ports: IDENTSPHERE_E2E_APP_PORT (default 5173) and IDENTSPHERE_E2E_AUTH_PORT (default 8787); a busy port
// (another dev server) is replaced by a free one. Chromium: IDENTSPHERE_E2E_CHROMIUM (default /usr/bin/chromium).
// Artifacts: test-artifacts/e2e-final.png (git-ignored). Exits non-zero on any failed step.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { startFrontend } from '../examples/frontend/server.ts';
import { startOidcProvider } from '../test/oidc-provider-server.ts';
import { runCrossSite } from './e2e/cross-site.ts';
import { check, mailbox, pickPort, results } from './e2e/harness.ts';
import { linkScenarios } from './e2e/links.ts';
import { signInScenarios } from './e2e/sign-in.ts';
import { startWorker } from './e2e/worker.ts';

const root = new URL('..', import.meta.url).pathname;
// The demo's forms that the API's bot defence covers (the email-code request is not on the demo).
const TURNSTILE_ROUTES = ['/v1/auth/register', '/v1/auth/password/forgot', '/v1/auth/invitations/register'];
const TURNSTILE_STUB = `window.turnstile = {
  render: () => 'widget-1',
  getResponse: () => 'e2e-turnstile-token',
  reset: () => {},
};`;
const artifacts = join(root, 'test-artifacts');
const RP_ID = 'identsphere.localhost';
const CHROMIUM = process.env.IDENTSPHERE_E2E_CHROMIUM ?? '/usr/bin/chromium';

async function run(): Promise<void> {
  const appPort = await pickPort('the demo frontend', Number(process.env.IDENTSPHERE_E2E_APP_PORT ?? 5173));
  const authPort = await pickPort('the Worker', Number(process.env.IDENTSPHERE_E2E_AUTH_PORT ?? 8787));
  const appOrigin = `http://app.${RP_ID}:${appPort}`;
  const authOrigin = `http://auth.${RP_ID}:${authPort}`;
  const scratch = mkdtempSync(join(tmpdir(), 'identsphere-e2e-'));
  const cleanups: (() => Promise<void> | void)[] = [() => rmSync(scratch, { recursive: true, force: true })];
  try {
    const oidc = await startOidcProvider(`${authOrigin}/v1/auth/oauth`);
    cleanups.unshift(() => oidc.close());
    const worker = await startWorker({
      port: authPort,
      scratch,
      cleanups,
      logLevel: 'log',
      vars: {
        IDENTSPHERE_PUBLIC_BASE_URL: authOrigin,
        IDENTSPHERE_CORS_ORIGINS: appOrigin,
        IDENTSPHERE_COOKIES_SECURE: 'false',
        IDENTSPHERE_RP_ID: RP_ID,
        IDENTSPHERE_RP_ORIGIN: appOrigin,
        // Emailed links open the demo's pages; OAuth may return there.
        IDENTSPHERE_APP_URL: appOrigin,
        IDENTSPHERE_OIDC_PROVIDERS: JSON.stringify([
          { id: 'local-oidc', name: 'Local OpenID', issuer: oidc.issuer, client_id: oidc.clientId, client_secret: oidc.clientSecret },
        ]),
      },
    });
    console.log(`[e2e] Worker on ${authOrigin}`);

    // Cloudflare's always-passes test site key; the widget's script is replaced below (nothing leaves the machine).
    const frontend = await startFrontend({ port: appPort, authUrl: authOrigin, turnstileSiteKey: '1x00000000000000000000AA' });
    cleanups.unshift(() => new Promise<void>((r) => frontend.close(() => r())));
    console.log(`[e2e] demo frontend on ${appOrigin}`);

    const context: BrowserContext = await chromium.launchPersistentContext(join(scratch, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-quic',
        '--no-first-run',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 900, height: 900 },
    });
    cleanups.unshift(() => context.close());
    const page = context.pages()[0] ?? (await context.newPage());
    // An uncaught exception in any tab of the demo fails the run.
    context.on('weberror', (err) => check(false, `no uncaught error in the page (${err.error().message})`));

    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });

    // The OpenID provider's pages import a web font; nothing leaves the machine.
    await context.route('https://fonts.googleapis.com/**', (route) => route.abort());
    // A stand-in for Turnstile's widget script: a solved challenge whose token the demo must pass to the API
    // (the Worker here has no Turnstile secret; tests/workers/bot-defence checks the server side).
    await context.route('https://challenges.cloudflare.com/turnstile/**', (route) =>
      route.fulfill({ contentType: 'text/javascript', body: TURNSTILE_STUB }),
    );
    const turnstileTokens = new Map<string, string[]>();
    context.on('request', async (request) => {
      const path = new URL(request.url()).pathname;
      if (request.method() !== 'POST' || !TURNSTILE_ROUTES.includes(path)) return;
      const token = (await request.allHeaders())['cf-turnstile-response'] ?? '';
      turnstileTokens.set(path, [...(turnstileTokens.get(path) ?? []), token]);
    });

    const scenario = {
      context,
      page,
      cdp,
      authenticatorId,
      appOrigin,
      authOrigin,
      rpId: RP_ID,
      issuer: oidc.issuer,
      mail: mailbox(worker.output, appOrigin),
      user: { email: `e2e-${randomBytes(4).toString('hex')}@example.com`, password: 'e2e password long enough' },
    };
    const app = await signInScenarios(scenario);
    await linkScenarios(scenario, app);
    for (const path of TURNSTILE_ROUTES) {
      const sent = turnstileTokens.get(path) ?? [];
      check(
        sent.length > 0 && sent.every((t) => t === 'e2e-turnstile-token'),
        `the demo passes the Turnstile token to ${path} (${sent.length} calls)`,
      );
    }

    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'e2e-final.png'), fullPage: true });
    console.log(`[e2e] screenshot: test-artifacts/e2e-final.png`);
  } finally {
    for (const cleanup of cleanups) {
      try {
        await cleanup();
      } catch (err) {
        console.error(`[e2e] cleanup: ${String(err)}`);
      }
    }
  }
}

try {
  await run();
} catch (err) {
  console.error(`[e2e] error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  results.failures++;
}
// A frontend on another site (IDENTSPHERE_COOKIE_SAMESITE=none): its own Worker, database and browser profile.
const crossSite = await runCrossSite();
results.passes += crossSite.passed;
results.failures += crossSite.failed;
console.log(`e2e: ${results.passes} passed, ${results.failures} failed`);
process.exit(results.failures === 0 ? 0 : 1);
