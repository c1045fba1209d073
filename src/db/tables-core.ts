import { sql } from 'drizzle-orm';
import { bigserial, check, index, integer, jsonb, type pgSchema, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';

export type CoreTables = ReturnType<typeof defineCoreTables>;

export function defineCoreTables(schema: ReturnType<typeof pgSchema>) {
  const organizations = schema.table('organizations', {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  });

  const users = schema.table(
    'users',
    {
      id: uuid('id').primaryKey(),
      // Stored normalised (trimmed, lower-case, NFC): uniqueness is on what the user means, not how they typed it.
      email: text('email').notNull(),
      emailVerifiedAt: ts('email_verified_at'),
      name: text('name'),
      passwordHash: text('password_hash'),
      disabledAt: ts('disabled_at'),
      // A disable with an end: from this instant the account is enabled again (isDisabled in account-status.ts).
      disabledUntil: ts('disabled_until'),
      disabledReason: text('disabled_reason'),
      // Platform administrator (the admin API): granted and revoked only from the CLI, never over HTTP.
      platformRole: text('platform_role').$type<'admin'>(),
      // Per-account brute-force protection: consecutive failures and the backoff they earned.
      failedLoginCount: integer('failed_login_count').notNull().default(0),
      lockedUntil: ts('locked_until'),
      // Bumped by every operation that ends the account's credentials or sessions (password change/reset,
      // revoke-all, deletion): a sign-in commits only if it is still the version read when its factor was proven.
      credentialVersion: integer('credential_version').notNull().default(0),
      createdAt: ts('created_at').notNull().defaultNow(),
      updatedAt: ts('updated_at').notNull().defaultNow(),
    },
    (t) => [uniqueIndex('users_email_key').on(t.email), check('users_platform_role_check', sql`${t.platformRole} in ('admin')`)],
  );

  const memberships = schema.table(
    'memberships',
    {
      organizationId: uuid('organization_id')
        .notNull()
        .references(() => organizations.id, { onDelete: 'cascade' }),
      userId: uuid('user_id')
        .notNull()
        .references(() => users.id, { onDelete: 'cascade' }),
      role: text('role').$type<'owner' | 'admin' | 'member'>().notNull(),
      createdAt: ts('created_at').notNull().defaultNow(),
    },
    (t) => [
      primaryKey({ columns: [t.organizationId, t.userId] }),
      index('memberships_user_idx').on(t.userId),
      check('memberships_role_check', sql`${t.role} in ('owner', 'admin', 'member')`),
    ],
  );

  const sessions = schema.table(
    'sessions',
    {
      id: uuid('id').primaryKey(),
      // SHA-256 of the session secret carried in the cookie; the secret itself is never stored.
      tokenHash: text('token_hash').notNull(),
      userId: uuid('user_id')
        .notNull()
        .references(() => users.id, { onDelete: 'cascade' }),
      organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
      ip: text('ip'),
      userAgent: text('user_agent'),
      createdAt: ts('created_at').notNull(),
      lastSeenAt: ts('last_seen_at').notNull(),
      idleExpiresAt: ts('idle_expires_at').notNull(),
      expiresAt: ts('expires_at').notNull(),
      // How the session was established (RFC 8176 `amr` values: pwd, otp, hwk, fed, mfa…); null for older rows.
      amr: text('amr').array(),
    },
    (t) => [uniqueIndex('sessions_token_hash_key').on(t.tokenHash), index('sessions_user_idx').on(t.userId)],
  );

  const auditLogs = schema.table(
    'audit_logs',
    {
      id: bigserial('id', { mode: 'number' }).primaryKey(),
      event: text('event').notNull(),
      // No foreign keys: audit rows outlive the user (deletion detaches them).
      userId: uuid('user_id'),
      organizationId: uuid('organization_id'),
      requestId: text('request_id'),
      // Who did it when it was not the user themself: an administrator (`user`), a server API key (`api_key`),
      // the CLI (`cli`, actor_id = the operator's OS account) or the Cron Trigger (`system`). Null: the user.
      actorType: text('actor_type').$type<'user' | 'api_key' | 'cli' | 'system'>(),
      actorId: text('actor_id'),
      ip: text('ip'),
      userAgent: text('user_agent'),
      metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
      createdAt: ts('created_at').notNull().defaultNow(),
    },
    (t) => [
      index('audit_logs_user_idx').on(t.userId, t.createdAt),
      index('audit_logs_org_idx').on(t.organizationId, t.createdAt),
      index('audit_logs_created_idx').on(t.createdAt),
    ],
  );

  return { schema, organizations, users, memberships, sessions, auditLogs };
}
