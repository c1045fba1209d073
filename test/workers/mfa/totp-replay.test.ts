// Security requirement 19: a TOTP code is accepted within ±1 step (30 s) of now, never further, and a step
// that was already used is refused — also when the replays race each other.
import { describe, expect, it } from 'vitest';
import { challenge, clockedEnv, expectError, mfaToken, sessionSetCookies, totp, userWithTotp } from '../support/index.ts';

// Start mid-step, so ±1 step is unambiguous.
const START = Math.floor(Date.now() / 30_000) * 30_000 + 15_000;

describe('TOTP replay and window', () => {
  it('the same code twice: the second (with a new mfa_token) is refused', async () => {
    const { env, clock } = clockedEnv(START);
    const u = await userWithTotp({ env, now: () => clock.now().getTime() });
    const code = await totp(u.secret, clock.now().getTime());
    expect((await challenge({ mfa_token: await mfaToken(u.email, { env }), code }, { env })).status).toBe(200);
    const replay = await challenge({ mfa_token: await mfaToken(u.email, { env }), code }, { env });
    expect(replay.headers.getSetCookie()).toEqual([]);
    await expectError(replay, 401, 'invalid_mfa_code');
  });

  it('accepts the previous and next step, refuses two steps away', async () => {
    const { env, clock } = clockedEnv(START - 5 * 60_000);
    const u = await userWithTotp({ env, now: () => clock.now().getTime() }); // enrolled five minutes earlier
    clock.set(START);
    const at = clock.now().getTime();
    await expectError(
      await challenge({ mfa_token: await mfaToken(u.email, { env }), code: await totp(u.secret, at, -2) }, { env }),
      401,
      'invalid_mfa_code',
    );
    await expectError(
      await challenge({ mfa_token: await mfaToken(u.email, { env }), code: await totp(u.secret, at, 2) }, { env }),
      401,
      'invalid_mfa_code',
    );
    expect((await challenge({ mfa_token: await mfaToken(u.email, { env }), code: await totp(u.secret, at, -1) }, { env })).status).toBe(
      200,
    );
    expect((await challenge({ mfa_token: await mfaToken(u.email, { env }), code: await totp(u.secret, at, 1) }, { env })).status).toBe(200);
  });

  it('after a later step was used, an earlier (still in-window) step is refused', async () => {
    const { env, clock } = clockedEnv(START - 5 * 60_000);
    const u = await userWithTotp({ env, now: () => clock.now().getTime() }); // enrolled five minutes earlier
    clock.set(START);
    const at = clock.now().getTime();
    expect((await challenge({ mfa_token: await mfaToken(u.email, { env }), code: await totp(u.secret, at, 0) }, { env })).status).toBe(200);
    await expectError(
      await challenge({ mfa_token: await mfaToken(u.email, { env }), code: await totp(u.secret, at, -1) }, { env }),
      401,
      'invalid_mfa_code',
    );
  });

  it('the code used to confirm enrollment cannot be replayed to sign in', async () => {
    const { env, clock } = clockedEnv(START);
    const u = await userWithTotp({ env, now: () => clock.now().getTime() }); // confirmed with the previous step
    const confirmCode = await totp(u.secret, clock.now().getTime(), -1);
    await expectError(
      await challenge({ mfa_token: await mfaToken(u.email, { env }), code: confirmCode }, { env }),
      401,
      'invalid_mfa_code',
    );
  });

  it('16 concurrent sign-ins with the same code (16 mfa_tokens): exactly one session', async () => {
    const { env, clock } = clockedEnv(START);
    const u = await userWithTotp({ env, now: () => clock.now().getTime() });
    const tokens = await Promise.all(Array.from({ length: 16 }, () => mfaToken(u.email, { env })));
    const code = await totp(u.secret, clock.now().getTime());
    const results = await Promise.all(tokens.map((mfa_token) => challenge({ mfa_token, code }, { env })));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 401)).toHaveLength(15);
    expect(results.flatMap(sessionSetCookies)).toHaveLength(1);
  });
});
