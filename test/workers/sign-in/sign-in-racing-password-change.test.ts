// A sign-in proves the password it read, then writes its session. A password change or reset that commits
// in between must win: the session of a sign-in whose password proof predates the change must not exist
// afterwards (the user changed the password to lock someone out). Each such sign-in either committed before
// the change (and was revoked by it) or is refused (401 invalid_credentials), never left signed in.
import { describe, expect, it } from 'vitest';
import { expectError, flowEnv, sessionSetCookies, sql, tokenIn } from '../support/index.ts';

const LOGINS = 24;

describe('sign-in racing a password change', () => {
  it(`${LOGINS} logins with the old password racing one change and one reset: no old-password session survives`, async () => {
    const flow = flowEnv();
    const { email, password, user, cookie } = await flow.register();
    await flow.call('/v1/auth/password/forgot', { method: 'POST', json: { email } });
    await flow.settle();
    const token = tokenIn(email, 'password_reset');
    const [before] = await sql<{ credential_version: number }>('select credential_version from $schema.users where id = $1', [user.id]);

    const logins = Array.from({ length: LOGINS }, () => flow.login(email, password));
    const change = flow.call('/v1/auth/password/change', {
      method: 'POST',
      cookie,
      json: { current_password: password, new_password: 'changed passphrase one' },
    });
    const reset = flow.call('/v1/auth/password/reset', { method: 'POST', json: { token, password: 'reset passphrase two' } });
    const [changed, wasReset, ...signIns] = await Promise.all([change, reset, ...logins]);

    expect(wasReset.status).toBe(204);
    // The change loses (403) only if the reset replaced the password it verified.
    expect([204, 403]).toContain(changed.status);
    const cookies: string[] = [];
    for (const res of signIns) {
      if (res.status === 200) cookies.push(sessionSetCookies(res)[0]!.split(';')[0]!);
      else await expectError(res, 401, 'invalid_credentials');
    }
    for (const c of cookies) await expectError(await flow.call('/v1/auth/session', { cookie: c }), 401, 'unauthorized');
    // The reset revoked everything; nothing created with the old password came after it.
    expect(await sql('select 1 from $schema.sessions where user_id = $1', [user.id])).toHaveLength(0);
    const [after] = await sql<{ credential_version: number }>('select credential_version from $schema.users where id = $1', [user.id]);
    // Both the change (won or lost: its batch bumps first) and the reset ended the credentials (the reset of a
    // never-verified address bumps once more: it also ends the registrant's credentials, see prior-credentials).
    expect(after!.credential_version).toBeGreaterThanOrEqual(before!.credential_version + 2);
    expect((await flow.login(email, 'reset passphrase two')).status).toBe(200);
  });
});
