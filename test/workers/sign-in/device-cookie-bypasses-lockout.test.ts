// Lockout must not be a denial of service: a stranger's wrong guesses from rotating IPs back the account off,
// but a browser that has signed in to the account before (signed device cookie) is judged on its own counter
// and gets in with the right password. Unknown clients stay backed off, and a device cookie cannot be used to
// brute-force either: its failures back that device off.
import { describe, expect, it } from 'vitest';
import { FREE_FAILURES } from '../../../src/features/sign-in/password-login.ts';
import type { Env } from '../../../src/platform/config.ts';
import { clockedEnv, cookieFrom, expectError, loginUser, PASSWORD, registerUser, sql } from '../support/index.ts';

const DEVICE_COOKIE = /identsphere_device$/;

/** A signed-in browser's device cookie (`name=value`), as recorded at a successful sign-in. */
async function deviceOf(email: string, env: Env): Promise<string> {
  const res = await loginUser(email, PASSWORD, { env });
  expect(res.status).toBe(200);
  const header = res.headers.getSetCookie().find((c) => DEVICE_COOKIE.test(c.split('=')[0]!))!;
  expect(header).toMatch(/HttpOnly/);
  expect(header).toMatch(/SameSite=Lax/);
  expect(header).toMatch(/Path=\//);
  expect(header).not.toMatch(/Domain=/i);
  return cookieFrom(res, DEVICE_COOKIE)!;
}

async function lockOut(email: string, env: Env, device?: string) {
  for (let i = 0; i <= FREE_FAILURES + 2; i++)
    await expectError(await loginUser(email, 'a stranger guessing', { env, cookie: device }), 401, 'invalid_credentials');
}

describe('device cookie bypasses lockout', () => {
  it("the owner's browser gets in with the right password while strangers have the account backed off; unknown clients do not", async () => {
    const { env } = clockedEnv();
    const { email, user } = await registerUser(undefined, undefined, env);
    const device = await deviceOf(email, env);
    await lockOut(email, env); // six wrong guesses, each from a new IP, no device cookie
    const [row] = await sql<{ locked_until: Date | null }>('select locked_until from $schema.users where id = $1', [user.id]);
    expect(row!.locked_until).not.toBeNull();

    await expectError(await loginUser(email, PASSWORD, { env }), 401, 'invalid_credentials'); // unknown client: backed off
    expect((await loginUser(email, PASSWORD, { env, cookie: device })).status).toBe(200);
    await expectError(await loginUser(email, PASSWORD, { env }), 401, 'invalid_credentials'); // still backed off for strangers
  });

  it('failures presented with a device cookie back that device off, on its own counter', async () => {
    const { env } = clockedEnv();
    const { email, user } = await registerUser(undefined, undefined, env);
    const device = await deviceOf(email, env);
    await lockOut(email, env, device);
    await expectError(await loginUser(email, PASSWORD, { env, cookie: device }), 401, 'invalid_credentials');
    const [counter] = await sql<{ failed_count: number }>('select failed_count from $schema.device_failures where user_id = $1', [user.id]);
    expect(counter!.failed_count).toBe(FREE_FAILURES + 1); // then backed off: further tries are refused, not counted
    // The account's own counter was not touched: other clients are not backed off by this device.
    const [row] = await sql<{ failed_login_count: number }>('select failed_login_count from $schema.users where id = $1', [user.id]);
    expect(row!.failed_login_count).toBe(0);
    expect((await loginUser(email, PASSWORD, { env })).status).toBe(200);
  });

  it("another account's device cookie, or a tampered one, does not bypass the backoff", async () => {
    const { env } = clockedEnv();
    const victim = await registerUser(undefined, undefined, env);
    const attacker = await registerUser(undefined, undefined, env);
    const attackerDevice = await deviceOf(attacker.email, env);
    const victimDevice = await deviceOf(victim.email, env);
    await lockOut(victim.email, env);
    await expectError(await loginUser(victim.email, PASSWORD, { env, cookie: attackerDevice }), 401, 'invalid_credentials');
    const [name, value] = [victimDevice.slice(0, victimDevice.indexOf('=')), victimDevice.slice(victimDevice.indexOf('=') + 1)];
    const tampered = `${name}=${value.slice(0, -2)}${value.endsWith('AA') ? 'BB' : 'AA'}`;
    await expectError(await loginUser(victim.email, PASSWORD, { env, cookie: tampered }), 401, 'invalid_credentials');
    expect((await loginUser(victim.email, PASSWORD, { env, cookie: victimDevice })).status).toBe(200);
  });
});
