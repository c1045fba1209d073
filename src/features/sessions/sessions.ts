import { and, eq, gt, sql } from 'drizzle-orm';
import type * as z from 'zod';
import { signSessionJwt, verifySessionJwt } from '../../crypto/jwt.ts';
import { newId, randomToken, sha256Hex } from '../../crypto/tokens.ts';
import { disabledSql, isDisabled } from '../../db/account-status.ts';
import type { Deps } from '../../platform/deps.ts';
import { log } from '../../platform/log.ts';
import { auditInsert, type RequestContext } from '../audit/audit.ts';
import type { SignedIn } from './session.schemas.ts';

/** What a session check yields; also the cached form (JSON) and the API's `{user, session, organization}`. */
export type SessionRecord = z.infer<typeof SignedIn>;

/** The one user row → API user view mapping (`user` of sessions and sign-ins; the base of GET /me). */
export function userView(u: {
  id: string;
  email: string;
  name: string | null;
  emailVerifiedAt: Date | null;
  createdAt: Date;
}): SessionRecord['user'] {
  return { id: u.id, email: u.email, name: u.name, email_verified: u.emailVerifiedAt !== null, created_at: u.createdAt.toISOString() };
}

export interface ValidSession {
  record: SessionRecord;
  tokenHash: string;
}

export interface NewSession {
  /** The cookie value: a JWT carrying the session secret. */
  jwt: string;
  expiresAt: Date;
  tokenHash: string;
  /** The session as the API shows it. */
  view: SessionRecord['session'];
  /** The session row insert, to run in the caller's batch. */
  insert: ReturnType<typeof insertSession>;
  /** The row itself, for callers that build their own (e.g. guarded) insert. */
  row: Deps['t']['sessions']['$inferInsert'];
}

function insertSession(deps: Deps, row: typeof deps.t.sessions.$inferInsert) {
  return deps.db.insert(deps.t.sessions).values(row);
}

/**
 * Prepares a brand-new session (fresh 256-bit secret, stored only as its SHA-256). `amr`: how the user proved
 * who they are (RFC 8176 values), carried into access tokens.
 */
export async function prepareSession(
  deps: Deps,
  ctx: RequestContext,
  userId: string,
  organizationId: string | null,
  amr: string[],
): Promise<NewSession> {
  const now = deps.clock.now();
  const { IDENTSPHERE_SESSION_IDLE_TIMEOUT: idle, IDENTSPHERE_SESSION_ABSOLUTE_LIFETIME: absolute } = deps.config;
  const secret = randomToken(32);
  const tokenHash = await sha256Hex(secret);
  const expiresAt = new Date(now.getTime() + absolute * 1000);
  const idleExpiresAt = new Date(Math.min(now.getTime() + idle * 1000, expiresAt.getTime()));
  const row = {
    id: newId(),
    tokenHash,
    userId,
    organizationId,
    ip: ctx.ip,
    userAgent: ctx.userAgent?.slice(0, 512) ?? null,
    createdAt: now,
    lastSeenAt: now,
    idleExpiresAt,
    expiresAt,
    amr,
  };
  const jwt = await signSessionJwt(deps.config.IDENTSPHERE_JWT_SECRET, secret, now, expiresAt);
  const view = {
    id: row.id,
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    idle_expires_at: idleExpiresAt.toISOString(),
    expires_at: expiresAt.toISOString(),
    amr,
  };
  return { jwt, expiresAt, tokenHash, view, insert: insertSession(deps, row), row };
}

async function tokenHashOf(deps: Deps, jwt: string | undefined): Promise<string | null> {
  if (!jwt) return null;
  const secret = await verifySessionJwt(deps.config.IDENTSPHERE_JWT_SECRET, jwt, deps.clock.now());
  return secret ? sha256Hex(secret) : null;
}

function isLive(record: SessionRecord, now: Date): boolean {
  const t = now.getTime();
  return t < Date.parse(record.session.idle_expires_at) && t < Date.parse(record.session.expires_at);
}

/**
 * One round trip: the sliding renewal (when due: `renewAfterMs` since the last one, the session still live
 * and its user enabled — pushing the idle expiry forward, never past the absolute lifetime) and the read of
 * the record, in one batch. A record is null when the row is gone or the user disabled.
 */
async function readRecord(deps: Deps, tokenHash: string, now: Date): Promise<SessionRecord | null> {
  const { sessions, users, organizations, memberships } = deps.t;
  const { db } = deps;
  const idle = deps.config.IDENTSPHERE_SESSION_IDLE_TIMEOUT;
  const iso = (ms: number) => new Date(ms).toISOString();
  const [, rows] = await db.batch([
    db
      .update(sessions)
      .set({ lastSeenAt: now, idleExpiresAt: sql`least(${iso(now.getTime() + idle * 1000)}::timestamptz, ${sessions.expiresAt})` })
      .where(
        and(
          eq(sessions.tokenHash, tokenHash),
          sql`${sessions.lastSeenAt} <= ${iso(now.getTime() - renewAfterMs(deps))}::timestamptz`,
          gt(sessions.idleExpiresAt, now),
          gt(sessions.expiresAt, now),
          sql`not exists (select 1 from ${users} where ${users.id} = ${sessions.userId} and ${disabledSql(users, now)})`,
        ),
      ),
    db
      .select({ s: sessions, u: users, orgName: organizations.name, role: memberships.role })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .leftJoin(organizations, eq(organizations.id, sessions.organizationId))
      .leftJoin(memberships, and(eq(memberships.organizationId, sessions.organizationId), eq(memberships.userId, users.id)))
      .where(eq(sessions.tokenHash, tokenHash))
      .limit(1),
  ]);
  const row = rows[0];
  if (!row || isDisabled(row.u, now)) return null;
  const { s, u } = row;
  return {
    user: userView(u),
    organization: s.organizationId && row.orgName ? { id: s.organizationId, name: row.orgName, role: row.role ?? 'member' } : null,
    session: {
      id: s.id,
      created_at: s.createdAt.toISOString(),
      last_seen_at: s.lastSeenAt.toISOString(),
      idle_expires_at: s.idleExpiresAt.toISOString(),
      expires_at: s.expiresAt.toISOString(),
      ...(s.amr ? { amr: s.amr } : {}),
    },
  };
}

