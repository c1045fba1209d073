// Security requirement 22: a flow (its state) is single-use — also under concurrency — and expires.
import { describe, expect, it } from 'vitest';
import { callback, landing, oauthEnv, sql, startFlow, uniqueEmail } from '../support/index.ts';

describe('OAuth state reuse', () => {
  it('replaying a completed callback (same cookie, state and code) is refused without a second token request', async () => {
    const { env, google } = oauthEnv();
    const flow = await startFlow('google', { env });
    const back = google.authorize(flow.location, { sub: `g-${crypto.randomUUID()}`, email: uniqueEmail('replay'), email_verified: true });
    expect(landing(await callback('google', back, { env, cookie: flow.flowCookie })).session).not.toBeNull();
    expect(landing(await callback('google', back, { env, cookie: flow.flowCookie }))).toMatchObject({
      error: 'oauth_state_invalid',
      session: null,
    });
    expect(google.tokenRequests).toBe(1);
  });

  it('8 concurrent callbacks of one flow: exactly one session, the others refused at the state', async () => {
    const { env, google } = oauthEnv();
    const email = uniqueEmail('race');
    const flow = await startFlow('google', { env });
    const back = google.authorize(flow.location, { sub: `g-${crypto.randomUUID()}`, email, email_verified: true });
    const results = await Promise.all(Array.from({ length: 8 }, () => callback('google', back, { env, cookie: flow.flowCookie })));
    const landed = results.map(landing);
    expect(landed.filter((l) => l.session !== null)).toHaveLength(1);
    expect(landed.filter((l) => l.error === 'oauth_state_invalid')).toHaveLength(7);
    expect(google.tokenRequests).toBe(1);
    expect(await sql('select 1 from $schema.sessions s join $schema.users u on u.id = s.user_id where u.email = $1', [email])).toHaveLength(
      1,
    );
  });

  it('a flow expires after 10 minutes', async () => {
    const { env, google, clock } = oauthEnv();
    const flow = await startFlow('google', { env });
    const back = google.authorize(flow.location, { sub: `g-${crypto.randomUUID()}`, email: uniqueEmail('slow'), email_verified: true });
    clock.advance(601_000);
    expect(landing(await callback('google', back, { env, cookie: flow.flowCookie }))).toMatchObject({
      error: 'oauth_state_invalid',
      session: null,
    });
    expect(google.tokenRequests).toBe(0);
  });
});
