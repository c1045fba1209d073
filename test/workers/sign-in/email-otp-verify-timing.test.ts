// A failed email-code verification costs the same database work whether or not the address has an
// account (or a live code, or is disabled): one round trip that counts the attempt and audits the failure.
// Before, an existing address cost extra round trips — a timing oracle for account enumeration.
import { describe, expect, it } from 'vitest';
import { codeIn, type Flow, flowEnv, interceptDatabase, probe, sql, uniqueEmail } from '../support/index.ts';

const REQUEST_ID = 'otp-verify-timing-0001';

/** One verification attempt, with the database round trips it made (every Neon HTTP request is one). */
async function verify(flow: Flow, email: string, code: string) {
  const db = interceptDatabase();
  try {
    const result = await probe(flow, '/v1/auth/email-otp/verify', { email, code }, REQUEST_ID);
    return { ...result, roundTrips: db.requests.length };
  } finally {
    db.restore();
  }
}

/** Some other six digits. */
function wrong(code: string): string {
  return code === '000000' ? '000001' : '000000';
}

describe('email code verification timing', () => {
  it('unknown address, account without a code, wrong code and disabled account: same answer, same round trips', async () => {
    const flow = flowEnv();
    const withCode = await flow.register();
    const noCode = await flow.register();
    const disabled = await flow.register();
    for (const email of [withCode.email, disabled.email])
      await flow.call('/v1/auth/email-otp/request', { method: 'POST', json: { email } });
    await flow.settle();
    await sql('update $schema.users set disabled_at = now() where id = $1', [disabled.user.id]);
    const [live] = await sql<{ n: number }>('select count(*)::int as n from $schema.email_otp_codes where email = any($1::text[])', [
      [withCode.email, disabled.email],
    ]);
    expect(live!.n).toBe(2);

    const results = {
      unknown: await verify(flow, uniqueEmail('nobody'), '123456'),
      noCode: await verify(flow, noCode.email, '123456'),
      wrongCode: await verify(flow, withCode.email, wrong(codeIn(withCode.email))),
      // Even the right digits: a disabled account gets the same failure, after the same work.
      disabled: await verify(flow, disabled.email, codeIn(disabled.email)),
    };
    const reference = results.unknown;
    expect(reference.status).toBe(401);
    expect(reference.roundTrips).toBe(1);
    for (const [name, r] of Object.entries(results)) {
      expect({ name, status: r.status, body: r.body, headers: r.headers, roundTrips: r.roundTrips, hashes: r.hashes }).toEqual({
        name,
        status: reference.status,
        body: reference.body,
        headers: reference.headers,
        roundTrips: reference.roundTrips,
        hashes: 0,
      });
    }

    // The attempt still counted, and each failure is audited with its account and reason.
    const [row] = await sql<{ attempts: number }>('select attempts from $schema.email_otp_codes where email = $1', [withCode.email]);
    expect(row!.attempts).toBe(1);
    const audit = await sql<{ user_id: string | null; metadata: { reason: string } }>(
      "select user_id, metadata from $schema.audit_logs where event = 'email_otp.failed' and user_id = any($1::uuid[]) order by id",
      [[noCode.user.id, withCode.user.id, disabled.user.id]],
    );
    expect(audit).toEqual([
      { user_id: noCode.user.id, metadata: { reason: 'wrong_or_dead_code' } },
      { user_id: withCode.user.id, metadata: { reason: 'wrong_or_dead_code' } },
      { user_id: disabled.user.id, metadata: { reason: 'disabled' } },
    ]);
  });
});
