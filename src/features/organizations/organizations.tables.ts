import { sql } from 'drizzle-orm';
import { check, index, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from '../../db/columns.ts';
import type { CoreTables } from '../../db/tables-core.ts';

/** Pending invitations to an organization (organizations and memberships are core tables). */
export function defineOrganizationTables({ schema, users, organizations }: CoreTables) {
  const invitations = schema.table(
    'invitations',
    {
      id: uuid('id').primaryKey(),
      organizationId: uuid('organization_id')
        .notNull()
        .references(() => organizations.id, { onDelete: 'cascade' }),
      email: text('email').notNull(),
      role: text('role').$type<'owner' | 'admin' | 'member'>().notNull(),
      // SHA-256 of the link's secret; the secret itself is never stored.
      tokenHash: text('token_hash').notNull(),
      invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
      expiresAt: ts('expires_at').notNull(),
      // Set by the one request that accepts the invitation (its batch then deletes the row): single use.
      claimedBy: text('claimed_by'),
      createdAt: ts('created_at').notNull(),
    },
    (t) => [
      uniqueIndex('invitations_token_hash_key').on(t.tokenHash),
      index('invitations_org_idx').on(t.organizationId),
      index('invitations_email_idx').on(t.email),
      check('invitations_role_check', sql`${t.role} in ('owner', 'admin', 'member')`),
    ],
  );

  return { invitations };
}
