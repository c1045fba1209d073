// TOTP for tests, computed here from RFC 6238 (HMAC-SHA-1 via WebCrypto) — never by the code under test.
import { expect } from 'vitest';
import type { Env } from '../../../src/platform/config.ts';
import { type CallInit, call, loginUser, registerUser } from './worker.ts';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Decode(text: string): Uint8Array {
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of text.replace(/=+$/, '').toUpperCase()) {
    const idx = BASE32.indexOf(ch);
    if (idx < 0) throw new Error(`bad base32: ${ch}`);
    value = (value << 5) | idx;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Uint8Array.from(out);
}

/** RFC 4226 HOTP over HMAC-SHA-1 with dynamic truncation. */
export async function hotp(key: Uint8Array, counter: number, digits = 6): Promise<string> {
  const msg = new Uint8Array(8);
  new DataView(msg.buffer).setBigUint64(0, BigInt(counter));
  const k = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-1' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', k, msg));
  const offset = mac[19]! & 0x0f;
  const bin = ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!;
  return String(bin % 10 ** digits).padStart(digits, '0');
}

/** RFC 6238 TOTP: 30-second steps from the Unix epoch; `offsetSteps` moves to a neighbouring step. */
export function totp(secretBase32: string, at: number = Date.now(), offsetSteps = 0, digits = 6): Promise<string> {
  return hotp(base32Decode(secretBase32), Math.floor(at / 1000 / 30) + offsetSteps, digits);
}

/** Registers a user, enables TOTP (setup + confirm with a code computed here) and returns everything needed. */
export async function userWithTotp(opts: { env?: Env; now?: () => number } = {}) {
  const now = opts.now ?? (() => Date.now());
  const user = await registerUser(undefined, undefined, opts.env);
  const setup = await call('/v1/auth/mfa/totp/setup', { method: 'POST', cookie: user.cookie, env: opts.env });
  expect(setup.status).toBe(200);
  const { secret, otpauth_uri } = (await setup.json()) as { secret: string; otpauth_uri: string };
  // Confirm with the previous step's code, so the current step stays unused for the test itself.
  const confirm = await call('/v1/auth/mfa/totp/confirm', {
    method: 'POST',
    cookie: user.cookie,
    json: { code: await totp(secret, now(), -1) },
    env: opts.env,
  });
  expect(confirm.status).toBe(200);
  const { recovery_codes } = (await confirm.json()) as { recovery_codes: string[] };
  return { ...user, secret, otpauth_uri, recoveryCodes: recovery_codes };
}

/** Password login of an MFA user: asserts the MFA answer (no cookie) and returns the mfa_token. */
export async function mfaToken(email: string, init: CallInit = {}): Promise<string> {
  const res = await loginUser(email, undefined, init);
  expect(res.status).toBe(200);
  expect(res.headers.getSetCookie()).toEqual([]);
  const body = (await res.json()) as { mfa_required: boolean; mfa_token: string; methods: string[] };
  expect(body.mfa_required).toBe(true);
  return body.mfa_token;
}

export function challenge(json: Record<string, string>, init: CallInit = {}) {
  return call('/v1/auth/mfa/challenge', { method: 'POST', json, ...init });
}
