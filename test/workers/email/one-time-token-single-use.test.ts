// Security requirements 4 and 5 (mechanism): one-time tokens are 256-bit, stored hashed, bound to a user and
// purpose, expire, are superseded by newer ones, and are single-use under concurrency together with the
// effects they authorise.
import { and, eq, type SQL } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { consumeToken, issueToken } from '../../../src/features/email/one-time-tokens.ts';
import { clockedEnv, registerUser, sql } from '../support/index.ts';

async function issue(deps: ReturnType<typeof clockedEnv>['deps'], userId: string, ttlSeconds = 3600) {
  const issued = await issueToken(deps, { userId, purpose: 'password_reset', ttlSeconds, payload: { n: 1 } });
  await deps.db.batch(issued.statements);
  return issued.token;
}

function renameTo(deps: ReturnType<typeof clockedEnv>['deps'], name: string) {
  return (guard: SQL, row: { userId: string }) => [
    deps.db
      .update(deps.t.users)
      .set({ name })
      .where(and(eq(deps.t.users.id, row.userId), guard)),
  ];
}

describe('one-time tokens', () => {
  it('stores only a SHA-256 of a 256-bit token', async () => {
    const { env, deps } = clockedEnv();
    const { user } = await registerUser(undefined, undefined, env);
    const token = await issue(deps, user.id);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // (Registration also stored a verify_email token.)
    const rows = await sql<{ token_hash: string }>(
      "select token_hash from $schema.one_time_tokens where user_id = $1 and purpose = 'password_reset'",
      [user.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('16 concurrent consumptions: exactly one succeeds and only its effect applies', async () => {
    const { env, deps } = clockedEnv();
    const { user } = await registerUser(undefined, undefined, env);
    const token = await issue(deps, user.id);
    const results = await Promise.all(
      Array.from({ length: 16 }, (_, i) => consumeToken(deps, 'password_reset', token, renameTo(deps, `winner-${i}`))),
    );
    const winners = results.map((r, i) => (r ? i : -1)).filter((i) => i >= 0);
    expect(winners).toHaveLength(1);
    const [row] = await sql<{ name: string }>('select name from $schema.users where id = $1', [user.id]);
    expect(row!.name).toBe(`winner-${winners[0]}`);
    expect(await consumeToken(deps, 'password_reset', token, renameTo(deps, 'late'))).toBeNull();
  });

  it('expires (injected clock), is bound to its purpose, and is superseded by a newer token', async () => {
    const { env, deps, clock } = clockedEnv();
    const { user } = await registerUser(undefined, undefined, env);
    const expiring = await issue(deps, user.id, 3600);
    clock.advance(3600 * 1000 + 1);
    expect(await consumeToken(deps, 'password_reset', expiring, renameTo(deps, 'x'))).toBeNull();

    const older = await issue(deps, user.id);
    const newer = await issue(deps, user.id);
    expect(await consumeToken(deps, 'verify_email', newer, renameTo(deps, 'x'))).toBeNull();
    expect(await consumeToken(deps, 'password_reset', older, renameTo(deps, 'x'))).toBeNull();
    expect(await consumeToken(deps, 'password_reset', newer, renameTo(deps, 'ok'))).toEqual({ userId: user.id, payload: { n: 1 } });
    expect(await consumeToken(deps, 'password_reset', 'not-a-token', renameTo(deps, 'x'))).toBeNull();
  });
});