/** Caching is best effort: a KV failure costs a database read later, never a request. */
export async function cacheRecord(deps: Deps, tokenHash: string, record: SessionRecord): Promise<void> {
  const now = deps.clock.now().getTime();
  const remaining = (Math.min(Date.parse(record.session.idle_expires_at), Date.parse(record.session.expires_at)) - now) / 1000;
  if (remaining <= 0) return;
  try {
    await deps.sessionCache.put(tokenHash, record, Math.min(deps.config.IDENTSPHERE_SESSION_CACHE_TTL, remaining));
  } catch (err) {
    log('warn', 'session cache put failed', { error: String(err) });
  }
}

/** Best effort, like every cache write: the row (the truth) decides. */
export async function uncacheRecord(deps: Deps, tokenHash: string): Promise<void> {
  try {
    await deps.sessionCache.delete(tokenHash);
  } catch (err) {
    log('warn', 'session cache delete failed', { error: String(err) });
  }
}

/**
 * Caches a record read from the database, then (after the answer: `later`) checks the row is still there. A
 * revocation deletes the row, then evicts: had it run between our read and our put, the put would bring the
 * revoked session back for the cache TTL. The re-read after the put closes that window: a revocation before
 * it is seen and the entry evicted; one after it evicts our entry itself. If the re-read fails, the entry
 * goes too (fail closed: a cache entry nobody confirmed is not kept). The request's own answer rests on its
 * read, made before any revocation that this re-read catches.
 */
async function cacheLoadedRecord(deps: Deps, tokenHash: string, record: SessionRecord, later: Later): Promise<void> {
  await cacheRecord(deps, tokenHash, record);
  later('session cache confirmation', async () => {
    const { sessions } = deps.t;
    let row: { id: string } | undefined;
    try {
      [row] = await deps.db.select({ id: sessions.id }).from(sessions).where(eq(sessions.tokenHash, tokenHash));
    } catch (err) {
      await uncacheRecord(deps, tokenHash);
      throw err;
    }
    if (!row) await uncacheRecord(deps, tokenHash);
  });
}

/** Runs work after the answer (the request's waitUntil): how a service defers work without knowing Hono. */
export type Later = (task: string, work: () => Promise<unknown>) => void;

/**
 * Session check. Warm path: JWT verify + one cache read, no database. Cold path (or a renewal due): one
 * round trip (readRecord), then cached; the row's re-check runs after the answer (cacheLoadedRecord).
 */
export async function validateSession(deps: Deps, jwt: string | undefined, later: Later): Promise<ValidSession | null> {
  const tokenHash = await tokenHashOf(deps, jwt);
  if (!tokenHash) return null;
  const now = deps.clock.now();
  let record: SessionRecord | null = null;
  try {
    record = await deps.sessionCache.get<SessionRecord>(tokenHash);
  } catch (err) {
    log('warn', 'session cache get failed', { error: String(err) });
  }
  if (record && isLive(record, now) && now.getTime() - Date.parse(record.session.last_seen_at) >= renewAfterMs(deps)) {
    // A renewal is due: read the truth (renewing it). A row gone (revoked elsewhere) ends the session here too.
    record = await readRecord(deps, tokenHash, now);
    if (!record || !isLive(record, now)) {
      await uncacheRecord(deps, tokenHash);
      return null;
    }
    await cacheLoadedRecord(deps, tokenHash, record, later);
  } else if (!record) {
    record = await readRecord(deps, tokenHash, now);
    if (record && isLive(record, now)) await cacheLoadedRecord(deps, tokenHash, record, later);
  }
  if (!record || !isLive(record, now)) return null;
  return { record, tokenHash };
}

/** Sliding renewal at most once a day (more often only for idle timeouts under four days). */
function renewAfterMs(deps: Deps): number {
  return Math.min(24 * 3600, deps.config.IDENTSPHERE_SESSION_IDLE_TIMEOUT / 4) * 1000;
}

/**
 * Logout: deletes the row (the truth) with its audit event in one batch, then the cache entry. Idempotent.
 * Returns the user whose session ended, if any.
 */
export async function endSession(deps: Deps, ctx: RequestContext, jwt: string | undefined, later: Later): Promise<string | null> {
  const current = await validateSession(deps, jwt, later);
  if (!current) return null;
  const { sessions } = deps.t;
  const { user, organization } = current.record;
  await deps.db.batch([
    deps.db.delete(sessions).where(eq(sessions.tokenHash, current.tokenHash)),
    auditInsert(deps, ctx, 'logout', { userId: user.id, organizationId: organization?.id }),
  ]);
  await deps.sessionCache.delete(current.tokenHash);
  return user.id;
}
