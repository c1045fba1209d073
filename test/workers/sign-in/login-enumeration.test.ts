// Security requirements 1 and 2: a failed login looks and costs the same whether the account is unknown,
// the password wrong, the account backed off or disabled.
import { describe, expect, it } from 'vitest';
import { call, registerUser, sql, uniqueEmail, watchArgon2 } from '../support/index.ts';

const REQUEST_ID = 'enumeration-probe-0001';

async function attempt(email: string, password: string) {
  const argon2 = watchArgon2();
  const res = await call('/v1/auth/login', { method: 'POST', json: { email, password }, headers: { 'x-request-id': REQUEST_ID } });
  const headers = [...res.headers].filter(([name]) => name !== 'date').sort();
  return { status: res.status, body: await res.text(), headers, hashes: argon2.hashes() };
}

describe('login enumeration', () => {
  it('answers unknown email, wrong password, locked and disabled accounts byte-identically, at the same cost', async () => {
    const wrong = await registerUser();
    const locked = await registerUser();
    await sql("update $schema.users set locked_until = now() + interval '1 hour', failed_login_count = 9 where id = $1", [locked.user.id]);
    const disabled = await registerUser();
    await sql('update $schema.users set disabled_at = now() where id = $1', [disabled.user.id]);

    const results = {
      unknown: await attempt(uniqueEmail('nobody'), 'whatever password'),
      wrongPassword: await attempt(wrong.email, 'not the password'),
      // The right password does not help while backed off or disabled.
      locked: await attempt(locked.email, locked.password),
      disabled: await attempt(disabled.email, disabled.password),
    };
    const reference = results.unknown;
    expect(reference.status).toBe(401);
    expect(JSON.parse(reference.body)).toEqual({
      error: { code: 'invalid_credentials', message: 'Invalid email or password.', request_id: REQUEST_ID },
    });
    for (const [name, r] of Object.entries(results)) {
      expect({ name, status: r.status, body: r.body, headers: r.headers }).toEqual({
        name,
        status: reference.status,
        body: reference.body,
        headers: reference.headers,
      });
      // Exactly one argon2 verification each: the unknown email is checked against a dummy hash.
      expect({ name, hashes: r.hashes }).toEqual({ name, hashes: 1 });
    }
    expect(reference.headers.some(([n]) => n === 'set-cookie')).toBe(false);
  });
});
