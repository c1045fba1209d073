// A failed query's log line carries its SQLSTATE and statement shape only: never its parameters (emails,
// IPs, password and token hashes) nor Postgres's message, which quotes the offending value. Logs are read by
// more people and systems than the database.
import { sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { loggableError } from '../../../src/db/errors.ts';
import { call, clockedEnv, envWith, expectError, PASSWORD, uniqueEmail } from '../support/index.ts';

function captureConsole(): () => string[] {
  const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) => vi.spyOn(console, level).mockImplementation(() => {}));
  return () => spies.flatMap((spy) => spy.mock.calls.map((args) => args.map(String).join(' ')));
}

describe('logs carry no SQL parameters', () => {
  it('a request whose query fails logs the SQLSTATE and statement, not the email, IP or password hash', async () => {
    // A schema that does not exist: every query fails (42P01) with the request's values as parameters.
    const broken = envWith({ IDENTSPHERE_SCHEMA: 'no_such_schema' });
    const lines = captureConsole();
    const email = uniqueEmail('secret-mailbox');
    const ip = '203.0.113.77';
    await expectError(
      await call('/v1/auth/register', { method: 'POST', env: broken, ip, json: { email, password: PASSWORD } }),
      500,
      'internal',
    );
    await expectError(
      await call('/v1/auth/login', { method: 'POST', env: broken, ip, json: { email, password: PASSWORD } }),
      500,
      'internal',
    );
    const failed = lines().filter((l) => l.includes('request failed'));
    expect(failed).toHaveLength(2);
    for (const line of failed) {
      expect(line).toMatch(/"error":"database error 42P01/);
      expect(line).not.toMatch(/params|\$argon2|"stack"/);
    }
    // The login's lookup names its statement, by shape.
    expect(failed[1]).toMatch(/database error 42P01: select … from \\"no_such_schema\\"\.\\"users\\"/);
    const all = lines().join('\n');
    expect(all).not.toContain(email);
    expect(all).not.toContain(ip);
    expect(all).not.toContain(PASSWORD);
  });

  it("Postgres's message (it quotes the value) and drizzle's parameter list stay out of the loggable form", async () => {
    const { deps } = clockedEnv();
    const err = await deps.db.execute(sql`select ${'ada@example.com'}::uuid, ${'198.51.100.9'}::text`).then(
      () => null,
      (e: unknown) => e,
    );
    expect(String(err)).toContain('ada@example.com'); // what used to be logged
    const { error, stack } = loggableError(err);
    expect(error).toMatch(/^database error 22P02: select \$1::uuid, \$2::text$/);
    expect(stack).toBeUndefined();
    expect(JSON.stringify(loggableError(new Error('wrapper', { cause: err })))).not.toMatch(/ada@example|198\.51/);
  });
});
