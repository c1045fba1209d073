// @identsphere/client against the real Worker: `npm run dev` (wrangler dev + a fresh PGlite database) on free
// ports, the client's requests going through a cookie jar as a browser's would.
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { startDevServer } from '../../../test/node/cli-support.ts';
import { type ClientErrorCode, type ClientOptions, createClient, IdentSphereError, type SessionChangeEvent } from '../src/index.ts';
import { cookieJarFetch } from './cookie-jar.ts';

let BASE = '';
let stop = () => {};

beforeAll(async () => {
  ({ base: BASE, stop } = await startDevServer());
}, 120_000);

afterAll(() => stop());

const PASSWORD = 'correct horse battery staple';
const email = () => `client-${crypto.randomUUID()}@example.com`;

// Registrations are limited to 10 a minute per IP, shared with the other dev-server tests (wrangler keeps the
// limiter's state in .wrangler/): this file registers 5 accounts, and signs in to each at most 5 times a minute.
let sharedAccount: Promise<{ email: string; sessionToken: string }> | undefined;

/** An account for tests that only need one to sign in to (created once), and a bearer session of it. */
function account() {
  return (sharedAccount ??= (async () => {
    const address = email();
    const { session } = await createClient({ baseUrl: BASE, transport: 'bearer' }).signUp({ email: address, password: PASSWORD });
    return { email: address, sessionToken: session.session_token! };
  })());
}

/** One browser tab: its own client, sharing `jar` (the browser's cookies) and `channel` with other tabs. */
function tab(jar = cookieJarFetch(), options: Partial<ClientOptions> = {}) {
  const client = createClient({ baseUrl: BASE, fetch: jar.fetch, sessionChannel: `test-${crypto.randomUUID()}`, ...options });
  const events: SessionChangeEvent[] = [];
  client.onSessionChange((change) => events.push(change));
  return { client, jar, events };
}

