// Password change, password reset, account deletion and sign-ins racing on one account: every request gets
// a 2xx or a 4xx (never 500 from a deadlock or a foreign key that vanished: locks are taken user row first,
// deadlocks are retried centrally, FK races are classified), and the end state is consistent. Meaningful on
// PostgreSQL (IDENTSPHERE_TEST_DATABASE_URL), where the transactions really run concurrently.
import { describe, expect, it } from 'vitest';
import { expectError, flowEnv, sessionCookie, sql, tokenIn } from '../support/index.ts';

const ROUNDS = 3;
const LOGINS = 8;

describe('no 5xx under credential races', () => {
  it(`${ROUNDS} rounds: change, reset, deletion and ${LOGINS} logins at once; only 2xx/4xx; consistent end state`, async () => {
    const flow = flowEnv();
    for (let round = 0; round < ROUNDS; round++) {
      const { email, password, user, cookie } = await flow.register();
      const deleter = sessionCookie(await flow.login(email, password));
      await flow.call('/v1/auth/password/forgot', { method: 'POST', json: { email } });
      await flow.settle();
      const token = tokenIn(email, 'password_reset');

      const requests = [
        flow.call('/v1/auth/password/change', {
          method: 'POST',
          cookie,
          json: { current_password: password, new_password: 'changed passphrase one' },
        }),
        flow.call('/v1/auth/password/reset', { method: 'POST', json: { token, password: 'reset passphrase two' } }),
        flow.call('/v1/auth/me', { method: 'DELETE', cookie: deleter }),
        ...Array.from({ length: LOGINS }, () => flow.login(email, password)),
      ];
      const [changed, wasReset, deleted, ...signIns] = await Promise.all(requests);
      const all = [changed!, wasReset!, deleted!, ...signIns];
      const bodies = await Promise.all(all.map((r) => r.clone().text()));
      for (const [i, r] of all.entries()) expect(r.status, bodies[i]).toBeLessThan(500);

      const [row] = await sql('select 1 from $schema.users where id = $1', [user.id]);
      const sessions = await sql<{ id: string }>('select id from $schema.sessions where user_id = $1', [user.id]);
      const cookies = signIns.filter((r) => r.status === 200).map(sessionCookie);
      for (const r of signIns.filter((r) => r.status !== 200)) await expectError(r, 401, 'invalid_credentials');
      if (deleted!.status === 204) {
        // Deleted: nothing of the account is left, and no sign-in racing it left a usable session.
        expect(row).toBeUndefined();
        expect(await sql('select 1 from $schema.one_time_tokens where user_id = $1', [user.id])).toHaveLength(0);
        expect(await sql('select 1 from $schema.memberships where user_id = $1', [user.id])).toHaveLength(0);
        for (const c of cookies) await expectError(await flow.call('/v1/auth/session', { cookie: c }), 401, 'unauthorized');
      } else {
        // Not deleted (its session was revoked by the change or reset first): the account stands; the reset
        // (which always wins its token) revoked everything proven with the old password.
        expect(row).toBeDefined();
        expect([401, 403, 409]).toContain(deleted!.status);
        expect(wasReset!.status).toBe(204);
        const survivors = sessions.map((s) => s.id);
        for (const c of cookies) {
          const res = await flow.call('/v1/auth/session', { cookie: c });
          if (res.status === 200) expect(survivors).toContain(((await res.json()) as { session: { id: string } }).session.id);
          else await expectError(res, 401, 'unauthorized');
        }
      }
    }
  });
});
