import { and, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { PgTable } from 'drizzle-orm/pg-core';
import { abortUnless, isGuardAbort } from '../../db/batch-guard.ts';
import { insertWhere } from '../../db/insert-where.ts';
import type { Deps } from '../../platform/deps.ts';
import { type AuditEvent, auditValues, type RequestContext } from '../audit/audit.ts';
import { credentialVersionIs, lockUserRow } from './credential-version.ts';
import type { SignInPlan, SignInRefusal } from './sign-in-types.ts';

type Insert = readonly [PgTable, Record<string, unknown>];

export type CommitOutcome = { ok: true } | { ok: false; reason: SignInRefusal };

/**
 * Writes what a sign-in creates (`inserts`: the session or MFA challenge and its audit row) with the plan's
 * statements in one batch: with an `all_or_nothing` guard all of it only if the guard holds; with
 * `secret_consumed`, the inserts only for the request that consumed the secret (its statements commit either way).
 * The user row is locked first (the lock order every multi-row batch of an account follows), and the inserts
 * happen only if the credentials are still those the factor was proven against: a sign-in in flight while
 * the password is changed or reset (or sessions revoked, or the account deleted) creates nothing.
 */
export async function commitSignIn(
  deps: Deps,
  plan: Pick<SignInPlan, 'user' | 'commit'>,
  inserts: Insert[],
  housekeeping: BatchItem<'pg'>[] = [],
): Promise<CommitOutcome> {
  const { db } = deps;
  const { user, commit } = plan;
  const { guard } = commit;
  const current = credentialVersionIs(deps, user.id, user.credentialVersion);
  const insertGuard = guard.kind === 'secret_consumed' ? and(guard.condition, current)! : current;
  const before = [
    lockUserRow(deps, user.id),
    ...commit.statements,
    ...(guard.kind === 'all_or_nothing' ? [abortUnless(db, guard.condition)] : []),
    ...housekeeping,
  ];
  const writes = inserts.map(([table, row]) => insertWhere(db, table, row as never, insertGuard));
  const check = db.execute(sql`select ${current} as current`);
  const cleanup = guard.kind === 'secret_consumed' ? guard.cleanup : [];
  let results;
  try {
    results = await db.batch([...before, ...writes, check, ...cleanup] as [BatchItem<'pg'>, ...BatchItem<'pg'>[]]);
  } catch (err) {
    // The all-or-nothing guard aborted the transaction: nothing was written.
    if (guard.kind === 'all_or_nothing' && isGuardAbort(err)) return { ok: false, reason: 'guard_failed' };
    throw err;
  }
  if ((results[before.length] as { rowCount: number }).rowCount) return { ok: true };
  const stillCurrent = (results[before.length + writes.length] as { rows: { current: boolean }[] }).rows[0]?.current;
  if (guard.kind === 'secret_consumed' && stillCurrent) return { ok: false, reason: 'guard_failed' };
  // The credentials changed (or the account went) after this factor was proven: it proves nothing now.
  return { ok: false, reason: 'credentials_changed' };
}

/** An audit row for `commitSignIn`. */
export function signInAudit(deps: Deps, ctx: RequestContext, event: AuditEvent, fields: Parameters<typeof auditValues>[3]): Insert {
  return [deps.t.auditLogs, auditValues(deps, ctx, event, fields)];
}
