// Input Postgres cannot store or parse answers 400 invalid_request, never 500: NUL bytes and other control
// characters in every free-text field are refused by the route schemas (src/lib/text.ts), audit-log cursors are
// parsed strictly, and any data exception (SQLSTATE class 22) that still reaches the database is mapped to
// 400 by the central error mapping.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { toApiError } from '../../../src/http/api-error.ts';
import { base64Url } from '../../../src/lib/encoding.ts';
import { call, clockedEnv, expectError, PASSWORD, registerUser, uniqueEmail } from '../support/index.ts';

const HOSTILE_TEXT = ['Ada\u0000', '\u0000', 'a\u0007b', 'line\nbreak', '\ud800', 'evil\u202etxt'];

function cursorOf(value: unknown): string {
  return base64Url(new TextEncoder().encode(JSON.stringify(value)));
}

describe('database data exceptions answer 400', () => {
  it('register: NUL and control characters in name / organization_name are 400 invalid_request', async () => {
    for (const field of ['name', 'organization_name']) {
      for (const value of HOSTILE_TEXT) {
        const res = await call('/v1/auth/register', { method: 'POST', json: { email: uniqueEmail(), password: PASSWORD, [field]: value } });
        const body = await expectError(res, 400, 'invalid_request');
        expect(JSON.stringify(body), `${field}=${JSON.stringify(value)}`).toContain(field);
      }
    }
    // Ordinary Unicode stays welcome.
    const ok = await call('/v1/auth/register', {
      method: 'POST',
      json: { email: uniqueEmail(), password: PASSWORD, name: 'Zoë 李 😀', organization_name: 'Ünïcode GmbH' },
    });
    expect(ok.status).toBe(201);
  });

  it('PATCH /me, organizations, passkey rename and invitation sign-up refuse NUL with 400', async () => {
    const { cookie } = await registerUser();
    const cases: [string, string, Record<string, unknown>][] = [
      ['PATCH', '/v1/auth/me', { name: 'Ada\u0000' }],
      ['POST', '/v1/auth/organizations', { name: 'Org\u0000' }],
      ['PATCH', `/v1/auth/passkeys/${crypto.randomUUID()}`, { name: 'Key\u0000' }],
      ['POST', '/v1/auth/invitations/register', { token: 'A'.repeat(43), password: PASSWORD, name: 'Ada\u0000' }],
    ];
    for (const [method, path, json] of cases) {
      await expectError(await call(path, { method, cookie, json }), 400, 'invalid_request');
    }
    // Nothing was stored: the profile name is unchanged.
    expect(await (await call('/v1/auth/me', { cookie })).text()).not.toContain('\\u0000');
  });

  it('audit-log cursors Date.parse accepts but Postgres rejects are 400 invalid_request', async () => {
    const { cookie } = await registerUser();
    for (const value of [
      ['2020', 1],
      ['Tue, 01 Jan 2020 00:00:00 GMT', 1],
      ['2020-02-31 00:00:00+00', 1],
      ['2020-01-01 24:00:00+00', 1],
      ['2020-01-01 00:00:00+99', 1],
      ['2020-01-01 00:00:00\u0000+00', 1],
      ['2020-01-01 00:00:00+00', -1],
      ['2020-01-01 00:00:00+00', 1, 'extra'],
      { a: 1 },
    ]) {
      const res = await call(`/v1/auth/audit-logs?cursor=${cursorOf(value)}`, { cookie });
      await expectError(res, 400, 'invalid_request');
    }
    // A cursor in Postgres's own format still pages.
    const res = await call(`/v1/auth/audit-logs?cursor=${cursorOf(['2999-01-01 00:00:00.123456+00', 9007199254740991])}`, { cookie });
    expect(res.status).toBe(200);
  });

  it('backstop: a data exception raised by the database maps to 400; the batch-guard abort (22012) does not', async () => {
    const { deps } = clockedEnv();
    const failure = async (query: Parameters<typeof deps.db.execute>[0]) =>
      deps.db.execute(query).then(
        () => null,
        (err: unknown) => err,
      );
    const nul = await failure(sql`select ${'a\u0000b'}::text`);
    expect(toApiError(nul)).toMatchObject({ code: 'invalid_request', status: 400 });
    const badUuid = await failure(sql`select ${'not-a-uuid'}::uuid`);
    expect(toApiError(badUuid)).toMatchObject({ code: 'invalid_request', status: 400 });
    const guard = await failure(sql`select 1 / (case when ${1} = ${2} then 1 else 0 end)`);
    expect(toApiError(guard)).toMatchObject({ code: 'internal', status: 500 });
  });
});