async function failure(promise: Promise<unknown>): Promise<IdentSphereError> {
  const err = await promise.then(
    () => expect.unreachable('expected the call to fail'),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(IdentSphereError);
  return err as IdentSphereError;
}

const jwtPayload = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as Record<string, any>;
const tokenRequests = (requests: string[]) => requests.filter((r) => r === 'POST /v1/auth/token').length;

/** The authenticator app's code for the 30-second step `offset` steps from now. */
function totp(secret: string, offset = 0): string {
  return generateHOTP(decodeBase32IgnorePadding(secret), BigInt(Math.floor(Date.now() / 30_000) + offset), 6);
}

describe('@identsphere/client against npm run dev', () => {
  it('registers, reads the session, reuses one access token, signs out', async () => {
    const { client, jar, events } = tab();
    const address = email();
    const { session } = await client.signUp({ email: address, password: PASSWORD });
    expect(session.user.email).toBe(address);
    expect(session.session_token).toBeUndefined();
    expect(jar.cookies.has('identsphere_session')).toBe(true);
    expect(events.map((e) => e.event)).toEqual(['signed_in']);

    expect((await client.session.get())?.user.id).toBe(session.user.id);

    const [first, second] = await Promise.all([client.getAccessToken(), client.getAccessToken()]);
    const third = await client.getAccessToken();
    expect(first).toBe(second);
    expect(third).toBe(first);
    expect(tokenRequests(jar.requests)).toBe(1);
    expect(jwtPayload(first).sub).toBe(session.user.id);

    await client.signOut();
    expect(jar.cookies.has('identsphere_session')).toBe(false);
    expect(events.at(-1)).toEqual({ event: 'signed_out', reason: 'sign_out', session: null });
    expect(await client.session.get()).toBeNull();
    // The cached token went with the session.
    const err = await failure(client.getAccessToken());
    expect([err.code, err.status]).toEqual(['unauthorized', 401]);
    expect(tokenRequests(jar.requests)).toBe(2);
    // What makes a browser send and store the cookie on a cross-origin API.
    expect([...jar.credentials]).toEqual(['include']);
  });

  it('renews the access token 30 s before it expires, not earlier', async () => {
    let now = Date.now();
    const { client, jar } = tab(undefined, { now: () => now, transport: 'bearer', sessionToken: (await account()).sessionToken });
    const token = await client.getAccessToken();
    const { iat, exp } = jwtPayload(token);
    now += (exp - iat - 31) * 1000;
    expect(await client.getAccessToken()).toBe(token);
    expect(tokenRequests(jar.requests)).toBe(1);
    now += 2000;
    await client.getAccessToken();
    expect(tokenRequests(jar.requests)).toBe(2);
  });

  it('signs in with MFA through the step object and a TOTP code', async () => {
    const { client, events } = tab();
    const address = email();
    await client.signUp({ email: address, password: PASSWORD });
    const { secret, otpauth_uri } = await client.mfa.enroll();
    expect(otpauth_uri).toMatch(/^otpauth:\/\/totp\//);
    // A code is used once: enrolment takes the current step's, the sign-in below the next one's (the API accepts
    // one step either side, so a 30-second boundary passing in between changes nothing).
    expect((await client.mfa.confirm(totp(secret))).length).toBeGreaterThan(0);
    const status = await client.mfa.status();
    expectTypeOf(status.recovery_codes_remaining).toEqualTypeOf<number>();
    expect(status).toMatchObject({ enabled: true, methods: expect.arrayContaining(['totp']) });
    await client.signOut();

    const step = await client.signIn({ email: address, password: PASSWORD });
    if (!step.mfaRequired) throw new Error('expected the MFA step');
    expect(step.methods).toContain('totp');
    expect(Date.parse(step.expiresAt!)).toBeGreaterThan(Date.now());
    expect(await client.session.get()).toBeNull();
    expect(events.at(-1)?.event).toBe('signed_out');

    const wrong = await failure(step.verify(String((Number(totp(secret, 1)) + 500_000) % 1_000_000).padStart(6, '0')));
    expect([wrong.code, wrong.status]).toEqual(['invalid_mfa_code', 401]);
    const { session } = await step.verify(totp(secret, 1));
    expect(session.user.email).toBe(address);
    expect(session.session.amr).toContain('mfa');
    expect((await client.session.get())?.user.email).toBe(address);
    expect(events.at(-1)).toMatchObject({ event: 'signed_in', session: { user: { email: address } } });
  });

  it('throws IdentSphereError with the API code, status, message and request id', async () => {
    const { client, events } = tab();
    const address = (await account()).email;
    const taken = await failure(client.signUp({ email: address, password: PASSWORD }));
    expectTypeOf(taken.code).toEqualTypeOf<ClientErrorCode>();
    expect([taken.code, taken.status]).toEqual(['email_taken', 409]);
    expect(taken.message).toMatch(/\w/);
    expect(taken.requestId).toMatch(/\w{8,}/);

    const wrong = await failure(client.signIn({ email: address, password: 'not the password' }));
    expect([wrong.code, wrong.status]).toEqual(['invalid_credentials', 401]);
    // A 401 that is not about the session (a wrong password) signs nobody out.
    expect(events).toEqual([]);
    expect((await failure(client.emailCode.verify(email(), '000000'))).code).toBe('invalid_code');
    expect((await failure(client.password.reset('no-such-token', 'another long password 1'))).code).toBe('invalid_token');
    const invalid = await failure(client.signIn({ email: 'not-an-email', password: 'x' }));
    expect(invalid.code).toBe('invalid_request');
    expect(invalid.details?.length).toBeGreaterThan(0);
  });

  it('reads and updates the profile, and sends the emailed links’ tokens to their endpoints', async () => {
    const { email: address, sessionToken } = await account();
    const client = createClient({ baseUrl: BASE, transport: 'bearer', sessionToken });
    expect((await client.profile.get()).email).toBe(address);
    expect((await client.profile.update({ name: 'Renamed' })).user.name).toBe('Renamed');
    // The pages' calls, with tokens no email ever carried (the browser e2e follows real links).
    expect((await failure(client.email.verify('no-such-token'))).code).toBe('invalid_token');
    expect((await failure(client.profile.confirmEmailChange('no-such-token'))).code).toBe('invalid_token');
    expect((await failure(client.invitations.accept('no-such-token'))).code).toBe('invitation_invalid');
    expect((await failure(tab().client.invitations.accept('no-such-token'))).code).toBe('unauthorized');
  });

  it('tells other tabs of sign-in, sign-out and an expired session (BroadcastChannel)', async () => {
    const channel = `tabs-${crypto.randomUUID()}`;
    const browser = cookieJarFetch();
    const a = tab(browser, { sessionChannel: channel });
    const b = tab(browser, { sessionChannel: channel });
    const heard = (count: number) => expect.poll(() => b.events.length).toBe(count);

    const address = (await account()).email;
    await a.client.signIn({ email: address, password: PASSWORD });
    await heard(1);
    expect(b.events[0]).toMatchObject({ event: 'signed_in', session: { user: { email: address } } });
    expect(await b.client.getAccessToken()).toMatch(/^ey/);

    await a.client.signOut();
    await heard(2);
    expect(b.events[1]).toEqual({ event: 'signed_out', reason: 'sign_out', session: null });

    await a.client.signIn({ email: address, password: PASSWORD });
    await heard(3);
    browser.cookies.set('identsphere_session', 'no-longer-valid');
    expect((await failure(a.client.getAccessToken())).code).toBe('unauthorized');
    expect(a.events.at(-1)).toEqual({ event: 'signed_out', reason: 'expired', session: null });
    await heard(4);
    expect(b.events[3]).toEqual({ event: 'signed_out', reason: 'expired', session: null });
    a.client.close();
    b.client.close();
  });

  it('changes the password, requests a reset and an email code (202, whether or not the account exists)', async () => {
    const { client } = tab();
    const address = email();
    await client.signUp({ email: address, password: PASSWORD });
    await client.password.change(PASSWORD, 'a different long passphrase');
    await client.signOut();
    expect((await failure(client.signIn({ email: address, password: PASSWORD }))).code).toBe('invalid_credentials');
    expect(await client.signIn({ email: address, password: 'a different long passphrase' })).toMatchObject({ mfaRequired: false });
    await expect(client.password.forgot(email())).resolves.toBeUndefined();
    await expect(client.emailCode.request(address)).resolves.toBeUndefined();
  });

  it('lists, creates and switches organizations, and lists members', async () => {
    const { client, events } = tab();
    const { session } = await client.signUp({ email: email(), password: PASSWORD, organization_name: 'First' });
    const created = await client.organizations.create('Second');
    // Typed from the generated paths (an unresolved response type would be `never`, and these would not compile).
    expectTypeOf(created.role).toEqualTypeOf<'owner' | 'admin' | 'member'>();
    expectTypeOf<Awaited<ReturnType<typeof client.organizations.list>>[number]['current']>().toEqualTypeOf<boolean>();
    expectTypeOf<Parameters<typeof client.organizations.invitations.create>[1]['email']>().toEqualTypeOf<string>();
    expect(created).toMatchObject({ name: 'Second', role: 'owner' });
    expect((await client.organizations.list()).map((o) => [o.name, o.current])).toEqual(
      expect.arrayContaining([
        ['First', true],
        ['Second', false],
      ]),
    );
    const switched = await client.organizations.switch(created.id);
    expect(switched.organization?.id).toBe(created.id);
    expect(events.at(-1)).toMatchObject({ event: 'session_updated', session: { organization: { id: created.id } } });
    expect(await client.organizations.members.list(created.id)).toEqual([
      expect.objectContaining({ user_id: session.user.id, role: 'owner' }),
    ]);
  });

  it('builds the OAuth start URL the browser navigates to', async () => {
    const { client } = tab();
    const url = client.oauth.start('no-such-provider', 'http://localhost:5173/landing');
    expect(url).toBe(`${BASE}/v1/auth/oauth/no-such-provider/start?redirect_to=${encodeURIComponent('http://localhost:5173/landing')}`);
    const res = await fetch(url, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('http://localhost:5173/landing?error=not_found');
    const providers = await client.oauth.providers();
    expectTypeOf<(typeof providers)[number]['start_url']>().toEqualTypeOf<string>();
    expect(providers).toEqual([]);
  });

  it('keeps a bearer session in memory and sends no cookie (transport: bearer)', async () => {
    const jar = cookieJarFetch();
    const { client } = tab(jar, { transport: 'bearer' });
    const signIn = await client.signIn({ email: (await account()).email, password: PASSWORD });
    if (signIn.mfaRequired) throw new Error('expected a session');
    const { session } = signIn;
    expect(jar.cookies.size).toBe(0);
    expect([...jar.credentials]).toEqual(['omit']);
    expect(client.getSessionToken()).toBe(session.session_token);
    expect((await client.session.get())?.user.id).toBe(session.user.id);
    expect(jwtPayload(await client.getAccessToken()).sub).toBe(session.user.id);

    const restored = createClient({ baseUrl: BASE, transport: 'bearer', sessionToken: client.getSessionToken() });
    expect((await restored.session.get())?.user.id).toBe(session.user.id);
    await client.signOut();
    expect(client.getSessionToken()).toBeUndefined();
    expect(await restored.session.get()).toBeNull();
  });
});
