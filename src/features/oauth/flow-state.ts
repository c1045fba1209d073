import { and, eq, lt } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { randomToken, sha256Hex } from '../../crypto/tokens.ts';
import { base64Url } from '../../lib/encoding.ts';
import type { Deps } from '../../platform/deps.ts';

/** How long a user has between leaving for the provider and coming back. */
export const FLOW_TTL_SECONDS = 600;

export interface FlowSecrets {
  /** Sent to the provider and back in the URL. */
  state: string;
  codeVerifier: string;
  nonce: string;
}

export interface StartedFlow extends FlowSecrets {
  /** The browser-binding secret: the value of the short-lived HttpOnly flow cookie. */
  binding: string;
  expiresAt: Date;
  statements: [BatchItem<'pg'>, BatchItem<'pg'>];
}

export interface ConsumedFlow extends FlowSecrets {
  provider: string;
  redirectTo: string;
  linkUserId: string | null;
}

async function hmac(key: string, message: string): Promise<string> {
  const k = await crypto.subtle.importKey('raw', new TextEncoder().encode(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return base64Url(new Uint8Array(await crypto.subtle.sign('HMAC', k, new TextEncoder().encode(message))));
}

/**
 * The PKCE verifier (43 characters of base64url, RFC 7636 §4.1) and the nonce are derived from the browser's
 * secret and the state: only the browser holding the cookie can complete the exchange or match the nonce,
 * and nothing that would let someone else do so is stored server-side.
 */
async function deriveSecrets(binding: string, state: string): Promise<FlowSecrets> {
  return {
    state,
    codeVerifier: await hmac(binding, `identsphere oauth pkce-verifier ${state}`),
    nonce: await hmac(binding, `identsphere oauth nonce ${state}`),
  };
}

/** A new flow: fresh state and browser secret; the row insert (and a sweep of expired rows) for the caller to run. */
export async function startFlow(
  deps: Deps,
  input: { provider: string; redirectTo: string; linkUserId: string | null },
): Promise<StartedFlow> {
  const { db, t } = deps;
  const now = deps.clock.now();
  const binding = randomToken(32);
  const state = randomToken(32);
  const expiresAt = new Date(now.getTime() + FLOW_TTL_SECONDS * 1000);
  return {
    ...(await deriveSecrets(binding, state)),
    binding,
    expiresAt,
    statements: [
      db.delete(t.oauthFlows).where(lt(t.oauthFlows.expiresAt, now)),
      db.insert(t.oauthFlows).values({
        stateHash: await sha256Hex(state),
        browserHash: await sha256Hex(binding),
        provider: input.provider,
        redirectTo: input.redirectTo,
        linkUserId: input.linkUserId,
        expiresAt,
        createdAt: now,
      }),
    ],
  };
}

/**
 * Consumes a flow exactly once: one conditional DELETE … RETURNING that matches the state, this browser's
 * secret and the provider, so a replayed callback, a state from another browser (login CSRF) or another
 * provider's callback finds nothing — and of concurrent callbacks only one gets the row. Null: refuse.
 */
export async function consumeFlow(
  deps: Deps,
  input: { provider: string; state: string | undefined; binding: string | undefined },
): Promise<ConsumedFlow | null> {
  if (!input.state || !input.binding) return null;
  const { db, t } = deps;
  const flows = t.oauthFlows;
  const [row] = await db
    .delete(flows)
    .where(
      and(
        eq(flows.stateHash, await sha256Hex(input.state)),
        eq(flows.browserHash, await sha256Hex(input.binding)),
        eq(flows.provider, input.provider),
      ),
    )
    .returning();
  if (!row || row.expiresAt <= deps.clock.now()) return null;
  return {
    ...(await deriveSecrets(input.binding, input.state)),
    provider: row.provider,
    redirectTo: row.redirectTo,
    linkUserId: row.linkUserId,
  };
}
