// A bearer session has the cookie's lifetimes: the idle timeout and the absolute lifetime end it, and the
// sliding renewal on use keeps the same token (nothing is re-issued, for either transport).
import { describe, expect, it } from 'vitest';
import { bearer, call, clockedEnv, expectError, registerBearerUser } from '../support/index.ts';

const DAY = 24 * 3600 * 1000;

describe('bearer session lifetime', () => {
  it('refused once idle for longer than the idle timeout', async () => {
    const { env, clock } = clockedEnv();
    const { token } = await registerBearerUser(undefined, undefined, env);
    clock.advance(6 * DAY);
    const renewed = await call('/v1/auth/session', bearer(token, { env }));
    expect(renewed.status).toBe(200);
    expect(renewed.headers.getSetCookie()).toEqual([]);
    clock.advance(7 * DAY + 1000);
    await expectError(await call('/v1/auth/session', bearer(token, { env })), 401, 'unauthorized');
  });

  it('refused at the absolute lifetime however active, with the same token throughout', async () => {
    const { env, clock } = clockedEnv();
    const { token } = await registerBearerUser(undefined, undefined, env);
    for (let day = 2; day < 30; day += 2) {
      clock.advance(2 * DAY);
      expect({ day, status: (await call('/v1/auth/session', bearer(token, { env }))).status }).toEqual({ day, status: 200 });
    }
    clock.advance(2 * DAY);
    await expectError(await call('/v1/auth/session', bearer(token, { env })), 401, 'unauthorized');
  });
});
