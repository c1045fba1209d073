// Access tokens for the app's own APIs (POST /v1/auth/token): one request serves every caller until 30 s before
// the token expires; a sign-in, sign-out or organization switch (here or in another tab) drops it.
import type { Core } from './core.ts';

/** Renew this long before expiry, so a token is never sent in its last seconds (clock skew, slow requests). */
const RENEW_BEFORE_MS = 30_000;

export async function getAccessToken(core: Core): Promise<string> {
  const cached = core.accessToken;
  if (cached) {
    const current = await cached.catch(() => undefined);
    if (current && core.now() < current.expiresAt - RENEW_BEFORE_MS) return current.token;
    // A failed or expiring token is replaced, unless a session change already replaced the request.
    if (core.accessToken !== cached) return getAccessToken(core);
  }
  const request = issue(core);
  core.accessToken = request;
  try {
    return (await request).token;
  } catch (err) {
    if (core.accessToken === request) core.accessToken = undefined;
    throw err;
  }
}

async function issue(core: Core): Promise<{ token: string; expiresAt: number }> {
  const requestedAt = core.now();
  const answer = await core.call(core.api.POST('/v1/auth/token'));
  // expires_in is reckoned from when it was asked for: the local clock, whatever the server's says.
  return { token: answer.access_token, expiresAt: requestedAt + answer.expires_in * 1000 };
}
