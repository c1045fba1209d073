// A statement or batch that Postgres aborted with a deadlock (40P01) or serialization failure (40001) wrote
// nothing and is re-run (src/db/conflict-retry.ts, up to CONFLICT_RETRIES times); a conflict still there after the
// retries answers 409 conflict, never 500; any other database error is not retried. The database answers are
// faked at the Neon driver's fetch boundary only for the chosen statements; everything else is real.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CONFLICT_RETRIES } from '../../../src/db/conflict-retry.ts';
import {
  type DatabaseRequest,
  expectError,
  type Flow,
  flowEnv,
  interceptDatabase,
  PASSWORD,
  sql,
  testEnv,
  uniqueEmail,
  writesUser,
} from '../support/index.ts';

// Error bodies as the local Neon-HTTP endpoint (packages/neon-local) sends them, captured from real errors on
// PostgreSQL 15: two batches updating two rows in opposite order, and an insert of a taken primary key.
const DEADLOCK = {
  message: 'deadlock detected',
  severity: 'ERROR',
  code: '40P01',
  detail:
    'Process 15591 waits for ShareLock on transaction 1777; blocked by process 15592.\nProcess 15592 waits for ShareLock on transaction 1776; blocked by process 15591.',
  hint: 'See server log for query details.',
  position: null,
  internalPosition: null,
  internalQuery: null,
  where: 'while updating tuple (0,2) in relation "cap"',
  schema: null,
  table: null,
  column: null,
  dataType: null,
  constraint: null,
  file: 'deadlock.c',
  line: '1147',
  routine: 'DeadLockReport',
};
const UNIQUE_VIOLATION = {
  ...DEADLOCK,
  message: 'duplicate key value violates unique constraint "cap_pkey"',
  code: '23505',
  detail: 'Key (id)=(1) already exists.',
  hint: null,
  where: null,
  schema: 'public',
  table: 'cap',
  constraint: 'cap_pkey',
  file: 'nbtinsert.c',
  line: '664',
  routine: '_bt_check_unique',
};

const postgresError = (body: object) =>
  new Response(JSON.stringify(body), { status: 400, headers: { 'content-type': 'application/json' } });

/** Fakes `error` as the answer to the first `times` requests that `matches` picks; the rest reach the database. */
function failFirst(times: number, error: object, matches: (request: DatabaseRequest) => boolean) {
  let failed = 0;
  return interceptDatabase((request) => (matches(request) && failed++ < times ? postgresError(error) : undefined));
}

const readsUser = (r: DatabaseRequest) => !r.batch && /^select .* from "[^"]+"\."users"/.test(r.statements[0]!);

function register(flow: Flow, email: string) {
  return flow.call('/v1/auth/register', { method: 'POST', json: { email, password: PASSWORD } });
}

/** What a registration writes, counted. */
async function written(email: string) {
  const [row] = await sql<{ users: number; organizations: number; sessions: number; audit: number }>(
    `select (select count(*)::int from $schema.users where email = $1) as users,
            (select count(*)::int from $schema.organizations o join $schema.memberships m on m.organization_id = o.id
               join $schema.users u on u.id = m.user_id where u.email = $1) as organizations,
            (select count(*)::int from $schema.sessions s join $schema.users u on u.id = s.user_id where u.email = $1) as sessions,
            (select count(*)::int from $schema.audit_logs a join $schema.users u on u.id = a.user_id
               where u.email = $1 and a.event = 'user.registered') as audit`,
    [email],
  );
  return row!;
}

let restore = () => {};
afterEach(() => {
  restore();
  restore = () => {};
});

describe('deadlock retry', () => {
  it('a batch that lost a deadlock (twice) is re-run: 201, written exactly once', async () => {
    const flow = flowEnv();
    const email = uniqueEmail('deadlock');
    const db = failFirst(2, DEADLOCK, writesUser);
    restore = db.restore;
    const res = await register(flow, email);
    await flow.settle();
    db.restore();
    expect(res.status).toBe(201);
    // Registration is one batch: two deadlocked attempts, then the one that reached the database.
    expect(db.requests.filter(writesUser).map((r) => r.forwarded)).toEqual([false, false, true]);
    expect(await written(email)).toEqual({ users: 1, organizations: 1, sessions: 1, audit: 1 });
  });

  it('a single statement that lost a serialization conflict is re-run too (sign-in reading the account)', async () => {
    const flow = flowEnv();
    const { email, user } = await flow.register();
    const db = failFirst(1, { ...DEADLOCK, message: 'could not serialize access due to concurrent update', code: '40001' }, readsUser);
    restore = db.restore;
    const res = await flow.login(email);
    await flow.settle();
    db.restore();
    expect(res.status).toBe(200);
    const reads = db.requests.filter(readsUser);
    expect(reads.map((r) => r.forwarded)).toEqual([false, true]);
    expect(reads[0]!.statements).toEqual(reads[1]!.statements);
    // Registration's session and this sign-in's: one each.
    expect(await sql('select 1 from $schema.sessions where user_id = $1', [user.id])).toHaveLength(2);
  });

  it(`a deadlock on every attempt (1 + ${CONFLICT_RETRIES}): 409 conflict, nothing written`, async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const flow = flowEnv();
    const email = uniqueEmail('deadlock');
    const db = failFirst(CONFLICT_RETRIES + 1, DEADLOCK, writesUser);
    restore = db.restore;
    const res = await register(flow, email);
    await flow.settle();
    db.restore();
    expect(res.headers.getSetCookie()).toEqual([]);
    await expectError(res, 409, 'conflict');
    expect(db.requests.filter(writesUser)).toHaveLength(CONFLICT_RETRIES + 1);
    expect(db.requests.every((r) => !r.forwarded)).toBe(true);
    expect(await written(email)).toEqual({ users: 0, organizations: 0, sessions: 0, audit: 0 });
    // The next attempt (the client's retry) goes through.
    expect((await register(flow, email)).status).toBe(201);
  });

  it('any other database error is not retried: a taken email (unique violation) is one attempt, 409 email_taken', async () => {
    const flow = flowEnv();
    const email = uniqueEmail('deadlock');
    const taken = {
      ...UNIQUE_VIOLATION,
      message: 'duplicate key value violates unique constraint "users_email_key"',
      detail: `Key (email)=(${email}) already exists.`,
      schema: testEnv.IDENTSPHERE_SCHEMA,
      table: 'users',
      constraint: 'users_email_key',
    };
    const db = failFirst(1, taken, writesUser);
    restore = db.restore;
    const res = await register(flow, email);
    await flow.settle();
    db.restore();
    await expectError(res, 409, 'email_taken');
    expect(db.requests.filter(writesUser)).toHaveLength(1);
    expect(await written(email)).toEqual({ users: 0, organizations: 0, sessions: 0, audit: 0 });
  });
});
