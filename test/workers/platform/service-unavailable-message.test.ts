// A 503 must not promise "nothing was changed": a connection that drops after the commit leaves the outcome
// unknown. The message says so and tells the client how to retry safely (the same Idempotency-Key).
import { describe, expect, it, vi } from 'vitest';
import { callWithEnv, envWith, expectError, uniqueEmail } from '../support/index.ts';

// Nothing listens on port 9 (discard): every query fails.
const DOWN = envWith({ DATABASE_URL: 'postgres://identsphere:local@127.0.0.1:9/identsphere' });

describe('service unavailable message', () => {
  it('says the outcome is unknown and a retry with the same Idempotency-Key is safe', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await callWithEnv(DOWN, '/v1/auth/register', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'cf-connecting-ip': '10.8.8.8' },
      body: JSON.stringify({ email: uniqueEmail('unknown'), password: 'long enough pw' }),
    });
    const { error } = await expectError(res, 503, 'service_unavailable');
    expect(error.message).not.toMatch(/nothing was changed/i);
    expect(error.message).toMatch(/outcome is unknown/i);
    expect(error.message).toMatch(/same Idempotency-Key/);
  });
});
