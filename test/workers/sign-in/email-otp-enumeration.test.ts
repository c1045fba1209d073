// Security requirement 3 (email OTP): requesting a sign-in code reveals nothing about whether an account
// exists — same status, body and headers, after the same work — and only a real account gets a code.
import { describe, expect, it, vi } from 'vitest';
import { type Flow, flowEnv, mails, probe, sql, uniqueEmail } from '../support/index.ts';

const REQUEST_ID = 'otp-enumeration-0001';

function requestCode(flow: Flow, email: string) {
  return probe(flow, '/v1/auth/email-otp/request', { email }, REQUEST_ID);
}

describe('email OTP enumeration', () => {
  it('unknown, existing, disabled and just-served accounts get byte-identical answers; only the real account gets a code', async () => {
    const flow = flowEnv();
    const real = await flow.register();
    const disabled = await flow.register();
    await sql('update $schema.users set disabled_at = now() where id = $1', [disabled.user.id]);
    const unknown = uniqueEmail('nobody');

    const results = {
      unknown: await requestCode(flow, unknown),
      real: await requestCode(flow, real.email),
      disabled: await requestCode(flow, disabled.email),
      // Within the 60 s window: no email is sent, and the answer does not say so.
      again: await requestCode(flow, real.email),
    };
    const reference = results.unknown;
    expect(reference.status).toBe(202);
    expect(reference.body).toBe('');
    for (const [name, r] of Object.entries(results)) {
      expect({ name, ...r }).toEqual({ name, ...reference });
      // Two background tasks: the send, and the webhook producer that every state-changing request schedules.
      expect({ name, background: r.background, hashes: r.hashes }).toEqual({ name, background: 2, hashes: 0 });
    }

    await flow.settle();
    expect(mails(real.email, 'email_otp')).toHaveLength(1);
    expect(mails(unknown, 'email_otp')).toEqual([]);
    expect(mails(disabled.email, 'email_otp')).toEqual([]);
    const stored = await sql<{ email: string }>('select email from $schema.email_otp_codes where email = any($1::text[])', [
      [real.email, unknown, disabled.email],
    ]);
    expect(stored.map((r) => r.email)).toEqual([real.email]);
  });

  it('the answer is produced without reading the database: identical 202s even with Postgres down', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const flow = flowEnv({ DATABASE_URL: 'postgres://identsphere:local@127.0.0.1:9/identsphere' });
    const a = await requestCode(flow, uniqueEmail('nobody'));
    const b = await requestCode(flow, uniqueEmail('someone'));
    expect(a).toEqual(b);
    expect(a.status).toBe(202);
    await flow.settle();
    // (The webhook producer, which runs after every write, fails too with Postgres down: not counted here.)
    const logged = errors.mock.calls
      .map((args) => String(args[0]))
      .filter((line) => line.includes('background task failed') && !line.includes('"task":"webhook events"'));
    expect(logged).toHaveLength(2);
    expect(JSON.parse(logged[0]!)).toMatchObject({ task: 'email sign-in code', request_id: REQUEST_ID });
  });
});
