// RFC 6749 §2.3.1: the client id and secret are form-urlencoded before they go into HTTP Basic. A secret with
// `+`, `/` or `=` (common in generated secrets) must reach the provider intact. Checked against the real
// OpenID provider (test/oidc-provider-server.ts), which decodes the credentials as the RFC says: its second
// client `local-oidc-encoded` has such a secret.
import { describe, expect, inject, it } from 'vitest';
import { call, callback, landing, localOidcEnv, signInAtProvider, startFlow, uniqueEmail } from '../support/index.ts';

const PROVIDER = 'local-oidc-encoded';

describe('OAuth client secret encoding', () => {
  it('a client secret containing +, / and = authenticates at the token endpoint', async () => {
    expect(inject('oidcEncodedClientSecret')).toMatch(/\+.*\/.*=/);
    const env = localOidcEnv('encoded');
    const email = uniqueEmail('encoded-secret');
    const { location, flowCookie } = await startFlow(PROVIDER, { env });
    // The authorization URL carries the client id as registered (not form-encoded a second time).
    expect(new URL(location).searchParams.get('client_id')).toBe(inject('oidcEncodedClientId'));
    const { error, session } = landing(await callback(PROVIDER, await signInAtProvider(location, email), { env, cookie: flowCookie }));
    expect(error).toBeNull();
    const me = (await (await call('/v1/auth/session', { env, cookie: session! })).json()) as { user: { email: string } };
    expect(me.user.email).toBe(email);
  });
});
