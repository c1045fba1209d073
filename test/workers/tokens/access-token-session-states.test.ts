// POST /v1/auth/token follows the session exactly: a bearer session (native app) gets a token like a cookie
// session, and an expired session gets none.
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { bearer, call, clockedEnv, expectError, registerBearerUser } from '../support/index.ts';

const DAY = 24 * 3600 * 1000;

describe('access tokens and session states', () => {
  it('a bearer session gets an access token for its user and session', async () => {
    const { user, token } = await registerBearerUser();
    const res = await call('/v1/auth/token', bearer(token, { method: 'POST' }));
    expect(res.status).toBe(200);
    const claims = decodeJwt(((await res.json()) as { access_token: string }).access_token);
    expect(claims.sub).toBe(user.id);
    const session = (await (await call('/v1/auth/session', bearer(token))).json()) as { session: { id: string } };
    expect(claims.sid).toBe(session.session.id);
  });

  it('401 once the session has expired (idle timeout)', async () => {
    const { env, clock } = clockedEnv();
    const { token } = await registerBearerUser(undefined, undefined, env);
    expect((await call('/v1/auth/token', bearer(token, { method: 'POST', env }))).status).toBe(200);
    clock.advance(7 * DAY + 1000);
    await expectError(await call('/v1/auth/token', bearer(token, { method: 'POST', env })), 401, 'unauthorized');
  });
});
