// Schema rules that make export and deletion complete for every table, including tables added by other
// features: every reference to users(id) is a foreign key that cascades (or sets null), and every column that
// looks like a user reference is one (audit_logs.user_id and webauthn_challenges.user_id excepted: deletion
// handles them explicitly; webhook_events.user_id: events about a deleted user still have to be delivered).
import { describe, expect, it } from 'vitest';
import { sql, testEnv } from '../support/index.ts';

const schema = (testEnv as { IDENTSPHERE_SCHEMA: string }).IDENTSPHERE_SCHEMA;

describe('per-user data is reachable from users(id)', () => {
  it('every foreign key to users is ON DELETE CASCADE or SET NULL', async () => {
    const fks = await sql<{ table: string; column: string; on_delete: string }>(
      `select cl.relname as table, a.attname as column, c.confdeltype::text as on_delete
       from pg_constraint c
       join pg_class cl on cl.oid = c.conrelid
       join pg_namespace n on n.oid = cl.relnamespace
       join pg_class target on target.oid = c.confrelid and target.relname = 'users' and target.relnamespace = n.oid
       join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
       where c.contype = 'f' and n.nspname = $1`,
      [schema],
    );
    expect(fks.map((f) => `${f.table}.${f.column}`)).toEqual(
      expect.arrayContaining([
        'sessions.user_id',
        'memberships.user_id',
        'one_time_tokens.user_id',
        'user_profiles.user_id',
        'invitations.invited_by',
      ]),
    );
    const blocking = fks.filter((f) => f.on_delete !== 'c' && f.on_delete !== 'n');
    expect(blocking, 'these would block or survive account deletion').toEqual([]);
  });

  it('every uuid column named like a user reference has a foreign key to users', async () => {
    const unreferenced = await sql<{ ref: string }>(
      `select c.table_name || '.' || c.column_name as ref
       from information_schema.columns c
       join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
       where c.table_schema = $1 and c.data_type = 'uuid'
         and (c.column_name in ('user_id', 'invited_by', 'created_by', 'owner_id') or c.column_name like '%\\_user\\_id')
         and not exists (
           select 1 from pg_constraint k
           join pg_class cl on cl.oid = k.conrelid and cl.relname = c.table_name
           join pg_namespace n on n.oid = cl.relnamespace and n.nspname = c.table_schema
           join pg_attribute a on a.attrelid = k.conrelid and a.attnum = any(k.conkey) and a.attname = c.column_name
           join pg_class target on target.oid = k.confrelid and target.relname = 'users'
           where k.contype = 'f')`,
      [schema],
    );
    // Exceptions, each deleted explicitly by account deletion: audit rows are detached, and WebAuthn ceremony
    // challenges bind unknown-email hints to random ids (so no foreign key is possible). Webhook events must
    // outlive the user to be delivered (user.deleted itself is about a deleted user): ids only, purged 30 days
    // after processing.
    expect(unreferenced.map((r) => r.ref).sort()).toEqual(['audit_logs.user_id', 'webauthn_challenges.user_id', 'webhook_events.user_id']);
  });
});
