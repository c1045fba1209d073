// The table set with the default schema name, for drizzle-kit (generate/migrate). The Worker builds its own
// set from IDENTSPHERE_SCHEMA (src/db/client.ts); migrations are renamed to that schema when applied.
import { defineTables } from './tables.ts';

export const DEFAULT_SCHEMA = 'identsphere';

// drizzle-kit finds tables by their top-level exports: list every table here, one per line.
export const {
  schema,
  organizations,
  users,
  memberships,
  sessions,
  auditLogs,
  oneTimeTokens,
  userProfiles,
  invitations,
  avatarDeletions,
  deviceFailures,
  totpCredentials,
  recoveryCodes,
  mfaChallenges,
  passkeys,
  webauthnChallenges,
  emailOtpCodes,
  identities,
  oauthFlows,
  idempotencyKeys,
  signingKeys,
  apiKeys,
  webhookEndpoints,
  webhookEvents,
  webhookDeliveries,
} = defineTables(DEFAULT_SCHEMA);
