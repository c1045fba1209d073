import { sql } from 'drizzle-orm';
import { defineAccountTables } from './tables-accounts.ts';
import { defineMfaTables } from './tables-mfa.ts';
import { definePasskeyTables } from './tables-passkeys.ts';
import { defineTokenTables } from './tables-tokens.ts';
import { defineEmailOtpTables } from './tables-email-otp.ts';
import { defineOAuthTables } from './tables-oauth.ts';
import { defineIdempotencyTables } from './tables-idempotency.ts';
import { bigserial, check, index, integer, jsonb, pgSchema, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Every table lives in the Postgres schema named by IDENTSPHERE_SCHEMA, so the table set is built per
 * schema name. `src/db/schema.ts` instantiates it with the default name for drizzle-kit.
 * Features with tables of their own define them in `src/db/tables-<feature>.ts` as a function of the core
 * tables, and are added here.
 */
export function defineTables(schemaName: string) {
  const core = defineCoreTables(pgSchema(schemaName));
  return {
    ...core,
    ...defineTokenTables(core),
    ...defineAccountTables(core),
    ...defineMfaTables(core),
    ...definePasskeyTables(core),
    ...defineEmailOtpTables(core),
    ...defineOAuthTables(core),
    ...defineIdempotencyTables(core),
  };
}

export type Tables = ReturnType<typeof defineTables>;
export type CoreTables = ReturnType<typeof defineCoreTables>;

function defineCoreTables(schema: ReturnType<typeof pgSchema>) {
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
      // Per-account brute-force protection: consecutive failures and the backoff they earned.
      failedLoginCount: integer('failed_login_count').notNull().default(0),
      lockedUntil: ts('locked_until'),
      // Bumped by every operation that ends the account's credentials or sessions (password change/reset,
      // revoke-all, deletion): a sign-in commits only if it is still the version read when its factor was proven.
      credentialVersion: integer('credential_version').notNull().default(0),
      createdAt: ts('created_at').notNull().defaultNow(),
      updatedAt: ts('updated_at').notNull().defaultNow(),
    },
    (t) => [uniqueIndex('users_email_key').on(t.email)],
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
      role: text('role').notNull(),
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
