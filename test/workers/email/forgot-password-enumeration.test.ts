// Security requirement 3 (forgot password): the answer reveals nothing about whether an account exists —
// same status, body and headers, after the same work (nothing account-dependent happens before the
// response) — and only a real, enabled account gets an email.
import { describe, expect, it, vi } from 'vitest';
import { type Flow, flowEnv, mails, probe, sql, uniqueEmail } from '../support/index.ts';

const REQUEST_ID = 'forgot-enumeration-0001';

function forgot(flow: Flow, email: string) {
  return probe(flow, '/v1/auth/password/forgot', { email }, REQUEST_ID);
}

describe('forgot-password enumeration', () => {
  it('unknown, existing and disabled accounts get byte-identical answers; only the real account gets mail', async () => {
    const flow = flowEnv();
    const real = await flow.register();
    const disabled = await flow.register();
    await sql('update $schema.users set disabled_at = now() where id = $1', [disabled.user.id]);
    const unknown = uniqueEmail('nobody');

    const results = {
      unknown: await forgot(flow, unknown),
      real: await forgot(flow, real.email),
      disabled: await forgot(flow, disabled.email),
    };
    const reference = results.unknown;
    expect(reference.status).toBe(202);
    expect(reference.body).toBe('');
    for (const [name, r] of Object.entries(results)) {
      expect({ name, ...r }).toEqual({ name, ...reference });
      // Same work before answering: one background task scheduled, no password hashing.
      // Two background tasks: the send, and the webhook producer that every state-changing request schedules.
      expect({ name, background: r.background, hashes: r.hashes }).toEqual({ name, background: 2, hashes: 0 });
    }

    await flow.settle();
    expect(mails(real.email, 'password_reset')).toHaveLength(1);
    expect(mails(unknown, 'password_reset')).toEqual([]);
    expect(mails(disabled.email, 'password_reset')).toEqual([]);
    const tokens = await sql<{ user_id: string }>(
      "select user_id from $schema.one_time_tokens where purpose = 'password_reset' and user_id = any($1::uuid[])",
      [[real.user.id, disabled.user.id]],
    );
    expect(tokens.map((t) => t.user_id)).toEqual([real.user.id]);
  });

  it('the answer is produced without reading the database: identical 202s even with Postgres down', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const flow = flowEnv({ DATABASE_URL: 'postgres://identsphere:local@127.0.0.1:9/identsphere' });
    const a = await forgot(flow, uniqueEmail('nobody'));
    const b = await forgot(flow, uniqueEmail('someone'));
    expect(a).toEqual(b);
    expect(a.status).toBe(202);
    await flow.settle();
    // The failure happened after the answer and was logged, once per request.
    // (The webhook producer, which runs after every write, fails too with Postgres down: not counted here.)
    const logged = errors.mock.calls
      .map((args) => String(args[0]))
      .filter((line) => line.includes('background task failed') && !line.includes('"task":"webhook events"'));
    expect(logged).toHaveLength(2);
    expect(JSON.parse(logged[0]!)).toMatchObject({ task: 'password reset email', request_id: REQUEST_ID });
  });
});
