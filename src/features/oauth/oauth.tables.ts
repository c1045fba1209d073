import { boolean, index, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from '../../db/columns.ts';
import type { CoreTables } from '../../db/tables-core.ts';

/** Sign-in identities from OAuth / OpenID providers, and the short-lived state of flows in progress. */
export function defineOAuthTables({ schema, users }: CoreTables) {
  const identities = schema.table(
    'identities',
    {
      id: uuid('id').primaryKey(),
      userId: uuid('user_id')
        .notNull()
        .references(() => users.id, { onDelete: 'cascade' }),
      // An identity is the provider's stable subject (OIDC `sub`, GitHub's numeric id), never an email:
      // emails change hands; (provider, subject) does not.
      provider: text('provider').notNull(),
      subject: text('subject').notNull(),
      // What the provider last asserted, for display; sign-in never matches on it.
      email: text('email'),
      emailVerified: boolean('email_verified').notNull().default(false),
      createdAt: ts('created_at').notNull(),
      lastUsedAt: ts('last_used_at'),
    },
    (t) => [uniqueIndex('identities_provider_subject_key').on(t.provider, t.subject), index('identities_user_idx').on(t.userId)],
  );

  const oauthFlows = schema.table(
    'oauth_flows',
    {
      // SHA-256 of the `state` sent to the provider (the value itself is never stored).
      stateHash: text('state_hash').primaryKey(),
      // SHA-256 of the browser-binding secret held in an HttpOnly cookie: only the browser that started the
      // flow can finish it. The PKCE verifier and the nonce are derived from that secret, so neither is stored.
      browserHash: text('browser_hash').notNull(),
      provider: text('provider').notNull(),
      redirectTo: text('redirect_to').notNull(),
      // Set when a signed-in user started the flow: the identity is linked to this user, nobody else.
      linkUserId: uuid('link_user_id').references(() => users.id, { onDelete: 'cascade' }),
      expiresAt: ts('expires_at').notNull(),
      createdAt: ts('created_at').notNull(),
    },
    (t) => [index('oauth_flows_expires_idx').on(t.expiresAt)],
  );

  return { identities, oauthFlows };
}
