import { and, eq } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { newId } from '../../crypto/tokens.ts';
import { isDisabled } from '../../db/account-status.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { ApiError } from '../../lib/errors.ts';
import type { Deps } from '../../platform/deps.ts';
import { prepareAccount } from '../accounts/registration.ts';
import { auditInsert, type RequestContext } from '../audit/audit.ts';
import { evict } from '../sessions/session-management.ts';
import type { ValidSession } from '../sessions/sessions.ts';
import { addressUnverified, endPriorCredentials } from '../sign-in/prior-credentials.ts';
import { completeSignIn } from '../sign-in/sign-in.ts';
import type { OrganizationChoice, SignInResult, SignInUser } from '../sign-in/sign-in-types.ts';
import type { ConsumedFlow } from './flow-state.ts';
import type { ProviderIdentity } from './identity.ts';

export type OAuthOutcome = { kind: 'signed_in'; result: SignInResult } | { kind: 'linked'; provider: string };

const IDENTITY_KEY = 'identities_provider_subject_key';

/** An existing account's session gets its first organization. */
const LOOKUP: OrganizationChoice = { kind: 'lookup' };

type UserRow = Deps['t']['users']['$inferSelect'];

function identityInsert(deps: Deps, userId: string, identity: ProviderIdentity) {
  const now = deps.clock.now();
  return deps.db.insert(deps.t.identities).values({
    id: newId(),
    userId,
    provider: identity.provider,
    subject: identity.subject,
    email: identity.email,
    emailVerified: identity.emailVerified,
    createdAt: now,
    lastUsedAt: now,
  });
}

/** An OAuth sign-in: the flow state is already consumed (flow.ts), so no guard beyond the credential version. */
async function signIn(
  deps: Deps,
  ctx: RequestContext,
  user: SignInUser,
  plan: { organization: OrganizationChoice; statements: BatchItem<'pg'>[]; auditMetadata: Record<string, unknown> },
): Promise<SignInResult> {
  const { organization, statements, auditMetadata } = plan;
  const outcome = await completeSignIn(deps, ctx, {
    user,
    method: 'oauth',
    organization,
    commit: { statements, guard: { kind: 'always' } },
    auditMetadata,
  });
  // The only refusal without a guard: the credentials changed (or the account went) since the identity was read.
  if (!outcome.ok) throw new ApiError('invalid_credentials');
  return outcome.result;
}

async function refuse(
  deps: Deps,
  ctx: RequestContext,
  code: 'oauth_account_exists' | 'account_disabled',
  userId: string,
  identity: ProviderIdentity,
) {
  await auditInsert(deps, ctx, 'login.failed', { userId, metadata: { method: 'oauth', provider: identity.provider, reason: code } });
  return new ApiError(code);
}

/**
 * What a verified provider identity leads to. The identity (provider, subject) is the credential:
 * - started while signed in: link it to that user (refused if it belongs to someone else);
 * - known: sign in to its user;
 * - new, and an account has this email: sign in and link only when the provider asserts the email verified —
 *   otherwise anyone who can make a provider claim an address would take over its account; the owner links
 *   explicitly instead. If the account's own address was never verified, this is the mailbox owner's first
 *   proof: everything set up on the account before it ends (account pre-hijacking);
 * - new, no such account: a new account (with its own organization), as registration makes it.
 */
export async function resolveIdentity(
  deps: Deps,
  ctx: RequestContext,
  flow: ConsumedFlow,
  identity: ProviderIdentity,
  current: ValidSession | null,
  attempt = 0,
): Promise<OAuthOutcome> {
  const { db, t } = deps;
  const [found] = await db
    .select({ identityId: t.identities.id, user: t.users })
    .from(t.identities)
    .innerJoin(t.users, eq(t.users.id, t.identities.userId))
    .where(and(eq(t.identities.provider, identity.provider), eq(t.identities.subject, identity.subject)));

  if (flow.linkUserId) return link(deps, ctx, flow.linkUserId, identity, current, found?.user.id ?? null);

  try {
    if (found) {
      if (isDisabled(found.user, deps.clock.now())) throw await refuse(deps, ctx, 'account_disabled', found.user.id, identity);
      const refresh = db
        .update(t.identities)
        .set({ email: identity.email, emailVerified: identity.emailVerified, lastUsedAt: deps.clock.now() })
        .where(eq(t.identities.id, found.identityId));
      return {
        kind: 'signed_in',
        result: await signIn(deps, ctx, found.user, {
          organization: LOOKUP,
          statements: [refresh],
          auditMetadata: { provider: identity.provider },
        }),
      };
    }
    if (!identity.email) throw new ApiError('oauth_email_required');
    const [owner] = await db.select().from(t.users).where(eq(t.users.email, identity.email));
    if (owner) return { kind: 'signed_in', result: await autoLink(deps, ctx, owner, identity) };
    return { kind: 'signed_in', result: await createAccount(deps, ctx, identity) };
  } catch (err) {
    // A concurrent first sign-in (a double-click) created the identity or the account first: decide again,
    // now that it exists. Nothing of ours was written: each attempt is one atomic batch.
    const raced = isUniqueViolation(err, IDENTITY_KEY) || isUniqueViolation(err, 'users_email_key');
    if (raced && attempt === 0) return resolveIdentity(deps, ctx, flow, identity, current, 1);
    if (raced) throw new ApiError('oauth_account_exists');
    throw err;
  }
}

