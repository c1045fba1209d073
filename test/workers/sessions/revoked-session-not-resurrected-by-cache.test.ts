// A revocation deletes the session row, then evicts the cache entry. A request that read the row before
// the revocation must not put the entry back after the eviction (the revoked cookie would then be accepted
// from the cache for up to its TTL). The interleaving is made deterministic by holding the cache put: the
// revocation runs exactly between the database read and the cache write.
import { describe, expect, it } from 'vitest';
import { MemorySessionCache, type SessionCache } from '../../../src/platform/adapters/session-cache.ts';
import { call, expectError, flowEnv, loginUser, registerUser, sessionCookie, sql } from '../support/index.ts';

/** The in-memory cache, whose next put can be held until the test releases it. */
class HeldPutCache implements SessionCache {
  private readonly inner = new MemorySessionCache();
  private held: { reached: () => void; release: Promise<void> } | null = null;

  /** Holds the next put: `reached` resolves when it starts; it completes after `release()`. */
  holdNextPut() {
    let reached!: () => void;
    let release!: () => void;
    const reachedP = new Promise<void>((r) => (reached = r));
    this.held = { reached, release: new Promise<void>((r) => (release = r)) };
    return { reached: reachedP, release };
  }

  get<T>(key: string) {
    return this.inner.get<T>(key);
  }

  async put(key: string, value: unknown, ttlSeconds: number) {
    const held = this.held;
    if (held) {
      this.held = null;
      held.reached();
      await held.release;
    }
    return this.inner.put(key, value, ttlSeconds);
  }

  delete(key: string) {
    return this.inner.delete(key);
  }
}

/**
 * A Worker environment (real bindings and database) whose session cache is a fresh HeldPutCache; its
 * requests' background work (the cold check's re-read of the row after the answer) can be awaited: settle().
 */
function heldCacheEnv() {
  const cache = new HeldPutCache();
  const flow = flowEnv({}, Date.now(), { sessionCache: cache });
  return { env: flow.env, cache, flow };
}

interface Listed {
  sessions: { id: string; current: boolean }[];
}

describe('revoked session not resurrected by the cache', () => {
  it('cold session check: a revocation between its read and its cache put still ends the session', async () => {
    const { email, cookie: victim } = await registerUser();
    const { cache, flow } = heldCacheEnv();
    const other = sessionCookie(await flow.login(email));
    const { sessions } = (await (await flow.call('/v1/auth/sessions', { cookie: other })).json()) as Listed;
    const victimId = sessions.find((s) => !s.current)!.id;
    await flow.settle();

    // The victim's cookie is not cached in this environment: its check reads the row, then puts.
    const hold = cache.holdNextPut();
    const check = flow.call('/v1/auth/session', { cookie: victim });
    await hold.reached;
    expect((await flow.call(`/v1/auth/sessions/${victimId}`, { method: 'DELETE', cookie: other })).status).toBe(204);
    hold.release();
    // Its answer rests on its read, made before the revocation; the re-read of the row after the put (after
    // the answer) sees the revocation and takes the entry out again.
    expect((await check).status).toBe(200);
    await flow.settle();

    expect(await sql('select 1 from $schema.sessions where id = $1', [victimId])).toHaveLength(0);
    await expectError(await flow.call('/v1/auth/session', { cookie: victim }), 401, 'unauthorized');
  });

  it('sign-in: a revocation racing the new session never leaves a cached session without its row', async () => {
    const { email, cookie: keeper } = await registerUser();
    const { env, cache } = heldCacheEnv();
    expect((await call('/v1/auth/session', { cookie: keeper, env })).status).toBe(200); // cached before the hold

    const hold = cache.holdNextPut();
    const signIn = loginUser(email, undefined, { env });
    await hold.reached;
    expect((await call('/v1/auth/sessions/revoke-others', { method: 'POST', cookie: keeper, env })).status).toBe(204);
    hold.release();
    const res = await signIn;

    if (res.status === 200) {
      // The sign-in committed after the revocation: its session is real, and accepted.
      const { session } = (await res.clone().json()) as { session: { id: string } };
      expect(await sql('select 1 from $schema.sessions where id = $1', [session.id])).toHaveLength(1);
      expect((await call('/v1/auth/session', { cookie: sessionCookie(res), env })).status).toBe(200);
    } else {
      // The revocation voided the sign-in in flight: no cookie, no session row.
      await expectError(res, 401, 'invalid_credentials');
    }
    const rows = await sql<{ id: string }>(
      'select s.id from $schema.sessions s join $schema.users u on u.id = s.user_id where u.email = $1',
      [email],
    );
    expect(rows).toHaveLength(res.status === 200 ? 2 : 1);
  });
});
