// The Turnstile token of the bot-check forms rides in the cf-turnstile-response header, only when given.
import { describe, expect, it } from 'vitest';
import { createClient } from '../src/index.ts';

const SIGNED_IN = {
  user: { id: crypto.randomUUID() },
  organization: null,
  session: { id: crypto.randomUUID() },
};

/** A client whose requests are recorded and answered without a server. */
function recording() {
  const requests: Request[] = [];
  const client = createClient({
    baseUrl: 'https://auth.example.com',
    sessionChannel: false,
    fetch: async (request) => {
      requests.push(request);
      const signIn = /\/(register)$/.test(new URL(request.url).pathname);
      return signIn ? Response.json(SIGNED_IN, { status: 201 }) : new Response(null, { status: 202 });
    },
  });
  return { client, requests };
}

describe('bot check (Turnstile)', () => {
  it('sends turnstileToken as cf-turnstile-response on sign-up, forgot password, email code and invitation sign-up', async () => {
    const { client, requests } = recording();
    const check = { turnstileToken: 'solved-token' };
    await client.signUp({ email: 'a@example.com', password: 'long enough password' }, check);
    await client.password.forgot('a@example.com', check);
    await client.emailCode.request('a@example.com', check);
    await client.invitations.register({ token: 'invitation', password: 'long enough password' }, check);
    expect(requests.map((r) => [new URL(r.url).pathname, r.headers.get('cf-turnstile-response')])).toEqual([
      ['/v1/auth/register', 'solved-token'],
      ['/v1/auth/password/forgot', 'solved-token'],
      ['/v1/auth/email-otp/request', 'solved-token'],
      ['/v1/auth/invitations/register', 'solved-token'],
    ]);
  });

  it('sends no header without a token', async () => {
    const { client, requests } = recording();
    await client.password.forgot('a@example.com');
    await client.emailCode.request('a@example.com', {});
    for (const r of requests) expect(r.headers.has('cf-turnstile-response')).toBe(false);
  });
});
