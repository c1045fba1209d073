import { loggableError } from '../../db/errors.ts';
import { ApiError } from '../../lib/errors.ts';
import type { Deps } from '../../platform/deps.ts';
import { log } from '../../platform/log.ts';
import { auditInsert, type RequestContext } from '../audit/audit.ts';
import type { ValidSession } from '../sessions/sessions.ts';
import { requireFreshAuth } from '../sign-in/password-reentry.ts';
import { type OAuthOutcome, resolveIdentity } from './accounts.ts';
import { authorizationUrl, exchangeCode } from './client.ts';
import { type ConsumedFlow, startFlow } from './flow-state.ts';
import { type ProviderIdentity, readIdentity } from './identity.ts';
import { getProvider, type Provider, providerEndpoints } from './providers.ts';

export interface StartInput {
  providerId: string;
  /** Already validated (validateRedirect). */
  redirectTo: string;
  /** A live session makes this a linking flow for that user. */
  session: ValidSession | null;
  /** The current password, re-entered to link from a session that is no longer fresh. */
  password?: string;
}

export interface Started {
  location: string;
  binding: string;
  expiresAt: Date;
}

/** Begins a sign-in (or, when signed in, a link): records the flow, answers the provider's authorization URL. */
export async function startOAuth(deps: Deps, ctx: RequestContext, input: StartInput): Promise<Started> {
  const provider = getProvider(deps.config, input.providerId);
  // Linking adds a way into the account, like adding a passkey: a stolen or forgotten-open session alone must
  // not be able to attach someone else's provider identity. Same fresh authentication as the other changes.
  if (input.session) await requireFreshAuth(deps, ctx, input.session, input.password);
  const endpoints = await providerEndpoints(deps, provider);
  const flow = await startFlow(deps, {
    provider: provider.id,
    redirectTo: input.redirectTo,
    linkUserId: input.session?.record.user.id ?? null,
  });
  await deps.db.batch(flow.statements);
  const location = await authorizationUrl(deps, provider, endpoints, {
    state: flow.state,
    codeVerifier: flow.codeVerifier,
    nonce: endpoints.oidc ? flow.nonce : undefined,
  });
  return { location, binding: flow.binding, expiresAt: flow.expiresAt };
}

/** The provider's answer on the callback URL. */
export interface CallbackParams {
  code?: string;
  error?: string;
  iss?: string;
}

/**
 * Finishes a consumed flow: exchange the code with the PKCE verifier, verify and read the identity, then sign
 * in, link or create the account. Every refusal after the flow was consumed is audited.
 */
export async function finishOAuth(
  deps: Deps,
  ctx: RequestContext,
  flow: ConsumedFlow,
  params: CallbackParams,
  session: ValidSession | null,
): Promise<OAuthOutcome> {
  const provider = getProvider(deps.config, flow.provider);
  let identity: ProviderIdentity;
  try {
    identity = await verifiedIdentity(deps, provider, flow, params);
  } catch (err) {
    await auditFailure(deps, ctx, provider, flow, err);
    throw err;
  }
  return resolveIdentity(deps, ctx, flow, identity, session);
}

async function verifiedIdentity(deps: Deps, provider: Provider, flow: ConsumedFlow, params: CallbackParams): Promise<ProviderIdentity> {
  if (params.error) {
    log('info', 'oauth provider refused the authorization', { provider: provider.id, error: params.error.slice(0, 100) });
    throw new ApiError('oauth_denied');
  }
  if (!params.code) throw new ApiError('oauth_denied', 'The provider sent no authorization code.');
  const endpoints = await providerEndpoints(deps, provider);
  // RFC 9207 (mix-up defence): a provider that names itself in the response must name itself.
  if (endpoints.oidc && (params.iss !== undefined || endpoints.oidc.issInCallback) && !endpoints.oidc.issuers.includes(params.iss ?? '')) {
    throw new ApiError('oauth_state_invalid', 'The response came from an unexpected issuer.');
  }
  const tokens = await exchangeCode(deps, provider, endpoints, params.code, flow.codeVerifier);
  return readIdentity(deps, provider, endpoints, tokens, flow.nonce);
}

/** Best effort: an audit failure must not turn the user's error into a different one. */
async function auditFailure(deps: Deps, ctx: RequestContext, provider: Provider, flow: ConsumedFlow, err: unknown) {
  try {
    await auditInsert(deps, ctx, 'login.failed', {
      userId: flow.linkUserId,
      metadata: { method: 'oauth', provider: provider.id, reason: err instanceof ApiError ? err.code : 'internal' },
    });
  } catch (auditErr) {
    log('warn', 'oauth failure audit not written', loggableError(auditErr));
  }
}