async function autoLink(deps: Deps, ctx: RequestContext, owner: UserRow, identity: ProviderIdentity): Promise<SignInResult> {
  if (!identity.emailVerified) throw await refuse(deps, ctx, 'oauth_account_exists', owner.id, identity);
  if (isDisabled(owner, deps.clock.now())) throw await refuse(deps, ctx, 'account_disabled', owner.id, identity);
  const linked = auditInsert(deps, ctx, 'identity.linked', {
    userId: owner.id,
    metadata: { provider: identity.provider, by: 'verified_email' },
  });
  if (owner.emailVerifiedAt === null) {
    // The provider proves the mailbox the account's registrant never did: a takeover by the mailbox owner.
    // Whatever the registrant set up (password, passkeys, TOTP, sessions, …) ends, atomically with the
    // verification and the link, before the MFA decision (pre-hijacking, see prior-credentials.ts).
    const { db, t } = deps;
    const now = deps.clock.now();
    const prior = endPriorCredentials(deps, ctx, { userId: owner.id, when: addressUnverified(deps, owner.id), via: 'oauth' });
    const results = await db.batch([
      ...prior.statements,
      db.update(t.users).set({ emailVerifiedAt: now, updatedAt: now }).where(eq(t.users.id, owner.id)),
      identityInsert(deps, owner.id, identity),
      linked,
    ]);
    await evict(deps, prior.revokedSessions(results, 0));
    const credentialVersion = prior.credentialVersion(results, 0) ?? owner.credentialVersion;
    return signIn(
      deps,
      ctx,
      { ...owner, credentialVersion, emailVerifiedAt: now },
      {
        organization: LOOKUP,
        statements: [],
        auditMetadata: { provider: identity.provider, linked: true, prior_credentials_revoked: true },
      },
    );
  }
  return signIn(deps, ctx, owner, {
    organization: LOOKUP,
    statements: [identityInsert(deps, owner.id, identity), linked],
    auditMetadata: { provider: identity.provider, linked: true },
  });
}

async function createAccount(deps: Deps, ctx: RequestContext, identity: ProviderIdentity): Promise<SignInResult> {
  const account = prepareAccount(deps, ctx, {
    email: identity.email!,
    name: identity.name,
    passwordHash: null,
    // The provider's word is the proof; an unasserted address stays unverified (and never auto-links later).
    emailVerifiedAt: identity.emailVerified ? deps.clock.now() : null,
    auditMetadata: { method: 'oauth', provider: identity.provider },
  });
  // The account and its identity land together (a taken email fails the whole batch: see the retry above);
  // the session follows in the sign-in's own batch.
  await deps.db.batch([...account.statements, identityInsert(deps, account.user.id, identity)]);
  return signIn(deps, ctx, account.user, {
    organization: { kind: 'known', organization: account.organization },
    statements: [],
    auditMetadata: { provider: identity.provider, new_account: true },
  });
}

/** Explicit linking: only for the user who started the flow, and only while that session is still live. */
async function link(
  deps: Deps,
  ctx: RequestContext,
  userId: string,
  identity: ProviderIdentity,
  current: ValidSession | null,
  ownerOfIdentity: string | null,
): Promise<OAuthOutcome> {
  if (current?.record.user.id !== userId) throw new ApiError('unauthorized', 'Sign in again to link this provider.');
  if (ownerOfIdentity === userId) return { kind: 'linked', provider: identity.provider };
  if (ownerOfIdentity) throw new ApiError('identity_in_use');
  try {
    await deps.db.batch([
      identityInsert(deps, userId, identity),
      auditInsert(deps, ctx, 'identity.linked', {
        userId,
        organizationId: current.record.organization?.id,
        metadata: { provider: identity.provider, by: 'signed_in_user' },
      }),
    ]);
  } catch (err) {
    if (isUniqueViolation(err, IDENTITY_KEY)) throw new ApiError('identity_in_use');
    throw err;
  }
  return { kind: 'linked', provider: identity.provider };
}
