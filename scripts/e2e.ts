// `npm run test:e2e`: a real browser on a sibling origin. Starts the local Neon-HTTP endpoint (PGlite in memory),
// the Worker (`wrangler dev`) and the demo frontend (examples/frontend/), then drives Debian's chromium with
// playwright-core and Chrome's virtual authenticator (CDP WebAuthn domain) through: register → session →
// enroll a passkey → log out (session 401) → sign in with the passkey → log out (session 401).
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
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startNeonLocal } from '@identsphere/neon-local';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { startFrontend } from '../examples/frontend/server.ts';
import { migrateUp } from '../src/cli/migrate.ts';

const root = new URL('..', import.meta.url).pathname;
const artifacts = join(root, 'test-artifacts');
const RP_ID = 'identsphere.localhost';
const CHROMIUM = process.env.IDENTSPHERE_E2E_CHROMIUM ?? '/usr/bin/chromium';

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function pickPort(name: string, preferred: number): Promise<number> {
  if (await portFree(preferred)) return preferred;
  const port = await freePort();
  console.log(`[e2e] port ${preferred} is busy; ${name} uses ${port} instead`);
  return port;
}

async function waitFor(url: string, timeoutMs: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${url}`);
}

let failures = 0;
let passes = 0;
function check(cond: boolean, what: string): void {
  console.log(`[e2e] ${cond ? 'ok  ' : 'FAIL'} ${what}`);
  if (cond) passes++;
  else failures++;
}

/** Clicks a button of the demo page and waits for the step it records (data-step) to appear. */
async function clickStep(page: Page, button: string, stepName: string): Promise<{ ok: boolean; text: string }> {
  const before = await page.locator(`#log li[data-step="${stepName}"]`).count();
  await page.click(`#${button}`);
  const item = page.locator(`#log li[data-step="${stepName}"]`).nth(before);
  await item.waitFor({ timeout: 20_000 });
  return { ok: (await item.getAttribute('data-ok')) === 'true', text: (await item.textContent()) ?? '' };
}

async function sessionStatus(page: Page): Promise<string | null> {
  return page.locator('#session').getAttribute('data-status');
}

async function run(): Promise<void> {
  const appPort = await pickPort('the demo frontend', Number(process.env.IDENTSPHERE_E2E_APP_PORT ?? 5173));
  const authPort = await pickPort('the Worker', Number(process.env.IDENTSPHERE_E2E_AUTH_PORT ?? 8787));
  const appOrigin = `http://app.${RP_ID}:${appPort}`;
  const authOrigin = `http://auth.${RP_ID}:${authPort}`;
  const scratch = mkdtempSync(join(tmpdir(), 'identsphere-e2e-'));
  const cleanups: (() => Promise<void> | void)[] = [() => rmSync(scratch, { recursive: true, force: true })];
  try {
    const neon = await startNeonLocal({ port: 0 });
    cleanups.unshift(() => neon.close());
    await migrateUp(neon.backend, 'identsphere');

    const vars: Record<string, string> = {
      DATABASE_URL: `postgres://identsphere:local@127.0.0.1:${neon.port}/identsphere`,
      IDENTSPHERE_DATABASE_LOCAL_HTTP: 'true',
      IDENTSPHERE_SCHEMA: 'identsphere',
      // Throwaway secrets for this run only.
      IDENTSPHERE_JWT_SECRET: randomBytes(32).toString('hex'),
      IDENTSPHERE_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      IDENTSPHERE_PUBLIC_BASE_URL: authOrigin,
      IDENTSPHERE_CORS_ORIGINS: appOrigin,
      IDENTSPHERE_COOKIES_SECURE: 'false',
      IDENTSPHERE_RP_ID: RP_ID,
      IDENTSPHERE_RP_ORIGIN: appOrigin,
    };
    const wrangler = spawn(
      'npx',
      [
        'wrangler',
        'dev',
        '--port',
        String(authPort),
        '--ip',
        '127.0.0.1',
        '--inspector-port',
        String(await freePort()),
        '--persist-to',
        join(scratch, 'wrangler-state'),
        '--log-level',
        'warn',
        ...Object.entries(vars).flatMap(([k, v]) => ['--var', `${k}:${v}`]),
      ],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
        env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' },
      },
    );
    let wranglerOutput = '';
    wrangler.stdout!.on('data', (d) => (wranglerOutput += d));
    wrangler.stderr!.on('data', (d) => (wranglerOutput += d));
    cleanups.unshift(() => {
      // Our own process group only (wrangler spawns workerd).
      if (wrangler.exitCode === null && wrangler.pid) process.kill(-wrangler.pid, 'SIGTERM');
    });
    try {
      await waitFor(`http://127.0.0.1:${authPort}/v1/health`, 90_000, wrangler);
    } catch (err) {
      console.error(wranglerOutput);
      throw err;
    }
    console.log(`[e2e] Worker on ${authOrigin}`);

    const frontend = await startFrontend({ port: appPort, authUrl: authOrigin });
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
    page.on('pageerror', (err) => console.error(`[e2e] page error: ${err.message}`));

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

    await page.goto(`${appOrigin}/`);
    await page.locator('#session[data-status]').waitFor();
    check((await sessionStatus(page)) === '401', 'fresh browser: GET /v1/auth/session answers 401 to the page');

    const email = `e2e-${randomBytes(4).toString('hex')}@example.com`;
    await page.fill('#email', email);
    await page.fill('#password', 'e2e password long enough');
    const registered = await clickStep(page, 'register', 'register');
    check(registered.ok, `register (${registered.text})`);
    const cookies = await context.cookies(authOrigin);
    const sessionCookie = cookies.find((c) => c.name === 'identsphere_session');
    check(
      !!sessionCookie && sessionCookie.httpOnly && sessionCookie.sameSite === 'Lax' && sessionCookie.domain === `auth.${RP_ID}`,
      'session cookie: HttpOnly, SameSite=Lax, host-only on the auth origin',
    );
    check((await context.cookies(appOrigin)).length === 0, 'the frontend origin holds no cookie');

    const shown = await clickStep(page, 'show-session', 'session');
    check(
      shown.ok && (await sessionStatus(page)) === '200' && (await page.textContent('#session'))!.includes(email),
      'show session: 200, signed in',
    );

    const enrolled = await clickStep(page, 'enroll-passkey', 'enroll');
    check(enrolled.ok, `enroll a passkey (${enrolled.text})`);
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    check(
      credentials.length === 1 && credentials[0]!.rpId === RP_ID && credentials[0]!.isResidentCredential,
      `the virtual authenticator holds one discoverable credential for ${RP_ID}`,
    );

    const loggedOut = await clickStep(page, 'logout', 'logout');
    check(loggedOut.ok && (await sessionStatus(page)) === '401', `log out, then the session endpoint answers 401 (${loggedOut.text})`);

    const passkeyLogin = await clickStep(page, 'passkey-login', 'passkey-login');
    check(passkeyLogin.ok && (await sessionStatus(page)) === '200', `sign in with the passkey (${passkeyLogin.text})`);
    const signCount = (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials[0]?.signCount ?? 0;
    check(signCount >= 1, `the authenticator's signature counter moved (${signCount})`);

    const finalLogout = await clickStep(page, 'logout', 'logout');
    check(
      finalLogout.ok && (await sessionStatus(page)) === '401',
      `log out again, then the session endpoint answers 401 (${finalLogout.text})`,
    );

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
  failures++;
}
console.log(`e2e: ${passes} passed, ${failures} failed`);
process.exit(failures === 0 ? 0 : 1);
