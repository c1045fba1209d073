import { and, eq, lt, sql } from 'drizzle-orm';
import type * as z from 'zod';
import { signSessionJwt, verifySessionJwt } from '../../crypto/jwt.ts';
import { newId, randomToken, sha256Hex } from '../../crypto/tokens.ts';
import { isDisabled } from '../../db/account-status.ts';
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

async function loadRecord(deps: Deps, tokenHash: string): Promise<SessionRecord | null> {
  const { sessions, users, organizations, memberships } = deps.t;
  const rows = await deps.db
    .select({ s: sessions, u: users, orgName: organizations.name, role: memberships.role })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(organizations, eq(organizations.id, sessions.organizationId))
    .leftJoin(memberships, and(eq(memberships.organizationId, sessions.organizationId), eq(memberships.userId, users.id)))
    .where(eq(sessions.tokenHash, tokenHash))
    .limit(1);
  const row = rows[0];
  if (!row || isDisabled(row.u, deps.clock.now())) return null;
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
 * Caches a record read from the database, then checks the row is still there. A revocation deletes the row,
 * then evicts: had it run between our read and our put, the put would bring the revoked session back for the
 * cache TTL. Re-reading after the put closes that window (a revocation after the re-read evicts our entry).
 */
async function cacheLoadedRecord(deps: Deps, tokenHash: string, record: SessionRecord): Promise<boolean> {
  await cacheRecord(deps, tokenHash, record);
  const { sessions } = deps.t;
  const [row] = await deps.db.select({ id: sessions.id }).from(sessions).where(eq(sessions.tokenHash, tokenHash));
  if (row) return true;
  await uncacheRecord(deps, tokenHash);
  return false;
}

/**
 * Session check. Warm path: JWT verify + one cache read, no database. Cold path: one query, then cached (and
 * the row re-checked).
 */
export async function validateSession(deps: Deps, jwt: string | undefined): Promise<ValidSession | null> {
  const tokenHash = await tokenHashOf(deps, jwt);
  if (!tokenHash) return null;
  const now = deps.clock.now();
  let record: SessionRecord | null = null;
  try {
    record = await deps.sessionCache.get<SessionRecord>(tokenHash);
  } catch (err) {
    log('warn', 'session cache get failed', { error: String(err) });
  }
  if (!record) {
    record = await loadRecord(deps, tokenHash);
    if (record && isLive(record, now) && !(await cacheLoadedRecord(deps, tokenHash, record))) return null;
  }
  if (!record || !isLive(record, now)) return null;
  if (now.getTime() - Date.parse(record.session.last_seen_at) >= renewAfterMs(deps)) {
    record = await renewSession(deps, tokenHash, now);
    if (!record) return null;
  }
  return { record, tokenHash };
}

/** Sliding renewal at most once a day (more often only for idle timeouts under four days). */
function renewAfterMs(deps: Deps): number {
  return Math.min(24 * 3600, deps.config.IDENTSPHERE_SESSION_IDLE_TIMEOUT / 4) * 1000;
}

/**
 * Pushes the idle expiry forward (never past the absolute lifetime) and refreshes the cache. Also reconciles
 * a cached session with the truth: if the row is gone (revoked elsewhere), the session ends here too.
 */
async function renewSession(deps: Deps, tokenHash: string, now: Date): Promise<SessionRecord | null> {
  const { sessions } = deps.t;
  const idle = deps.config.IDENTSPHERE_SESSION_IDLE_TIMEOUT;
  await deps.db
    .update(sessions)
    .set({
      lastSeenAt: now,
      idleExpiresAt: sql`least(${new Date(now.getTime() + idle * 1000).toISOString()}::timestamptz, ${sessions.expiresAt})`,
    })
    .where(and(eq(sessions.tokenHash, tokenHash), lt(sessions.lastSeenAt, now)));
  const record = await loadRecord(deps, tokenHash);
  if (!record || !isLive(record, now)) {
    await uncacheRecord(deps, tokenHash);
    return null;
  }
  return (await cacheLoadedRecord(deps, tokenHash, record)) ? record : null;
}

/**
 * Logout: deletes the row (the truth) with its audit event in one batch, then the cache entry. Idempotent.
 * Returns the user whose session ended, if any.
 */
export async function endSession(deps: Deps, ctx: RequestContext, jwt: string | undefined): Promise<string | null> {
  const current = await validateSession(deps, jwt);
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
