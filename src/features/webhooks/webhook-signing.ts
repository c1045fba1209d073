// Standard Webhooks signing (https://www.standardwebhooks.com): receivers verify with the `standardwebhooks`
// library in any language. The secret is `whsec_` + base64 of 32 random bytes; the signature header is
// `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`.
import { openSecret, sealSecret } from '../../crypto/secret-box.ts';

const SECRET_PREFIX = 'whsec_';

/** Standard (padded) base64: what the specification and its libraries use. */
function base64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

export function newWebhookSecret(): string {
  return SECRET_PREFIX + base64(crypto.getRandomValues(new Uint8Array(32)));
}

// The associated data binds a sealed secret to its endpoint: copied onto another endpoint it does not open.
const sealedFor = (endpointId: string) => `webhook-secret:${endpointId}`;

export function sealWebhookSecret(encryptionKey: string | undefined, endpointId: string, secret: string): Promise<string> {
  return sealSecret(encryptionKey, new TextEncoder().encode(secret), sealedFor(endpointId));
}

export async function openWebhookSecret(encryptionKey: string | undefined, endpointId: string, sealed: string): Promise<string> {
  return new TextDecoder().decode(await openSecret(encryptionKey, sealed, sealedFor(endpointId)));
}

/**
 * The three Standard Webhooks headers for one attempt (`timestamp` in seconds since the epoch): one `v1,`
 * signature per secret, space-separated (receivers accept the delivery when any of them verifies).
 */
export async function signatureHeaders(secrets: string[], id: string, timestamp: number, body: string): Promise<Record<string, string>> {
  const content = new TextEncoder().encode(`${id}.${timestamp}.${body}`);
  const signatures = await Promise.all(
    secrets.map(async (secret) => {
      const key = await crypto.subtle.importKey(
        'raw',
        Uint8Array.from(atob(secret.slice(SECRET_PREFIX.length)), (c) => c.charCodeAt(0)),
        { name: 'HMAC', hash: 'SHA-256' },
        false,
        ['sign'],
      );
      return `v1,${base64(new Uint8Array(await crypto.subtle.sign('HMAC', key, content)))}`;
    }),
  );
  return { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': signatures.join(' ') };
}
