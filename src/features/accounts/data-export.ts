import { asc, desc, eq, sql } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { auditInsert, type RequestContext } from '../audit/audit.ts';
import { mfaStatus } from '../mfa/mfa-pending.ts';
import type { ValidSession } from '../sessions/sessions.ts';
import { loadUserView } from './profile.ts';
import { qualified, userReferences } from './user-records.ts';

/**
 * Columns never exported, by name: secrets, hashes, tokens, codes, keys and encrypted material, whatever table
 * they are in (tables added by other features are exported generically, so the rule is by name, and errs on
 * the side of leaving a column out).
 */
const SECRET_COLUMN = /password|hash|secret|token|code|key|seed|cipher|encrypt|nonce|challenge|salt|otp|verifier|private|credential_id/i;
const SECRET_COLUMN_NAMES = new Set(['iv', 'consumed_by', 'claimed_by']);
/** Values that look like a secret are dropped even under an innocent column name. */
const SECRET_VALUE = /^(\$(argon2|2[aby]|scrypt|pbkdf2)|eyJ[\w-]+\.[\w-]+\.)|^[0-9a-f]{64}$/i;

/** Tables with their own section below (the generic section skips them). */
const EXPLICIT = new Set(['users', 'user_profiles', 'memberships', 'sessions']);

const PG_TIMESTAMPTZ = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?)([+-]\d{2})(?::?(\d{2}))?$/;

/** Raw rows carry Postgres's timestamp text; the export uses ISO 8601 throughout. */
function isoTimestamp(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const m = PG_TIMESTAMPTZ.exec(value);
  if (!m) return value;
  const date = new Date(`${m[1]}T${m[2]}${m[3]}:${m[4] ?? '00'}`);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

function isSecretColumn(name: string): boolean {
  return SECRET_COLUMN.test(name) || SECRET_COLUMN_NAMES.has(name);
}

export function withoutSecrets(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(row)) {
    if (isSecretColumn(name)) continue;
    if (typeof value === 'string' && SECRET_VALUE.test(value)) continue;
    if (value instanceof Uint8Array || value instanceof ArrayBuffer) continue;
    out[name] = isoTimestamp(value);
  }
  return out;
}

/**
 * GET /v1/auth/me/export ("right of access"): everything stored about the user — account, profile,
 * organizations and roles, sessions, audit events, and the rows of every other table that references the
 * user (passkeys, identities, MFA factors… as other features add them) — without any secret, hash or token.
 */
export async function exportUserData(deps: Deps, ctx: RequestContext, current: ValidSession) {
  const { db, t } = deps;
  const userId = current.record.user.id;
  const [account, profile, organizations, sessions, auditEvents, references, mfa] = await Promise.all([
    db.execute<Record<string, unknown>>(sql`select * from ${t.users} where ${t.users.id} = ${userId}`),
    loadUserView(deps, userId),
    db
      .select({ id: t.organizations.id, name: t.organizations.name, role: t.memberships.role, joinedAt: t.memberships.createdAt })
      .from(t.memberships)
      .innerJoin(t.organizations, eq(t.organizations.id, t.memberships.organizationId))
      .where(eq(t.memberships.userId, userId))
      .orderBy(asc(t.memberships.createdAt)),
    db.select().from(t.sessions).where(eq(t.sessions.userId, userId)).orderBy(desc(t.sessions.createdAt)),
    db.select().from(t.auditLogs).where(eq(t.auditLogs.userId, userId)).orderBy(desc(t.auditLogs.createdAt), desc(t.auditLogs.id)),
    userReferences(deps),
    mfaStatus(deps, userId),
  ]);

  const otherRecords: Record<string, Record<string, unknown>[]> = {};
  for (const ref of references.filter((r) => !EXPLICIT.has(r.table))) {
    const rows = await db.execute<Record<string, unknown>>(
      sql`select * from ${qualified(deps, ref.table)} where ${sql.identifier(ref.column)} = ${userId}`,
    );
    if (rows.rows.length) (otherRecords[ref.table] ??= []).push(...rows.rows.map(withoutSecrets));
  }

  await auditInsert(deps, ctx, 'user.data_exported', { userId });
  return {
    format: 'identsphere.user-export.v1' as const,
    exported_at: deps.clock.now().toISOString(),
    account: withoutSecrets(account.rows[0] ?? {}),
    profile,
    mfa: { enabled: mfa.enabled, methods: mfa.methods },
    organizations: organizations.map((o) => ({ id: o.id, name: o.name, role: o.role, joined_at: o.joinedAt.toISOString() })),
    sessions: sessions.map((s) => ({
      id: s.id,
      current: s.id === current.record.session.id,
      ip: s.ip,
      user_agent: s.userAgent,
      organization_id: s.organizationId,
      created_at: s.createdAt.toISOString(),
      last_seen_at: s.lastSeenAt.toISOString(),
      idle_expires_at: s.idleExpiresAt.toISOString(),
      expires_at: s.expiresAt.toISOString(),
    })),
    audit_events: auditEvents.map((e) => ({
      id: String(e.id),
      event: e.event,
      organization_id: e.organizationId,
      request_id: e.requestId,
      ip: e.ip,
      user_agent: e.userAgent,
      metadata: e.metadata,
      created_at: e.createdAt.toISOString(),
    })),
    other_records: otherRecords,
  };
}
