import { pgSchema } from 'drizzle-orm/pg-core';
import { defineCoreTables } from './tables-core.ts';
import { defineAccountTables } from './tables-accounts.ts';
import { defineMfaTables } from './tables-mfa.ts';
import { definePasskeyTables } from './tables-passkeys.ts';
import { defineTokenTables } from './tables-tokens.ts';
import { defineEmailOtpTables } from './tables-email-otp.ts';
import { defineOAuthTables } from './tables-oauth.ts';
import { defineIdempotencyTables } from './tables-idempotency.ts';

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
