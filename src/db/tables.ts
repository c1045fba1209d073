import { pgSchema } from 'drizzle-orm/pg-core';
import { defineAccountTables } from '../features/accounts/accounts.tables.ts';
import { defineAdminTables } from '../features/admin/admin.tables.ts';
import { defineTokenTables } from '../features/email/email.tables.ts';
import { defineIdempotencyTables } from '../features/idempotency/idempotency.tables.ts';
import { defineMfaTables } from '../features/mfa/mfa.tables.ts';
import { defineOAuthTables } from '../features/oauth/oauth.tables.ts';
import { defineOrganizationTables } from '../features/organizations/organizations.tables.ts';
import { definePasskeyTables } from '../features/passkeys/passkeys.tables.ts';
import { defineSignInTables } from '../features/sign-in/sign-in.tables.ts';
import { defineSigningKeyTables } from '../features/tokens/tokens.tables.ts';
import { defineWebhookTables } from '../features/webhooks/webhooks.tables.ts';
import { defineCoreTables } from './tables-core.ts';

/**
 * Every table lives in the Postgres schema named by IDENTSPHERE_SCHEMA, so the table set is built per
 * schema name. `src/db/schema.ts` instantiates it with the default name for drizzle-kit.
 *
 * The core tables (users, organizations, memberships, sessions, audit log) are here in src/db: every feature
 * references them. Each feature defines its own tables in `src/features/<feature>/<feature>.tables.ts` as a
 * function of the core tables (importing nothing but drizzle and src/db), and is registered here: this
 * registry is the one place src/db looks into the features, and only at their table definitions.
 */
export function defineTables(schemaName: string) {
  const core = defineCoreTables(pgSchema(schemaName));
  return {
    ...core,
    ...defineTokenTables(core),
    ...defineAccountTables(core),
    ...defineOrganizationTables(core),
    ...defineSignInTables(core),
    ...defineMfaTables(core),
    ...definePasskeyTables(core),
    ...defineOAuthTables(core),
    ...defineIdempotencyTables(core),
    ...defineSigningKeyTables(core),
    ...defineAdminTables(core),
    ...defineWebhookTables(core),
  };
}

export type Tables = ReturnType<typeof defineTables>;
