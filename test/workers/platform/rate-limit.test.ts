// Security requirement 17 (edge): Cloudflare rate-limit bindings per client IP and per IP + account;
// 429 `rate_limited` with Retry-After; a request without cf-connecting-ip is limited too (never skipped).
import { beforeEach, describe, expect, it } from 'vitest';
import { RATE_LIMITS } from '../../../src/platform/adapters/rate-limiter.ts';
import { call, expectError, randomIp, registerUser, startEarlyInRateLimitWindow, uniqueEmail } from '../support/index.ts';

const login = (email: string, ip: string | null) =>
  call('/v1/auth/login', { method: 'POST', json: { email, password: 'wrong password' }, ip });

beforeEach(startEarlyInRateLimitWindow, 20_000);

describe('rate limits', () => {
  it('limits login per IP: over the allowance is 429 with Retry-After, another IP is unaffected', async () => {
    const ip = randomIp();
    for (let i = 0; i < RATE_LIMITS.login.limit; i++) expect((await login(uniqueEmail(), ip)).status).toBe(401);
    const limited = await login(uniqueEmail(), ip);
    await expectError(limited, 429, 'rate_limited');
    expect(limited.headers.get('retry-after')).toBe(String(RATE_LIMITS.login.period));
    expect((await login(uniqueEmail(), randomIp())).status).toBe(401);
  });

  it('limits login per IP + account more tightly', async () => {
    const ip = randomIp();
    const { email } = await registerUser();
    for (let i = 0; i < RATE_LIMITS.account.limit; i++) expect((await login(email, ip)).status).toBe(401);
    await expectError(await login(email, ip), 429, 'rate_limited');
    // The same IP may still try another account (shared NATs), and the account from elsewhere.
    expect((await login(uniqueEmail(), ip)).status).toBe(401);
    expect((await login(email, randomIp())).status).toBe(401);
  });

  it('limits requests that carry no client IP (one shared key, not unlimited)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= RATE_LIMITS.login.limit; i++) statuses.push((await login(uniqueEmail(), null)).status);
    expect(statuses.at(-1)).toBe(429);
  });

  it('limits registration per IP', async () => {
    const ip = randomIp();
    const statuses: number[] = [];
    for (let i = 0; i <= RATE_LIMITS.register.limit; i++) {
      statuses.push(
        (await call('/v1/auth/register', { method: 'POST', json: { email: uniqueEmail(), password: 'long enough pw' }, ip })).status,
      );
    }
    expect(statuses).toEqual([...Array(RATE_LIMITS.register.limit).fill(201), 429]);
  });

  it('a rate-limited request changes nothing (no account created)', async () => {
    const ip = randomIp();
    for (let i = 0; i < RATE_LIMITS.register.limit; i++) {
      await call('/v1/auth/register', { method: 'POST', json: { email: uniqueEmail(), password: 'long enough pw' }, ip });
    }
    const email = uniqueEmail('limited');
    await expectError(
      await call('/v1/auth/register', { method: 'POST', json: { email, password: 'long enough pw' }, ip }),
      429,
      'rate_limited',
    );
    expect((await call('/v1/auth/login', { method: 'POST', json: { email, password: 'long enough pw' } })).status).toBe(401);
  });
});
