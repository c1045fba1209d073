import { and, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { BatchItem } from 'drizzle-orm/batch';
import { abortUnless, isGuardAbort } from '../../db/batch-guard.ts';
import { insertWhere } from '../../db/insert-where.ts';
import type { Deps } from '../../platform/deps.ts';
import { ApiError } from '../../lib/errors.ts';
import { auditValues, type AuditEvent, type RequestContext } from '../audit/audit.ts';
import { credentialVersionIs, lockUserRow } from './credential-version.ts';
import type { ProvenCredential, SignInOptions } from './sign-in-types.ts';

/** The caller's statements, then its guard (if any): what must commit with whatever the sign-in writes. */
export function callerStatements(deps: Deps, opts: SignInOptions): BatchItem<'pg'>[] {
  return [...(opts.statements ?? []), ...(opts.onlyIf ? [abortUnless(deps.db, opts.onlyIf.condition)] : [])];
}

/** Runs a sign-in batch; a failed `onlyIf` guard becomes the caller's error (nothing was written). */
export async function runSignInBatch(deps: Deps, opts: SignInOptions, batch: BatchItem<'pg'>[]) {
  try {
    return await deps.db.batch(batch as [BatchItem<'pg'>, ...BatchItem<'pg'>[]]);
  } catch (err) {
    if (opts.onlyIf && isGuardAbort(err)) throw opts.onlyIf.otherwise();
    throw err;
  }
}

type Insert = readonly [PgTable, Record<string, unknown>];

/**
 * Writes what a sign-in creates (`inserts`: the session or MFA challenge and its audit row) with the caller's
 * statements in one batch: all of it only if `onlyIf` holds; with `consume`, the inserts only for the request
 * that consumed the secret (its counting statements commit either way).
 * The user row is locked first (the lock order every multi-row batch of an account follows), and the inserts
 * happen only if the credentials are still those the factor was proven against: a sign-in in flight while
 * the password is changed or reset (or sessions revoked, or the account deleted) creates nothing.
 */
export async function commitSignIn(
  deps: Deps,
  opts: SignInOptions,
  proven: ProvenCredential,
  inserts: Insert[],
  housekeeping: BatchItem<'pg'>[] = [],
) {
  const { consume } = opts;
  const current = credentialVersionIs(deps, proven.userId, proven.version);
  const guard = consume ? and(consume.guard, current)! : current;
  const before = [lockUserRow(deps, proven.userId), ...(consume?.statements ?? []), ...callerStatements(deps, opts), ...housekeeping];
  const writes = inserts.map(([table, row]) => insertWhere(deps.db, table, row as never, guard));
  const check = deps.db.execute(sql`select ${current} as current`);
  const results = await runSignInBatch(deps, opts, [...before, ...writes, check, ...(consume?.after ?? [])]);
  if ((results[before.length] as { rowCount: number }).rowCount) return;
  const stillCurrent = (results[before.length + writes.length] as { rows: { current: boolean }[] }).rows[0]?.current;
  if (consume && stillCurrent) throw consume.refused();
  // The credentials changed (or the account went) after this factor was proven: it proves nothing now.
  throw new ApiError('invalid_credentials');
}

/** An audit row for `commitSignIn`. */
export function signInAudit(deps: Deps, ctx: RequestContext, event: AuditEvent, fields: Parameters<typeof auditValues>[3]): Insert {
  return [deps.t.auditLogs, auditValues(deps, ctx, event, fields)];
}
