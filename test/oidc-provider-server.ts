// A real, independent OpenID provider for the tests (the `oidc-provider` package, certified OpenID Connect
// server): discovery, JWKS, authorization code + PKCE, id_tokens, userinfo. Nothing in it is faked; its login
// and consent pages are the package's development interactions, which an automated client can complete:
// any login name is accepted (the password is ignored) and names the account that signs in:
//   "alice@example.com"            -> sub "alice@example.com", email verified
//   "unverified:bob@example.com"   -> sub "unverified:bob@example.com", email_verified false
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';

export interface LocalOidcClient {
  clientId: string;
  clientSecret: string;
}

export interface LocalOidcProvider extends LocalOidcClient {
  issuer: string;
  /** A second client whose secret contains `+`, `/` and `=` (must be form-urlencoded in HTTP Basic). */
  encoded: LocalOidcClient;
  close(): Promise<void>;
}

function accountClaims(login: string) {
  const unverified = login.startsWith('unverified:');
  const email = unverified ? login.slice('unverified:'.length) : login;
  return { sub: login, email, email_verified: !unverified, name: `Test ${email.split('@')[0]}` };
}

/**
 * Starts the provider on a free loopback port. Two clients, each with its callback under `callbackBase`:
 * `local-oidc` (client `identsphere-test`, hex secret) and `local-oidc-encoded` (client `local-oidc-encoded`, a
 * secret with `+`, `/` and `=`, which the provider decodes per RFC 6749 §2.3.1).
 */
export async function startOidcProvider(callbackBase: string): Promise<LocalOidcProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'identsphere-test';
  const clientSecret = randomBytes(32).toString('hex');
  const encoded = { clientId: 'local-oidc-encoded', clientSecret: `${randomBytes(12).toString('hex')}+a/b=c==` };
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [`${callbackBase}/local-oidc/callback`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
      {
        client_id: encoded.clientId,
        client_secret: encoded.clientSecret,
        redirect_uris: [`${callbackBase}/local-oidc-encoded/callback`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    // PKCE is enforced by the provider for every client: a token request without the right verifier fails.
    pkce: { required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    jwks: { keys: [{ ...(await exportJWK(privateKey)), kid: 'test-rs256', alg: 'RS256', use: 'sig' }] },
    ttl: { AccessToken: 3600, AuthorizationCode: 60, IdToken: 3600, Interaction: 600, Session: 3600, Grant: 3600 },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx, id) {
      return { accountId: id, claims: async () => accountClaims(id) };
    },
  });
  server.on('request', provider.callback());

  return {
    issuer,
    clientId,
    clientSecret,
    encoded,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
