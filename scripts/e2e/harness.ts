// What the e2e scenarios share: ports, checks, the demo page's step protocol, the dev mailbox (emails printed by
// the Worker's LogOnlySender on wrangler's output) and an authenticator app.
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import type { Page } from 'playwright-core';

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export async function pickPort(name: string, preferred: number): Promise<number> {
  if (await portFree(preferred)) return preferred;
  const port = await freePort();
  console.log(`[e2e] port ${preferred} is busy; ${name} uses ${port} instead`);
  return port;
}

export async function waitFor(url: string, timeoutMs: number, child: ChildProcess): Promise<void> {
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

export const results = { passes: 0, failures: 0 };

export function check(cond: boolean, what: string): void {
  console.log(`[e2e] ${cond ? 'ok  ' : 'FAIL'} ${what}`);
  if (cond) results.passes++;
  else results.failures++;
}

/** Opens a demo page and waits until its script has run (body[data-ready]). */
export async function open(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.locator('body[data-ready="true"]').waitFor({ timeout: 20_000 });
}

/** The `nth` (default: next) step named `stepName` the demo page records (data-step), once it appears. */
export async function stepResult(page: Page, stepName: string, nth: number): Promise<{ ok: boolean; text: string }> {
  const item = page.locator(`#log li[data-step="${stepName}"]`).nth(nth);
  await item.waitFor({ timeout: 20_000 });
  return { ok: (await item.getAttribute('data-ok')) === 'true', text: (await item.textContent()) ?? '' };
}

/** Clicks a button of the demo page and waits for the step it records. */
export async function clickStep(page: Page, button: string, stepName: string): Promise<{ ok: boolean; text: string }> {
  const before = await page.locator(`#log li[data-step="${stepName}"]`).count();
  await page.click(`#${button}`);
  return stepResult(page, stepName, before);
}

/** 'signed-in' or 'signed-out', as the page shows it. */
export async function sessionStatus(page: Page): Promise<string | null> {
  return page.locator('#session').getAttribute('data-status');
}

/**
 * The dev mailbox: `npm run dev`'s default email provider (`log`) prints every message on the Worker's output.
 * `link(to, page)` waits for a message to `to` holding a link to the frontend page `page`, exactly as the user
 * would find it, and returns that link (each message once).
 */
export function mailbox(output: () => string, appOrigin: string) {
  const used = new Set<string>();
  return {
    async link(to: string, page: string): Promise<string> {
      const pattern = new RegExp(`${appOrigin.replace(/[.]/g, '\\.')}/${page}#token=[^\\s"<>]+`);
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline) {
        for (const message of output().split('┌─ email').slice(1)) {
          const link = message.match(pattern)?.[0];
          if (message.includes(`│ to: ${to}\n`) && link && !used.has(link)) {
            used.add(link);
            return link;
          }
        }
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error(`no email to ${to} with a /${page} link`);
    },
  };
}

/**
 * The authenticator app. The API accepts the previous, current and next 30-second step and never the same
 * step twice (nor an earlier one), so each code is for the earliest step still accepted and newer than the last.
 */
export function authenticator(secret: string) {
  const key = decodeBase32IgnorePadding(secret);
  const currentStep = () => Math.floor(Date.now() / 30_000);
  let last = Number.NEGATIVE_INFINITY;
  return {
    async code(): Promise<string> {
      // The previous step stops being accepted at the next boundary: not within 3 s of it.
      while (last + 1 < currentStep() && Date.now() % 30_000 > 27_000) await new Promise((r) => setTimeout(r, 500));
      const step = Math.max(currentStep() - 1, last + 1);
      while (step > currentStep() + 1) await new Promise((r) => setTimeout(r, 500));
      last = step;
      return generateHOTP(key, BigInt(step), 6);
    },
  };
}
