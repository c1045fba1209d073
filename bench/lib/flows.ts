// The requests the round-trip and latency figures measure, driven over HTTP as a client would. Each flow
// prepares what its request needs (a user, an mfa_token, an emailed code) outside the measurement, then
// returns the one request to measure. TOTP codes are computed here from RFC 6238, never by the code under test.
import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { BenchPasskey } from './passkey.ts';
import type { DevServer } from './processes.ts';
import { sleep } from './processes.ts';
import { oursLogFile } from './stack.ts';

export const PASSWORD = 'bench password, long enough';
export const randomIp = () => `10.${randomBytes(3).join('.')}`;
export const uniqueEmail = (tag: string) => `bench-${tag}-${randomBytes(6).toString('hex')}@example.com`;
export const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(';')[0]!);

/** The measured request: sends it and says whether the answer was the expected one. */
export type Measured = () => Promise<boolean>;

async function post(server: DevServer, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(server.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'cf-connecting-ip': randomIp(), ...headers },
    body: JSON.stringify(body),
  });
}

/** The answer's status, its body read (so the connection is free for the next request). */
async function statusOf(pending: Promise<Response>): Promise<number> {
  const res = await pending;
  await res.arrayBuffer();
  return res.status;
}

async function expectStatus(res: Response, status: number, what: string): Promise<Record<string, unknown>> {
  const text = await res.text();
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${text.slice(0, 300)}`);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

/** RFC 6238 (HMAC-SHA-1, 6 digits, 30 s steps) from a base32 secret. */
export function totp(secretBase32: string, offsetSteps = 0): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const ch of secretBase32.replace(/=+$/, '').toUpperCase()) bits += alphabet.indexOf(ch).toString(2).padStart(5, '0');
  const key = Buffer.from((bits.match(/.{8}/g) ?? []).map((b) => Number.parseInt(b, 2)));
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 30_000) + offsetSteps));
  const mac = createHmac('sha1', key).update(msg).digest();
  const offset = mac[19]! & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

// ---- IdentSphere ----

export async function oursRegister(server: DevServer, email = uniqueEmail('u')): Promise<string> {
  const res = await post(server, '/v1/auth/register', { email, password: PASSWORD, organization_name: 'Bench' });
  await expectStatus(res, 201, 'identsphere register');
  const cookie = cookiesOf(res).find((c) => c.startsWith('identsphere_session='));
  if (!cookie) throw new Error('identsphere register: no session cookie');
  return cookie;
}

/** A registered user with TOTP on (confirmed with the previous step's code: the current one stays unused). */
export async function oursMfaUser(server: DevServer): Promise<{ email: string; secret: string }> {
  const email = uniqueEmail('mfa');
  const cookie = await oursRegister(server, email);
  const setup = await expectStatus(await post(server, '/v1/auth/mfa/totp/setup', {}, { cookie }), 200, 'totp setup');
  const secret = String(setup.secret);
  await expectStatus(await post(server, '/v1/auth/mfa/totp/confirm', { code: totp(secret, -1) }, { cookie }), 200, 'totp confirm');
  return { email, secret };
}

export const oursFlows = {
  register: (server: DevServer): Measured => {
    const email = uniqueEmail('reg');
    return async () =>
      (await statusOf(post(server, '/v1/auth/register', { email, password: PASSWORD, organization_name: 'Bench' }))) === 201;
  },
  signIn: (server: DevServer, email: string): Measured => {
    return async () => {
      const res = await post(server, '/v1/auth/login', { email, password: PASSWORD });
      await res.arrayBuffer();
      return res.status === 200 && cookiesOf(res).some((c) => c.startsWith('identsphere_session='));
    };
  },
  signInMfa: (server: DevServer, email: string): Measured => {
    return async () => {
      const body = await post(server, '/v1/auth/login', { email, password: PASSWORD });
      return body.status === 200 && ((await body.json()) as { mfa_required?: boolean }).mfa_required === true;
    };
  },
  /** Needs a user of its own each time: a TOTP step is accepted once per user. */
  mfaChallenge: async (server: DevServer): Promise<Measured> => {
    const user = await oursMfaUser(server);
    const login = await expectStatus(await post(server, '/v1/auth/login', { email: user.email, password: PASSWORD }), 200, 'mfa login');
    const mfaToken = String(login.mfa_token);
    return async () => (await statusOf(post(server, '/v1/auth/mfa/challenge', { mfa_token: mfaToken, code: totp(user.secret) }))) === 200;
  },
  /** A fresh user each time: one code per address per window. The code comes from the log-only mailer. */
  emailCodeVerify: async (server: DevServer): Promise<Measured> => {
    const email = uniqueEmail('otp');
    await oursRegister(server, email);
    const before = readFileSync(oursLogFile, 'utf8').length;
    await expectStatus(await post(server, '/v1/auth/email-otp/request', { email }), 202, 'email-otp request');
    const code = await emailedCode(email, before);
    await sleep(300); // the request's background work may still write after printing the email: not counted
    return async () => (await statusOf(post(server, '/v1/auth/email-otp/verify', { email, code }))) === 200;
  },
  sessionCheck: (server: DevServer, cookie: string): Measured => {
    return async () => {
      const res = await fetch(`${server.url}/v1/auth/session`, { headers: { cookie } });
      await res.arrayBuffer();
      return res.status === 200;
    };
  },
  /** A user with a passkey, its challenge fetched (login/options, not measured); measured: login/verify. */
  passkeySignIn: async (server: DevServer): Promise<Measured> => {
    const email = uniqueEmail('pk');
    const cookie = await oursRegister(server, email);
    const passkey = new BenchPasskey(server.url);
    const options = await expectStatus(await post(server, '/v1/auth/passkeys/register/options', {}, { cookie }), 200, 'passkey options');
    const attestation = passkey.attest(options as { challenge: string; rp: { id: string }; user: { id: string } });
    await expectStatus(
      await post(server, '/v1/auth/passkeys/register/verify', { response: attestation }, { cookie }),
      201,
      'passkey register',
    );
    const login = await expectStatus(await post(server, '/v1/auth/passkeys/login/options', { email }), 200, 'passkey login options');
    const response = passkey.assert(login as { challenge: string; rpId: string });
    return async () => (await statusOf(post(server, '/v1/auth/passkeys/login/verify', { response }))) === 200;
  },
};

/** The 6-digit code in the first email to `email` printed after `offset` of the Worker's log. */
async function emailedCode(email: string, offset: number): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const text = readFileSync(oursLogFile, 'utf8').slice(offset);
    const at = text.indexOf(`to: ${email}`);
    const code = at >= 0 ? /\b(\d{6})\b/.exec(text.slice(at))?.[1] : undefined;
    if (code) return code;
    await sleep(100);
  }
  throw new Error(`no email code for ${email} in ${oursLogFile}`);
}

// ---- Better Auth (bench/peers/better-auth: email + password only, no 2FA, email-OTP or passkey plugin) ----

export async function peerSignUp(server: DevServer, email = uniqueEmail('ba')): Promise<string> {
  const res = await post(server, '/api/auth/sign-up/email', { email, password: PASSWORD, name: 'Bench' }, { origin: server.url });
  await expectStatus(res, 200, 'better-auth sign-up');
  const token = cookiesOf(res).find((c) => c.startsWith('better-auth.session_token='));
  if (!token) throw new Error('better-auth sign-up: no session cookie');
  return token;
}

export const peerFlows = {
  register: (server: DevServer): Measured => {
    const email = uniqueEmail('bareg');
    return async () =>
      (await statusOf(post(server, '/api/auth/sign-up/email', { email, password: PASSWORD, name: 'Bench' }, { origin: server.url }))) ===
      200;
  },
  signIn: (server: DevServer, email: string): Measured => {
    return async () =>
      (await statusOf(post(server, '/api/auth/sign-in/email', { email, password: PASSWORD }, { origin: server.url }))) === 200;
  },
  /** Its defaults read the session from the database on every check: each one is a cold check. */
  sessionCheck: (server: DevServer, cookie: string): Measured => {
    return async () => {
      const res = await fetch(`${server.url}/api/auth/get-session`, { headers: { cookie } });
      const body = await res.text();
      return res.ok && body !== 'null';
    };
  },
};
